/** Issue 7: fixtures (load, validation, refusal), nested views and visibility on them, reset, export round trip. */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createSandbox, FixtureError, type FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

const PDF = Buffer.from("%PDF-1.4 my spec").toString("base64");

function fixtures(): FixturesDocument {
  return {
    seed: "none",
    accounts: [
      { id: "ACC-1111-1111", name: "Acme Vendor", type: "Vendor", status: "Active" },
      { id: "ACC-2222-2222", name: "Buyer Corp", type: "Client", status: "Active" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations", status: "Active" },
      { id: "ACC-4444-4444", name: "Rival Vendor", type: "Vendor", status: "Active" },
      { id: "ACC-5555-5555", name: "Other Client", type: "Client", status: "Active" },
    ],
    tokens: { vendor: { token: "idt:TKN-1111-1111:vendor-secret", accountId: "ACC-1111-1111" } },
    objects: {
      "catalog/products": [
        {
          id: "PRD-1234-5678",
          name: "Acme Cloud",
          status: "Published",
          vendor: { id: "ACC-1111-1111", name: "Acme Vendor" },
          custom: { tier: "gold", seats: 10 },
        },
        { id: "PRD-9999-0000", name: "Rival Thing", status: "Draft", vendor: { id: "ACC-4444-4444" } },
      ],
      "catalog/items": [
        { id: "ITM-1234-5678-0001", name: "Seat", status: "Published", product: { id: "PRD-1234-5678" } },
        { id: "ITM-9999-0000-0001", name: "Rival seat", status: "Draft", product: { id: "PRD-9999-0000" } },
      ],
      "catalog/products/documents": [
        {
          id: "PDC-1234-5678-0001",
          name: "Spec",
          status: "Published",
          product: { id: "PRD-1234-5678" },
          filename: "spec.pdf",
          contentType: "application/pdf",
          size: 16,
        },
      ],
      "commerce/orders": [
        {
          id: "ORD-1111-2222-3333",
          status: "Processing",
          client: { id: "ACC-2222-2222" },
          vendor: { id: "ACC-1111-1111" },
          product: { id: "PRD-1234-5678" },
        },
        {
          id: "ORD-4444-5555-6666",
          status: "Draft",
          client: { id: "ACC-5555-5555" },
          vendor: { id: "ACC-4444-4444" },
          product: { id: "PRD-9999-0000" },
        },
      ],
      "commerce/agreements": [
        {
          id: "AGR-1111-2222-0001",
          status: "Active",
          client: { id: "ACC-2222-2222" },
          vendor: { id: "ACC-1111-1111" },
          product: { id: "PRD-1234-5678" },
        },
      ],
      "billing/journals": [
        { id: "BJO-2589-1434", name: "J1", status: "Review", vendor: { id: "ACC-1111-1111" } },
      ],
      "billing/ledgers": [
        { id: "BLE-2589-1434-7310-3075", name: "L1", status: "Review", vendor: { id: "ACC-1111-1111" } },
      ],
      "billing/statements": [
        { id: "SOM-1111-2222-3333-4444", name: "S1", status: "Generated", client: { id: "ACC-2222-2222" } },
      ],
      "billing/charges": [
        {
          id: "CHG-2589-1434-0000-0000-0200",
          journal: { id: "BJO-2589-1434" },
          ledger: { id: "BLE-2589-1434-7310-3075" },
          statement: { id: "SOM-1111-2222-3333-4444" },
          quantity: 3,
        },
      ],
    },
    files: { "PDC-1234-5678-0001": { filename: "spec.pdf", contentType: "application/pdf", base64: PDF } },
  };
}

test("fixture records keep their ids, statuses and unknown fields; RQL works on them", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.equal(h.sandbox.tokens.vendor, "idt:TKN-1111-1111:vendor-secret");
  assert.match(h.sandbox.tokens.client, /^idt:TKN-\d{4}-\d{4}:/);
  assert.equal(h.sandbox.accounts.client, "ACC-2222-2222");
  const product = await h.get("/catalog/products/PRD-1234-5678", "vendor");
  assert.equal(product.body.status, "Published");
  assert.deepEqual(product.body.custom, { tier: "gold", seats: 10 });
  assert.deepEqual(await h.ids("/catalog/products?eq(custom.tier,gold)"), ["PRD-1234-5678"]);
  assert.deepEqual(await h.ids("/catalog/products?gt(custom.seats,5)&select=custom"), ["PRD-1234-5678"]);
  assert.equal((await h.get("/catalog/products?eq(custom.nope,1)")).status, 400);
  // Paths the OpenAPI spec names are valid even when no loaded record has them, with its types.
  assert.deepEqual(await h.ids("/catalog/products?eq(externalIds.operations,X-1)"), []);
  assert.deepEqual(await h.ids("/catalog/products?order=website&select=+statistics"), [
    "PRD-1234-5678",
    "PRD-9999-0000",
  ]);
  const typed = await h.get("/catalog/products?gt(statistics.itemCount,abc)");
  assert.deepEqual(typed.body.errors, { rql_validation: ["Cannot convert value: 'abc'."] });
  assert.equal((await h.get("/commerce/orders?limit=0")).body.$meta.pagination.total, 2);
});

test("nested views over fixture data; child ids continue the given sequences", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.deepEqual(await h.ids("/catalog/products/PRD-1234-5678/items"), ["ITM-1234-5678-0001"]);
  assert.deepEqual(await h.ids("/catalog/items?eq(product.id,PRD-1234-5678)"), ["ITM-1234-5678-0001"]);
  for (const parent of [
    "journals/BJO-2589-1434",
    "ledgers/BLE-2589-1434-7310-3075",
    "statements/SOM-1111-2222-3333-4444",
  ]) {
    assert.deepEqual(await h.ids(`/billing/${parent}/charges`), ["CHG-2589-1434-0000-0000-0200"]);
  }
  const item = await h.post("/catalog/items", await h.itemBody("PRD-1234-5678", "Add-on"), "vendor");
  assert.equal(item.body.id, "ITM-1234-5678-0002");
  const file = await h.get("/catalog/products/PRD-1234-5678/documents/PDC-1234-5678-0001", "client", {
    accept: "application/pdf",
  });
  assert.equal(file.text, "%PDF-1.4 my spec");
  assert.match(file.headers.get("content-disposition") ?? "", /filename="spec.pdf"/);
});

test("each persona sees what its account may see; operations see everything", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.deepEqual(await h.ids("/catalog/products", "vendor"), ["PRD-1234-5678"]);
  assert.deepEqual(await h.ids("/catalog/products", "operations"), ["PRD-1234-5678", "PRD-9999-0000"]);
  assert.equal((await h.get("/catalog/products/PRD-9999-0000", "vendor")).status, 404);
  assert.equal((await h.get("/catalog/products/PRD-9999-0000/items", "vendor")).status, 404);
  assert.deepEqual(await h.ids("/commerce/orders", "client"), ["ORD-1111-2222-3333"]);
  assert.deepEqual(await h.ids("/commerce/orders", "vendor"), ["ORD-1111-2222-3333"]);
  assert.equal(
    (await h.post("/commerce/orders/ORD-4444-5555-6666/process", undefined, "client")).status,
    404,
  );
  const dangling = await h.post("/commerce/orders", { agreement: { id: "AGR-0000-0000-0001" } }, "client");
  assert.equal(dangling.status, 400);
  const created = await h.post("/commerce/orders", { agreement: { id: "AGR-1111-2222-0001" } }, "client");
  assert.equal(created.status, 201);
  assert.equal(created.body.product.id, "PRD-1234-5678");
  assert.equal(created.body.client.id, "ACC-2222-2222");
  assert.equal((await h.get("/accounts/buyers", "vendor")).status, 403);
});

test("reset restores the loaded state; export loads back to the same state", async () => {
  const h = new Harness({ fixtures: fixtures() });
  const initial = h.sandbox.export();
  await h.post("/catalog/products/PRD-9999-0000/review", undefined, "operations");
  await h.post("/catalog/items", await h.itemBody("PRD-1234-5678", "Extra"), "vendor");
  await h.del("/commerce/orders/ORD-4444-5555-6666", "operations");
  const mutated = h.sandbox.export();
  assert.notDeepEqual(mutated, initial);

  const reloaded = createSandbox({ fixtures: structuredClone(mutated) });
  assert.deepEqual(reloaded.export(), mutated);
  assert.equal(reloaded.tokens.client, h.sandbox.tokens.client);
  const again = await reloaded.fetch(`${reloaded.url}/public/v1/catalog/products/PRD-9999-0000`, {
    headers: { authorization: `Bearer ${reloaded.tokens.operations}` },
  });
  assert.equal((await again.json()).status, "Pending");

  h.sandbox.reset();
  assert.deepEqual(h.sandbox.export(), initial);
  await h.post("/catalog/products/PRD-9999-0000/review");
  assert.equal(
    (await h.call("POST", "/_sandbox/reset", { as: null, headers: { "x-mpt-sandbox": "1" } })).status,
    204,
  );
  assert.deepEqual(
    (await h.call("GET", "/_sandbox/export", { as: null })).body,
    JSON.parse(JSON.stringify(initial)),
  );
});

test("fixtures load from a file and on top of the built-in marketplace", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mpt-sandbox-"));
  const path = join(dir, "fixtures.json");
  writeFileSync(path, JSON.stringify({ ...fixtures(), seed: "default" }));
  const h = new Harness({ fixtures: path });
  const total = (await h.get("/catalog/products?limit=0")).body.$meta.pagination.total;
  assert.ok(total > 10);
  assert.equal((await h.get("/catalog/products/PRD-1234-5678")).status, 200);
  assert.equal((await h.get("/commerce/orders?limit=0")).body.$meta.pagination.total, 3002);
});

test("invalid documents are refused whole, naming collection and record index", () => {
  const refuse = (mutate: (doc: FixturesDocument) => void): string => {
    const doc = fixtures();
    mutate(doc);
    try {
      createSandbox({ fixtures: doc });
    } catch (error) {
      assert.ok(error instanceof FixtureError, String(error));
      return error.message;
    }
    assert.fail("fixtures were accepted");
  };
  const objects = (doc: FixturesDocument) => doc.objects as NonNullable<FixturesDocument["objects"]>;
  assert.match(
    refuse((d) => {
      objects(d)["catalog/prodcts"] = [{ id: "PRD-1" }];
    }),
    /objects\["catalog\/prodcts"\]: unknown collection/,
  );
  assert.match(
    refuse((d) => void objects(d)["catalog/items"]?.push({ name: "no id" })),
    /objects\["catalog\/items"\]\[2\]: record without "id"/,
  );
  assert.match(
    refuse((d) => void objects(d)["catalog/items"]?.push({ id: "ITM-1", product: { id: "PRD-0000-0000" } })),
    /objects\["catalog\/items"\]\[2\]: product\.id refers to missing catalog\/products PRD-0000-0000/,
  );
  assert.match(
    refuse((d) => void objects(d)["catalog/products"]?.push({ id: "PRD-1234-5678", name: "again" })),
    /objects\["catalog\/products"\]\[2\]: duplicate id PRD-1234-5678/,
  );
  assert.match(
    refuse((d) => {
      (d.files as NonNullable<FixturesDocument["files"]>)["PDC-1234-5678-0001"] = {
        filename: "x",
        contentType: "x/y",
        base64: "***",
      };
    }),
    /files\["PDC-1234-5678-0001"\]\.base64: bad base64/,
  );
  assert.match(
    refuse((d) => void (d.accounts?.[0] && delete d.accounts[0]["type"])),
    /accounts\[0\]: account ACC-1111-1111 needs "type"/,
  );
  assert.match(
    refuse((d) => {
      d.tokens = { client: { accountId: "ACC-0000-0000" } };
    }),
    /tokens\.client\.accountId: account ACC-0000-0000 not found/,
  );
});

test("the README's fixtures example loads", async () => {
  const readme = (await import("node:fs")).readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const block = /A complete document[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
  assert.ok(block, "README example not found");
  const h = new Harness({ fixtures: JSON.parse(block) });
  assert.equal(
    (
      await h.get("/catalog/products/PRD-1234-5678/documents/PDC-1234-5678-0001", "client", {
        accept: "application/pdf",
      })
    ).text,
    "%PDF-1.4 my spec",
  );
  assert.deepEqual(await h.ids("/commerce/orders", "client"), ["ORD-1111-2222-3333"]);
});
