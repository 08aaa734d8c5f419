/**
 * Visibility per persona (issue 7): a client sees Published catalogue objects, a vendor its own
 * products and everything under them (another vendor's product answers 404, on every nested
 * route too), operations see everything; creates are stamped with the caller's account.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROUTES } from "../src/domain/routes.js";
import type { FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

const ACME = "ACC-1111-1111";
const RIVAL = "ACC-4444-4444";

/** A product of `vendor` with one record of every kind of content, each in `status`. */
function product(id: string, vendor: string, status: string): Record<string, Array<Record<string, unknown>>> {
  const digits = id.slice(4);
  const p = { id };
  return {
    "catalog/products": [{ id, name: `Product ${id}`, status, vendor: { id: vendor } }],
    "catalog/items": [
      { id: `ITM-${digits}-0001`, name: "Published item", status: "Published", product: p },
      { id: `ITM-${digits}-0002`, name: "Draft item", status: "Draft", product: p },
    ],
    "catalog/products/documents": [
      { id: `PDC-${digits}-0001`, name: "Doc", status: "Published", product: p },
      { id: `PDC-${digits}-0002`, name: "Draft doc", status: "Draft", product: p },
    ],
    "catalog/products/media": [
      { id: `PME-${digits}-0001`, name: "Shot", status: "Published", product: p },
      { id: `PME-${digits}-0002`, name: "Draft shot", status: "Pending", product: p },
    ],
    "catalog/products/terms": [{ id: `TCS-${digits}-0001`, name: "Terms", status: "Published", product: p }],
    "catalog/products/terms/variants": [
      {
        id: `TCV-${digits}-0001-0001`,
        name: "English",
        status: "Published",
        product: p,
        term: { id: `TCS-${digits}-0001` },
      },
      {
        id: `TCV-${digits}-0001-0002`,
        name: "German",
        status: "Draft",
        product: p,
        term: { id: `TCS-${digits}-0001` },
      },
    ],
    "catalog/products/parameters": [
      { id: `PAR-${digits}-0001`, name: "Domain", type: "SingleLineText", status: "Active", product: p },
    ],
    "catalog/products/parameter-groups": [{ id: `PGR-${digits}-0001`, name: "Details", product: p }],
    "catalog/products/item-groups": [{ id: `IGR-${digits}-0001`, name: "Licenses", product: p }],
    "catalog/products/templates": [
      { id: `TPL-${digits}-0001`, name: "Done", type: "OrderCompleted", product: p },
    ],
    "catalog/price-lists": [
      { id: `PRC-${digits}-0001`, currency: "USD", product: p, vendor: { id: vendor } },
    ],
    "catalog/price-lists/items": [
      {
        id: `PRI-${digits}-0001-0001`,
        priceList: { id: `PRC-${digits}-0001` },
        item: { id: `ITM-${digits}-0001` },
      },
    ],
    "catalog/listings": [{ id: `LST-${digits}`, product: p, vendor: { id: vendor } }],
  };
}

function fixtures(): FixturesDocument {
  const objects: Record<string, Array<Record<string, unknown>>> = {};
  for (const part of [
    product("PRD-1111-0001", ACME, "Published"),
    product("PRD-1111-0002", ACME, "Draft"),
    product("PRD-4444-0001", RIVAL, "Published"),
    product("PRD-4444-0002", RIVAL, "Draft"),
  ]) {
    for (const [key, records] of Object.entries(part)) objects[key] = [...(objects[key] ?? []), ...records];
  }
  return {
    accounts: [
      { id: ACME, name: "Acme", type: "Vendor" },
      { id: "ACC-2222-2222", name: "Buyer Corp", type: "Client" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
      { id: RIVAL, name: "Rival", type: "Vendor" },
    ],
    tokens: { vendor: { accountId: ACME } },
    objects: objects as NonNullable<FixturesDocument["objects"]>,
  };
}

const sorted = (ids: string[]) => [...ids].sort();

test("a client sees Published products and their Published content only", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.deepEqual(sorted(await h.ids("/catalog/products", "client")), ["PRD-1111-0001", "PRD-4444-0001"]);
  assert.equal((await h.get("/catalog/products/PRD-1111-0002", "client")).status, 404);
  assert.deepEqual(sorted(await h.ids("/catalog/items", "client")), [
    "ITM-1111-0001-0001",
    "ITM-4444-0001-0001",
  ]);
  assert.equal((await h.get("/catalog/items/ITM-1111-0001-0002", "client")).status, 404);
  assert.equal((await h.get("/catalog/items/ITM-1111-0002-0001", "client")).status, 404);
  const base = "/catalog/products/PRD-1111-0001";
  assert.deepEqual(await h.ids(`${base}/items`, "client"), ["ITM-1111-0001-0001"]);
  assert.deepEqual(await h.ids(`${base}/documents`, "client"), ["PDC-1111-0001-0001"]);
  assert.deepEqual(await h.ids(`${base}/media`, "client"), ["PME-1111-0001-0001"]);
  assert.deepEqual(await h.ids(`${base}/terms`, "client"), ["TCS-1111-0001-0001"]);
  assert.deepEqual(await h.ids(`${base}/terms/TCS-1111-0001-0001/variants`, "client"), [
    "TCV-1111-0001-0001-0001",
  ]);
  assert.deepEqual(await h.ids(`${base}/parameters`, "client"), ["PAR-1111-0001-0001"]);
  assert.equal((await h.get(`${base}/documents/PDC-1111-0001-0002`, "client")).status, 404);
  assert.deepEqual(sorted(await h.ids("/catalog/listings", "client")), ["LST-1111-0001", "LST-4444-0001"]);
  // Vendor-side objects are not a client's to read at all.
  for (const path of [
    `${base}/templates`,
    "/catalog/price-lists",
    "/catalog/price-lists/PRC-1111-0001-0001/items",
  ]) {
    assert.equal((await h.get(path, "client")).status, 403, path);
  }
  // Every nested route under a Draft product answers 404 to a client.
  for (const route of ROUTES.filter((r) => r.template.startsWith("catalog/products/{productId}/"))) {
    const path = `/${route.template.replace("{productId}", "PRD-1111-0002").replace("{termId}", "TCS-1111-0002-0001")}`;
    assert.ok([403, 404].includes((await h.get(path, "client")).status), path);
  }
});

test("a vendor sees its own products and their children; another vendor's answer 404", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.deepEqual(sorted(await h.ids("/catalog/products", "vendor")), ["PRD-1111-0001", "PRD-1111-0002"]);
  assert.deepEqual(sorted(await h.ids("/catalog/items?limit=100", "vendor")), [
    "ITM-1111-0001-0001",
    "ITM-1111-0001-0002",
    "ITM-1111-0002-0001",
    "ITM-1111-0002-0002",
  ]);
  assert.deepEqual(sorted(await h.ids("/catalog/listings", "vendor")), ["LST-1111-0001", "LST-1111-0002"]);
  assert.deepEqual(sorted(await h.ids("/catalog/price-lists", "vendor")), [
    "PRC-1111-0001-0001",
    "PRC-1111-0002-0001",
  ]);
  assert.equal((await h.get("/catalog/items/ITM-4444-0001-0001", "vendor")).status, 404);
  assert.equal((await h.put("/catalog/items/ITM-4444-0001-0001", { name: "x" }, "vendor")).status, 404);
  assert.equal((await h.get("/catalog/price-lists/PRC-4444-0001-0001/items", "vendor")).status, 404);
  // The vendor's own Draft product and all its content are there.
  const own = "/catalog/products/PRD-1111-0002";
  assert.deepEqual(await h.ids(`${own}/documents`, "vendor"), ["PDC-1111-0002-0001", "PDC-1111-0002-0002"]);
  assert.deepEqual(await h.ids(`${own}/templates`, "vendor"), ["TPL-1111-0002-0001"]);
  // Every nested route (list and get) under another vendor's product answers 404.
  for (const id of ["PRD-4444-0001", "PRD-4444-0002"]) {
    const digits = id.slice(4);
    for (const route of ROUTES.filter((r) => r.template.startsWith("catalog/products/{productId}/"))) {
      const path = `/${route.template.replace("{productId}", id).replace("{termId}", `TCS-${digits}-0001`)}`;
      assert.equal((await h.get(path, "vendor")).status, 404, path);
      assert.equal((await h.get(`${path}/X-1`, "vendor")).status, 404, `${path}/X-1`);
    }
    assert.equal((await h.get(`/catalog/products/${id}`, "vendor")).status, 404);
  }
});

test("operations see everything; creates are stamped with the caller's account", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.equal((await h.ids("/catalog/products", "operations")).length, 4);
  assert.equal((await h.get("/catalog/items?limit=0", "operations")).body.$meta.pagination.total, 8);
  assert.equal((await h.ids("/catalog/products/PRD-4444-0002/documents", "operations")).length, 2);
  const created = await h.post("/catalog/products", { name: "New thing" }, "vendor");
  assert.equal(created.body.vendor.id, ACME);
  assert.equal(created.body.status, "Draft");
  const item = await h.post("/catalog/items", await h.itemBody(created.body.id, "Seat"), "vendor");
  assert.equal(item.status, 201);
  assert.equal((await h.get(`/catalog/items/${item.body.id}`, "vendor")).status, 200);
  assert.equal((await h.get(`/catalog/items/${item.body.id}`, "client")).status, 404);
  assert.equal((await h.get(`/catalog/products/${created.body.id}`, "operations")).status, 200);
});
