/**
 * Default projections against the spec's `isCore` and mpt-rql-net's ProjectionGraphBuilder: a
 * core property is in every default answer (a select mode with Core never omits it), so no store
 * definition may omit one by default; non-core properties stay in the root's default answer (the
 * platform's documented answers omit only a few fields, though most are `isCore: false`);
 * `$meta.omitted` lists what the default or the select (`-name`, `-*`) left out, as mpt-rql-net's
 * API sample computes it.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultOmitted } from "../src/domain/collections.js";
import { SCHEMA_ROOTS } from "../src/domain/schema/generated.js";
import { RQL_SCHEMAS } from "../src/query/generated/rql-metadata.js";
import { Harness } from "./helpers.js";

/**
 * Default-omitted names the store's spec schema lacks: `assets` comes from the platform docs'
 * list of omitted fields (the 4.0.2162 spec's Order and Agreement have no such property); the
 * sandbox stores `audit` on every record, also where the spec's schema has none.
 */
const NOT_IN_SPEC: Readonly<Record<string, readonly string[]>> = {
  "commerce/orders": ["assets"],
  "commerce/agreements": ["assets"],
  "audit/event-types": ["audit"],
  "audit/records": ["audit"],
  "billing/charges": ["audit"],
};

test("no store omits a core property by default; omitted names are the schema's", () => {
  for (const [store, schema] of Object.entries(SCHEMA_ROOTS)) {
    const properties = RQL_SCHEMAS[schema] ?? {};
    for (const name of defaultOmitted(store)) {
      const meta = properties[name];
      if (!meta) {
        assert.ok(NOT_IN_SPEC[store]?.includes(name), `${store}: omits ${name}, which ${schema} lacks`);
        continue;
      }
      assert.notEqual(meta.c, 1, `${store}: ${name} is core (isCore) in ${schema}, so always answered`);
    }
  }
});

const h = new Harness();

test("non-core properties stay in the root's default answer", async () => {
  assert.notEqual(RQL_SCHEMAS["Product"]?.["shortDescription"]?.c, 1);
  assert.notEqual(RQL_SCHEMAS["Order"]?.["status"]?.c, 1);
  const products = await h.get("/catalog/products?limit=5");
  assert.ok(products.body.data.some((p: { shortDescription?: string }) => p.shortDescription !== undefined));
  assert.ok(!products.body.$meta.omitted.includes("shortDescription"));
  const orders = await h.get("/commerce/orders?limit=1");
  assert.ok(orders.body.data[0].status);
  assert.ok(!orders.body.$meta.omitted.includes("status"));
});

test("$meta.omitted lists what the default and the select leave out", async () => {
  const plain = await h.get("/catalog/products?limit=1");
  assert.deepEqual(plain.body.$meta.omitted, ["audit"]);
  // `-name` leaves name out and lists it (excluded as Unselected); unknown names are not listed.
  const minus = await h.get("/catalog/products?limit=1&select=-name,-bogus");
  assert.equal(minus.body.data[0].name, undefined);
  assert.deepEqual(minus.body.$meta.omitted, ["audit", "name"]);
  // `+audit` brings audit back; `*` includes everything.
  assert.deepEqual((await h.get("/catalog/products?limit=1&select=+audit")).body.$meta.omitted, []);
  assert.deepEqual((await h.get("/catalog/products?limit=1&select=*")).body.$meta.omitted, []);
  // `-*,id,name`: every other property of the schema is listed, in the spec's order after the defaults.
  const only = await h.get("/catalog/products?limit=1&select=-*,id,NAME");
  assert.deepEqual(Object.keys(only.body.data[0]).sort(), ["id", "name"]);
  const omitted: string[] = only.body.$meta.omitted;
  assert.equal(omitted[0], "audit");
  for (const name of ["shortDescription", "vendor", "settings", "statistics", "icon"]) {
    assert.ok(omitted.includes(name), name);
  }
  assert.ok(!omitted.includes("id") && !omitted.includes("name"));
  // A single GET answers the same list.
  const one = await h.get(`/catalog/products/${only.body.data[0].id}?select=-*,id,name`);
  assert.deepEqual(one.body.$meta.omitted, omitted);
});

test("$meta.omitted never names a property the caller may not see", async () => {
  // Agreement.split is for clients and operations (x-softwareone-rql access).
  const ops = await h.get("/commerce/agreements?limit=1&select=-*,id");
  assert.ok(ops.body.$meta.omitted.includes("split"));
  const vendor = await h.get("/commerce/agreements?limit=1&select=-*,id", "vendor");
  assert.equal(vendor.status, 200);
  assert.ok(!vendor.body.$meta.omitted.includes("split"));
  assert.ok(vendor.body.$meta.omitted.includes("product"));
});
