/** The User-Agent version stays equal to the package version. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { CLIENT_VERSION, DEFAULT_USER_AGENT } from "../../src/http/version.js";

test("CLIENT_VERSION matches packages/client/package.json", () => {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  assert.equal(CLIENT_VERSION, pkg.version);
  assert.equal(DEFAULT_USER_AGENT, `mpt-api-client-ts/${pkg.version}`);
});
