/**
 * Installation tokens under pressure (`ExtensionFrameworkAuthentication` against the sandbox): a
 * token revoked in the middle of an iteration is refreshed once and the iteration goes on with
 * every record; 200 concurrent requests share one token request; a refresh that keeps failing
 * ends in a clear error instead of a loop.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ExtensionFrameworkAuthentication, MPTAPIError } from "mpt-api-client";
import { eachTransport, type TransportName } from "../support/transports.js";
import { clientOf, recordingFetch, TOKEN_PATH, timedRejection, useSandbox } from "./support.js";

const sb = useSandbox();

/** A client whose token requests and API requests are recorded (fetch transport) or not (node). */
function extensionClient(kind: TransportName = "fetch") {
  const { fetch, wire } = recordingFetch();
  const authentication = new ExtensionFrameworkAuthentication({ secret: sb.tokens.extension });
  // a generous time budget: under a loaded machine 200 concurrent calls must not time out and
  // be retried (these tests count requests, not time)
  const transport = kind === "fetch" ? { fetch } : { transport: kind };
  return { client: clientOf(sb, { authentication, retries: 2, timeout: 60_000, ...transport }), wire };
}

test("a token revoked during an iteration is refreshed once and the iteration continues", async () => {
  const { client, wire } = extensionClient();
  const total = await client.commerce.orders.count();
  assert.ok(total > 500, `${total} orders visible to the extension`);
  sb.counters.reset();
  const ids = new Set<string>();
  let n = 0;
  for await (const order of client.commerce.orders.iterate({ batchSize: 100 })) {
    ids.add(order.id);
    n++;
    if (n === 250) sb.revokeToken(wire.tokens[0] ?? "");
  }
  assert.equal(n, total);
  assert.equal(ids.size, total, "every record exactly once");
  assert.equal(wire.tokens.length, 2, "the first token and one refresh");
  assert.notEqual(wire.tokens[0], wire.tokens[1]);
  assert.equal(sb.counters.requests(TOKEN_PATH), 1, "one token request during the iteration");
  const pages = Math.ceil(total / 100);
  assert.equal(
    sb.counters.requests("GET /public/v1/commerce/orders"),
    pages + 1,
    "every page and one replay",
  );
});

test("200 concurrent requests refused with 401 share one refresh", async () => {
  const { client, wire } = extensionClient();
  const [first] = (await clientOf(sb).catalog.products.fetchPage({ limit: 1 })).resources;
  assert.ok(first);
  await client.catalog.products.get(first.id);
  sb.revokeToken(wire.tokens[0] ?? "");
  sb.counters.reset();
  const results = await Promise.all(Array.from({ length: 200 }, () => client.catalog.products.get(first.id)));
  assert.ok(results.every((p) => p.id === first.id));
  assert.equal(sb.counters.requests(TOKEN_PATH), 1, "one refresh for all of them");
});

// the recorded tokens above need the fetch transport; these run on both
eachTransport((kind) => {
  test("200 concurrent requests cause exactly one token request", async () => {
    const { client } = extensionClient(kind);
    const [first] = (await clientOf(sb).catalog.products.fetchPage({ limit: 1 })).resources;
    assert.ok(first);
    sb.counters.reset();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => client.catalog.products.get(first.id)),
    );
    assert.equal(results.length, 200);
    assert.ok(results.every((p) => p.id === first.id));
    assert.equal(sb.counters.requests(TOKEN_PATH), 1);
    assert.equal(sb.counters.requests("GET /public/v1/catalog/products/{id}"), 200);
  });

  test("a refresh whose new token is refused too ends in the 401, without a loop", async () => {
    const { client } = extensionClient(kind);
    sb.faults.set({ kind: "status", status: 401, service: "catalog.products" });
    const { error } = await timedRejection(() => client.catalog.products.fetchPage({ limit: 1 }));
    assert.ok(error instanceof MPTAPIError && error.statusCode === 401, String(error));
    assert.equal(sb.counters.requests("GET /public/v1/catalog/products"), 2, "the request and one replay");
    assert.equal(sb.counters.requests(TOKEN_PATH), 2, "the first token and one refresh");
  });
});
