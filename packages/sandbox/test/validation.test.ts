/**
 * Request bodies are checked against the OpenAPI spec: wrong types, enums and formats answer 400
 * with `errors` keyed by field path, required fields come from the spec, unknown fields of a
 * JSON model are dropped, `validate: false` stores anything; the generated schemas match the spec.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_SPEC, generate, TARGETS } from "../scripts/generate-schema.js";
import { bodySchemaName } from "../src/domain/validation.js";
import { Harness } from "./helpers.js";

const h = new Harness();

test("a wrong type answers 400 Bad Request naming the field; nothing is stored", async () => {
  const before = (await h.get("/catalog/products?limit=0", "vendor")).body.$meta.pagination.total;
  const answer = await h.post("/catalog/products", { name: 42, bogusField: "x" }, "vendor");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.title, "Bad Request");
  assert.deepEqual(answer.body.errors, {
    name: ["The JSON value could not be converted to string: got number 42."],
  });
  assert.equal((await h.get("/catalog/products?limit=0", "vendor")).body.$meta.pagination.total, before);
});

test("a price-list item with unitPP 'NaN' answers 400 (the platform's e2e answer)", async () => {
  const list = (await h.get("/catalog/price-lists?limit=1")).body.data[0];
  const item = (await h.get(`/catalog/price-lists/${list.id}/items?limit=1`)).body.data[0];
  const answer = await h.put(`/catalog/price-lists/${list.id}/items/${item.id}`, { unitPP: "NaN" });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.title, "Bad Request");
  assert.deepEqual(Object.keys(answer.body.errors), ["unitPP"]);
  const ok = await h.put(`/catalog/price-lists/${list.id}/items/${item.id}`, { unitPP: 12.5 });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.unitPP, 12.5);
});

test("enums and nested list items are reported by path", async () => {
  const answer = await h.post(
    "/commerce/orders",
    { type: "Bogus", lines: [{ quantity: 1 }, { quantity: "many" }] },
    "client",
  );
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body.errors, {
    type: ['The value "Bogus" is not valid; allowed: Purchase, Change, Termination, Configuration.'],
    "lines[1].quantity": ['The JSON value could not be converted to integer: got string "many".'],
  });
});

test("formats are checked (ajv-formats): a journal's dueDate must be a date-time", async () => {
  const bad = await h.post("/billing/journals", { name: "March", dueDate: "next tuesday" }, "vendor");
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors, { dueDate: ['The value "next tuesday" is not a valid date-time.'] });
  const good = await h.post(
    "/billing/journals",
    { name: "March", dueDate: "2026-03-31T00:00:00.000Z" },
    "vendor",
  );
  assert.equal(good.status, 201, good.text);
});

test("a webhook whose url is not a string answers 400 on url", async () => {
  const answer = await h.post("/notifications/webhooks", { url: 7 });
  assert.equal(answer.status, 400);
  assert.ok(answer.body.errors.url, JSON.stringify(answer.body));
});

test("required fields come from the spec's `required` of the body and title the problem", async () => {
  const answer = await h.post("/catalog/products/PRD-0000-0000/templates", {}, "vendor");
  // The parent is checked first: a missing product in the path is a 404.
  assert.equal(answer.status, 404);
  const product = (await h.get("/catalog/products?limit=1", "vendor")).body.data[0].id as string;
  const template = await h.post(
    `/catalog/products/${product}/templates`,
    { type: "OrderProcessing" },
    "vendor",
  );
  assert.equal(template.status, 400);
  assert.equal(template.body.title, "One or more validation errors occurred.");
  assert.deepEqual(template.body.errors, {
    content: ["The Content field is required."],
    name: ["The Name field is required."],
  });
});

test("no invented required fields: orders without an agreement, cases without a title are accepted", async () => {
  // The platform accepts both (issue #14; the spec's Order and case bodies have no `required`).
  const order = await h.post("/commerce/orders", { type: "Purchase" }, "client");
  assert.equal(order.status, 201, order.text);
  const queue = (await h.get("/helpdesk/queues?limit=1")).body.data[0];
  const kase = await h.post("/helpdesk/cases", { queue: { id: queue.id } }, "client");
  assert.equal(kase.status, 201, kase.text);
});

test("a pricing policy without client and products answers 400 (the platform's answer)", async () => {
  const answer = await h.post("/catalog/pricing-policies", { name: "Policy" });
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body.errors, {
    client: ["The Client field is required."],
    products: ["The Products field is required."],
  });
});

test("unknown fields of a JSON model are dropped, as the platform's binder ignores them", async () => {
  const list = (await h.get("/catalog/price-lists?limit=1")).body.data[0];
  const answer = await h.put(`/catalog/price-lists/${list.id}`, { notes: "kept", bogusField: "dropped" });
  assert.equal(answer.status, 200);
  assert.equal(answer.body.notes, "kept");
  assert.equal(answer.body.bogusField, undefined);
  assert.equal((await h.get(`/catalog/price-lists/${list.id}`)).body.bogusField, undefined);
});

test("validate: false stores what is sent", async () => {
  const loose = new Harness({ validate: false });
  const answer = await loose.post("/catalog/products", { name: 42, bogusField: "x" }, "vendor");
  assert.equal(answer.status, 201);
  assert.equal(answer.body.name, 42);
  assert.equal(answer.body.bogusField, "x");
});

test("operations map to the spec's body schemas, multipart ones included", () => {
  assert.equal(bodySchemaName("POST", "/public/v1/catalog/items"), "CreateProductItemRequest");
  assert.equal(
    bodySchemaName("PUT", "/public/v1/catalog/price-lists/{id}/items/{itemId}"),
    "PriceListItemUpdate",
  );
  assert.equal(bodySchemaName("POST", "/public/v1/catalog/products"), "Body_POST_public_v1_catalog_products");
  assert.equal(bodySchemaName("GET", "/public/v1/catalog/items"), undefined);
});

test("the generated schema files match the OpenAPI spec (run the generator after a spec change)", (t) => {
  if (!existsSync(DEFAULT_SPEC)) {
    t.skip(`the spec is not at ${DEFAULT_SPEC}`);
    return;
  }
  const out = generate(DEFAULT_SPEC);
  for (const key of ["graph", "requests"] as const) {
    assert.ok(
      out[key] === readFileSync(TARGETS[key], "utf8"),
      `${TARGETS[key]} is stale: node --conditions=source --import tsx packages/sandbox/scripts/generate-schema.ts`,
    );
  }
});
