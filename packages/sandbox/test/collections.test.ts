/** Envelopes, pagination totals, select/order/omitted fields, render(), limits. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Harness } from "./helpers.js";

const h = new Harness({ defaultLimit: 10, maxLimit: 50 });

test("pages carry $meta.pagination and walk the whole collection", async () => {
  const first = await h.get("/commerce/orders");
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.$meta.pagination, { offset: 0, limit: 10, total: 3000 });
  assert.equal(first.body.data.length, 10);
  const seen = new Set<string>();
  for (let offset = 0; offset < 3000; offset += 50) {
    const page = await h.get(`/commerce/orders?limit=50&offset=${offset}&select=-*,id`);
    for (const r of page.body.data) seen.add(r.id);
  }
  assert.equal(seen.size, 3000);
  const last = await h.get("/commerce/orders?limit=10&offset=2995");
  assert.equal(last.body.data.length, 5);
});

test("limit=0 counts, limits above the cap are capped, bad limits are 400", async () => {
  const count = await h.get("/commerce/orders?limit=0&eq(status,Completed)");
  assert.deepEqual(count.body.data, []);
  assert.ok(count.body.$meta.pagination.total > 1000 && count.body.$meta.pagination.total < 2000);
  const capped = await h.get("/commerce/orders?limit=500");
  assert.equal(capped.body.$meta.pagination.limit, 50);
  assert.equal(capped.body.data.length, 50);
  const bad = await h.get("/commerce/orders?limit=abc");
  assert.equal(bad.status, 400);
});

test("default-omitted fields appear in $meta.omitted and come back with select", async () => {
  const page = await h.get("/commerce/orders?limit=1");
  const order = page.body.data[0];
  assert.equal(order.audit, undefined);
  assert.equal(order.lines, undefined);
  assert.ok(page.body.$meta.omitted.includes("audit"));
  const withAudit = await h.get("/commerce/orders?limit=1&select=+audit,+lines");
  assert.ok(withAudit.body.data[0].audit.created.at);
  assert.ok(Array.isArray(withAudit.body.data[0].lines));
  assert.ok(!withAudit.body.$meta.omitted.includes("audit"));
  const single = await h.get(`/commerce/orders/${order.id}`);
  assert.deepEqual(single.body.$meta.omitted.includes("lines"), true);
  const singleSelected = await h.get(`/commerce/orders/${order.id}?select=lines`);
  assert.ok(Array.isArray(singleSelected.body.lines));
});

test("select: -*, nested paths, exclusions", async () => {
  const only = await h.get("/catalog/products?limit=3&select=-*,id,name");
  for (const p of only.body.data) assert.deepEqual(Object.keys(p).sort(), ["id", "name"]);
  const nested = await h.get("/commerce/orders?limit=1&select=-*,id,lines.item.id");
  const [o] = nested.body.data;
  assert.deepEqual(Object.keys(o).sort(), ["id", "lines"]);
  for (const line of o.lines) assert.deepEqual(Object.keys(line), ["item"]);
  assert.deepEqual(Object.keys(o.lines[0].item), ["id"]);
  const without = await h.get("/catalog/products?limit=1&select=-vendor,-settings");
  assert.equal(without.body.data[0].vendor, undefined);
  assert.ok(without.body.data[0].name);
  // The platform ignores a select naming no property (rql-conformance.test.ts has more).
  const unknown = await h.get("/catalog/products?limit=1&select=nope");
  assert.equal(unknown.status, 200);
  assert.deepEqual(unknown.body.data, (await h.get("/catalog/products?limit=1")).body.data);
});

test("order: several keys, descending, invalid paths", async () => {
  const page = await h.get("/catalog/items?limit=100&order=product.name,-name&select=-*,name,product.name");
  const rows = page.body.data as Array<{ name: string; product: { name: string } }>;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1] as (typeof rows)[number];
    const b = rows[i] as (typeof rows)[number];
    assert.ok(a.product.name <= b.product.name);
    if (a.product.name === b.product.name) assert.ok(a.name >= b.name, `${a.name} before ${b.name}`);
  }
  const byDate = await h.get("/commerce/orders?limit=20&order=-audit.created.at&select=audit");
  const dates = byDate.body.data.map((o: { audit: { created: { at: string } } }) => o.audit.created.at);
  assert.deepEqual(dates, [...dates].sort().reverse());
  const invalid = await h.get("/catalog/products?order=-nope");
  assert.equal(invalid.status, 400);
  assert.deepEqual(invalid.body.errors, { nope: ["Invalid property path."] });
});

test("RQL over HTTP: filter, totals and 400 validation problems", async () => {
  const published = await h.get("/catalog/products?eq(status,Published)&limit=0");
  const all = await h.get("/catalog/products?limit=0");
  const notPublished = await h.get("/catalog/products?ne(status,Published)&limit=0");
  assert.equal(
    published.body.$meta.pagination.total + notPublished.body.$meta.pagination.total,
    all.body.$meta.pagination.total,
  );
  const quoted = await h.get(
    `/catalog/products?ilike(name,${encodeURIComponent('"*backup*"')})&select=-*,name`,
  );
  for (const p of quoted.body.data) assert.match(p.name, /backup/i);
  const bad = await h.get("/catalog/products?mistake(x)");
  assert.equal(bad.status, 400);
  assert.equal(bad.body.detail, "One or more validation errors occurred.");
  assert.deepEqual(bad.body.errors, { mistake: ["Unknown expression group."] });
  const parse = await h.get("/catalog/products?and(eq(a,1)");
  assert.equal(parse.status, 400);
  assert.ok(parse.body.errors.filter[0]);
});

test("render() fills the templates of audit records", async () => {
  const raw = await h.get("/audit/records?limit=1&select=details");
  assert.match(raw.body.data[0].details, /\{\{/);
  const rendered = await h.get("/audit/records?limit=1&select=details&render()");
  assert.doesNotMatch(rendered.body.data[0].details, /\{\{/);
  assert.match(rendered.body.data[0].details, /PRD-/);
});
