/**
 * The RQL metadata artefact (src/query/generated/rql-metadata.ts) is what the generator makes of
 * the spec's x-softwareone-rql extensions today (drift test), and carries what the evaluator uses.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_SPEC, generate, TARGET } from "../scripts/generate-rql-metadata.js";
import { RQL_ENUMS, RQL_SCHEMAS } from "../src/query/generated/rql-metadata.js";

test("the committed RQL metadata matches the spec", {
  skip: !existsSync(DEFAULT_SPEC) && "spec not present",
}, () => {
  assert.ok(
    generate(DEFAULT_SPEC) === readFileSync(TARGET, "utf8"),
    `${TARGET} is stale: node --conditions=source --import tsx packages/sandbox/scripts/generate-rql-metadata.ts`,
  );
});

test("the metadata carries RQL types, kinds, nullability, enums, access and isCore", () => {
  assert.deepEqual(RQL_SCHEMAS["Order"]?.["lines"], { t: "C", to: "OrderLine" });
  assert.deepEqual(RQL_SCHEMAS["Order"]?.["agreement"], { t: "R", to: "Agreement" });
  assert.deepEqual(RQL_SCHEMAS["Order"]?.["status"], { t: "P", k: "e", e: "OrderStatus" });
  assert.deepEqual(RQL_SCHEMAS["OrderLine"]?.["quantity"], { t: "P", k: "i", c: 1 });
  assert.deepEqual(RQL_SCHEMAS["Event"]?.["at"], { t: "P", k: "d", n: 1, c: 1 });
  assert.deepEqual(RQL_SCHEMAS["OrderSummaryPrice"]?.["markup"], { t: "P", k: "n", a: "O", c: 1 });
  assert.deepEqual(RQL_SCHEMAS["OrderSummaryPrice"]?.["PPxY"], { t: "P", k: "n", n: 1, a: "VO", c: 1 });
  assert.ok(RQL_ENUMS["OrderStatus"]?.includes("Completed"));
  // isCore: an order's id is core, its status (the OrderStatus schema's flag) and lines are not.
  assert.deepEqual(RQL_SCHEMAS["Order"]?.["id"], { t: "P", k: "s", c: 1 });
  assert.deepEqual(RQL_SCHEMAS["Product"]?.["shortDescription"], { t: "P", k: "s", n: 1 });
});
