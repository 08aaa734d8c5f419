/** Routing from the catalogue: every collection answers, unknown routes 404, wrong methods 405. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROUTES } from "../src/index.js";
import { Harness } from "./helpers.js";

const h = new Harness();

/**
 * A concrete path of a route: placeholders filled with the first record of the parent (the
 * collection before the placeholder, or the parent store's own route when that prefix is none,
 * as in `accounts/{accountId}/users`).
 */
async function concretePath(
  template: string,
  refs: readonly { param: string; store: string }[],
): Promise<string> {
  let path = template;
  for (const ref of refs) {
    const prefix = path.slice(0, path.indexOf(`{${ref.param}}`) - 1);
    const parentTemplate = ROUTES.some((r) => r.template === prefix)
      ? prefix
      : (ROUTES.find((r) => r.store === ref.store && r.refs.length === 0)?.template ?? prefix);
    const page = await h.get(`/${parentTemplate}?limit=1`);
    assert.equal(page.status, 200, `${parentTemplate}: ${page.text}`);
    const first = page.body.data[0];
    assert.ok(first, `no record to nest under at ${parentTemplate}`);
    path = path.replace(`{${ref.param}}`, encodeURIComponent(first.id));
  }
  return `/${path}`;
}

test("every catalogue service with a collection answers a page with records", async () => {
  let checked = 0;
  for (const route of ROUTES) {
    if (!route.def.ops.includes("collection")) continue;
    if (route.template.startsWith("notifications/accounts/")) {
      const accounts = await h.ids("/accounts/accounts?eq(type,Client)&limit=1");
      const categories = await h.ids("/notifications/categories?limit=1");
      const page = await h.get(`/notifications/accounts/${accounts[0]}/categories/${categories[0]}/contacts`);
      assert.equal(page.status, 200, page.text);
      checked++;
      continue;
    }
    const path = await concretePath(route.template, route.refs);
    const page = await h.get(`${path}?limit=2`);
    assert.equal(page.status, 200, `${route.name} ${path}: ${page.text}`);
    assert.ok(page.body.$meta.pagination.total >= 1, `${route.name} has no seeded records`);
    if (route.def.ops.includes("get")) {
      const id = page.body.data[0].id;
      const one = await h.get(`${path}/${encodeURIComponent(id)}`);
      assert.equal(one.status, 200, `${route.name} get ${id}: ${one.text}`);
      assert.equal(one.body.id, id);
    }
    checked++;
  }
  assert.ok(checked > 80, `only ${checked} collections checked`);
});

test("unknown routes answer 404 ProblemDetails, wrong methods 405 with Allow", async () => {
  const unknown = await h.get("/catalog/nothing-here");
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.title, "Not Found");
  assert.match(unknown.body.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  const missing = await h.get("/catalog/products/PRD-0000-0000");
  assert.equal(missing.status, 404);
  const wrong = await h.call("PATCH", "/catalog/products");
  assert.equal(wrong.status, 405);
  assert.match(wrong.headers.get("allow") ?? "", /GET/);
  const noDelete = await h.del("/billing/invoices/INV-0000-0000-0000-0000");
  assert.equal(noDelete.status, 405);
});

test("nested views: an item is listed under its product and at /catalog/items", async () => {
  const [productId] = await h.ids("/catalog/products?eq(status,Published)&limit=1");
  const nested = await h.ids(`/catalog/products/${productId}/items?limit=100`);
  assert.ok(nested.length > 0);
  const flat = await h.ids(`/catalog/items?eq(product.id,${productId})&limit=100`);
  assert.deepEqual(nested, flat);
  const otherProduct = (await h.ids("/catalog/products?limit=2"))[1];
  const wrongParent = await h.get(`/catalog/products/${otherProduct}/items/${nested[0]}`);
  assert.equal(wrongParent.status, 404);
  const missingParent = await h.get("/catalog/products/PRD-0000-0000/items");
  assert.equal(missingParent.status, 404);
});

test("a charge is listed under its journal, its ledger and its statement", async () => {
  const [charge] = (await h.get("/billing/journals?eq(status,Completed)&limit=1")).body.data;
  const charges = await h.get(`/billing/journals/${charge.id}/charges?limit=1&select=+ledger,+statement`);
  const first = charges.body.data[0];
  assert.ok(first.ledger.id && first.statement.id);
  const underLedger = await h.get(`/billing/ledgers/${first.ledger.id}/charges/${first.id}`);
  assert.equal(underLedger.status, 200);
  const underStatement = await h.get(`/billing/statements/${first.statement.id}/charges/${first.id}`);
  assert.equal(underStatement.status, 200);
});
