/**
 * Writes validate references: a create or update naming an object that does not exist (or that
 * the caller may not see) answers a 400 validation problem naming the field and id, and stores
 * nothing; fixture loading refuses the same references with the same check. References one
 * level inside lists (an order's `lines[].item`) count too.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSandbox, FixtureError } from "../src/index.js";
import { Harness, parameterBody } from "./helpers.js";

test("creates with a missing reference answer 400 naming the field and id; nothing is stored", async () => {
  const h = new Harness();
  const before = (await h.get("/commerce/orders?limit=0")).body.$meta.pagination.total;
  const order = await h.post("/commerce/orders", { agreement: { id: "AGR-0000-0000-0000" } }, "client");
  assert.equal(order.status, 400);
  assert.equal(order.body.title, "One or more validation errors occurred.");
  assert.match(order.body.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  assert.deepEqual(order.body.errors, { agreement: ["Agreement with id 'AGR-0000-0000-0000' not found."] });

  const agreement = (await h.get("/commerce/agreements?limit=1", "client")).body.data[0].id as string;
  const both = await h.post(
    "/commerce/orders",
    {
      agreement: { id: agreement },
      listing: { id: "LST-0000-0000" },
      licensee: { id: "LCE-0000-0000-0000" },
    },
    "client",
  );
  assert.deepEqual(both.body.errors, {
    listing: ["Listing with id 'LST-0000-0000' not found."],
    licensee: ["Licensee with id 'LCE-0000-0000-0000' not found."],
  });
  assert.equal((await h.get("/commerce/orders?limit=0")).body.$meta.pagination.total, before);
  assert.equal((await h.post("/commerce/orders", { agreement: { id: agreement } }, "client")).status, 201);

  const product = (await h.get("/catalog/products?limit=1", "vendor")).body.data[0].id as string;
  const seat = await h.itemBody(product, "Seat");
  const item = await h.post("/catalog/items", { ...seat, product: { id: "PRD-0000-0000" } }, "vendor");
  assert.deepEqual(item.body.errors, { product: ["Product with id 'PRD-0000-0000' not found."] });
  const parameter = await h.post(
    `/catalog/products/${product}/parameters`,
    parameterBody("Domain", { group: { id: "PGR-0000-0000-0000" } }),
    "vendor",
  );
  assert.deepEqual(parameter.body.errors, {
    group: ["ParameterGroup with id 'PGR-0000-0000-0000' not found."],
  });
  // A missing parent in the path is a missing resource: 404, as for reads.
  const orphan = await h.post("/catalog/products/PRD-0000-0000/parameters", parameterBody("D"), "vendor");
  assert.equal(orphan.status, 404);
});

test("a reference the caller may not see is as missing as one that does not exist", async () => {
  const h = new Harness();
  const vendor = h.sandbox.accounts.vendor;
  const rival = (await h.get(`/catalog/products?ne(vendor.id,${vendor})&limit=1`)).body.data[0].id as string;
  const seat = await h.itemBody(rival, "Seat");
  const answer = await h.post("/catalog/items", seat, "vendor");
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body.errors, {
    product: [`Product with id '${rival}' not found.`],
    group: [`ItemGroup with id '${(seat["group"] as { id: string }).id}' not found.`],
  });
  assert.equal((await h.post("/catalog/items", seat)).status, 201);
});

test("updates validate the references they set", async () => {
  const h = new Harness();
  const item = (await h.get("/catalog/items?limit=1", "vendor")).body.data[0];
  const answer = await h.put(`/catalog/items/${item.id}`, { unit: { id: "UNT-0000" } }, "vendor");
  assert.equal(answer.status, 400);
  assert.deepEqual(answer.body.errors, { unit: ["UnitsOfMeasure with id 'UNT-0000' not found."] });
  assert.deepEqual((await h.get(`/catalog/items/${item.id}`, "vendor")).body.unit, item.unit);
});

test("fixture loading refuses the same references", () => {
  assert.throws(
    () =>
      createSandbox({
        fixtures: {
          accounts: [{ id: "ACC-1111-1111", name: "C", type: "Client" }],
          objects: {
            "commerce/orders": [{ id: "ORD-1111-1111-1111", agreement: { id: "AGR-0000-0000-0000" } }],
          },
        },
      }),
    (error: unknown) =>
      error instanceof FixtureError &&
      /objects\["commerce\/orders"\]\[0\]: agreement\.id refers to missing commerce\/agreements AGR-0000-0000-0000/.test(
        error.message,
      ),
  );
});

test("references one level inside lists are checked: an order's lines[].item", async () => {
  const h = new Harness();
  const agreement = (await h.get("/commerce/agreements?limit=1", "client")).body.data[0].id as string;
  const item = (await h.get("/catalog/items?limit=1")).body.data[0].id as string;
  const lines = [
    { id: "ALI-0000-0000-0000-0001", item: { id: item }, quantity: 1 },
    { item: { id: "ITM-0000-0000-0000" }, quantity: 2 },
  ];
  const answer = await h.post("/commerce/orders", { agreement: { id: agreement }, lines }, "client");
  assert.equal(answer.status, 400);
  // the line's own id is not a reference; only the second line's item is missing
  assert.deepEqual(answer.body.errors, { "lines[1].item": ["Item with id 'ITM-0000-0000-0000' not found."] });
  const created = await h.post(
    "/commerce/orders",
    { agreement: { id: agreement }, lines: [lines[0]] },
    "client",
  );
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const update = await h.put(`/commerce/orders/${created.body.id}`, { lines }, "client");
  assert.equal(update.status, 400);

  assert.throws(
    () =>
      createSandbox({
        fixtures: {
          objects: {
            "commerce/orders": [
              { id: "ORD-1111-1111-1111", lines: [{ item: { id: "ITM-0000-0000-0000" } }] },
            ],
          },
        },
      }),
    (error: unknown) =>
      error instanceof FixtureError &&
      /objects\["commerce\/orders"\]\[0\]: lines\[0\]\.item\.id refers to missing catalog\/items ITM-0000-0000-0000/.test(
        error.message,
      ),
  );
});
