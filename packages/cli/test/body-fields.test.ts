/**
 * The body fields in the help of write commands: src/generated/body-fields.ts matches what the
 * generator makes of the OpenAPI spec (drift; skipped when the spec, kept outside the
 * repository, is absent), and the help of create, update and actions lists them.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { renderBodyFields, type Spec } from "../scripts/body-fields.js";
import { bodyFieldsHelp, operationKey } from "../src/body-help.js";
import { BODY_FIELDS } from "../src/generated/body-fields.js";
import { mpt, ROOT } from "./helpers.js";

const spec =
  process.env["MPT_OPENAPI_SPEC"] || join(ROOT, "..", "shared", "reference", "mpt-openapi-4.0.2162.json");
const noSpec = existsSync(spec) ? false : `OpenAPI spec not found at ${spec}`;

describe("body fields", () => {
  it("src/generated/body-fields.ts is what the spec gives (else: npm run generate)", { skip: noSpec }, () => {
    const fresh = renderBodyFields(JSON.parse(readFileSync(spec, "utf8")) as Spec);
    const committed = readFileSync(join(ROOT, "packages/cli/src/generated/body-fields.ts"), "utf8");
    assert.ok(
      fresh === committed,
      "packages/cli/src/generated/body-fields.ts is out of date: run npm run generate",
    );
  });

  it("covers the create and update commands of the main services", () => {
    for (const key of [
      "POST /public/v1/catalog/products",
      "PUT /public/v1/catalog/products/{}",
      "POST /public/v1/commerce/orders",
      "POST /public/v1/accounts/account-users",
    ]) {
      assert.ok(BODY_FIELDS[key]?.length, key);
    }
    assert.equal(operationKey("post", "/a/{productId}/b/{id}"), "POST /a/{}/b/{}");
    assert.equal(bodyFieldsHelp("POST", "/no/such/endpoint"), "");
  });

  it("create, update and action help list name, type and required", async () => {
    const [create, update, action, none] = await Promise.all([
      mpt(["accounts", "account-users", "create", "--help"]),
      mpt(["catalog", "products", "update", "--help"]),
      mpt(["catalog", "products", "update-settings", "--help"]),
      mpt(["catalog", "products", "publish", "--help"]),
    ]);
    assert.match(
      create.stdout,
      /^Body fields \(--data, from the API spec POST \/public\/v1\/accounts\/account-users\):$/m,
    );
    assert.match(create.stdout, /^ {2}user\s+UserProfileDto\s+required$/m);
    assert.match(create.stdout, /^ {2}account\s+AccountDto$/m);
    assert.match(update.stdout, /^ {2}name\s+string$/m, "multipart JSON part, names in camelCase");
    assert.match(action.stdout, /^ {2}itemSelection\s+boolean$/m);
    assert.doesNotMatch(none.stdout, /Body fields/, "publish takes no body");
  });
});
