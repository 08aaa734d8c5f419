/**
 * Aborting a stream stops it at once: records of a chunk already received are not handed out
 * after the caller's signal fired (found by the runtime matrix, where up to a whole chunk of
 * records kept coming after `abort()`).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
import { createSandbox } from "mpt-sandbox";

test("stream(): no record is handed out after the signal is aborted", async () => {
  const sandbox = createSandbox();
  const client = new MPTClient({
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    authentication: new BearerTokenAuthentication(sandbox.tokens.operations),
    retries: 0,
  });
  const controller = new AbortController();
  let seen = 0;
  await assert.rejects(
    async () => {
      for await (const _order of client.commerce.orders.stream({ signal: controller.signal })) {
        seen += 1;
        if (seen === 3) controller.abort();
      }
    },
    { name: "AbortError" },
  );
  assert.equal(seen, 3);
});
