/**
 * Retries against the sandbox's faults: GETs survive 429/503 bursts inside the retry budget and
 * wait what `Retry-After` asks; a longer burst ends in `MPTMaxRetryError`; a POST is never sent
 * twice when the server may have acted on it (timed out after it was received, 503 without
 * `Retry-After`), which the sandbox's request and create counters prove. Each test runs on both
 * transports (node:http and fetch).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MPTAPIError, MPTMaxRetryError, MPTTimeoutError } from "mpt-api-client";
import { instantRetries } from "../support/retry-clock.js";
import { eachTransport } from "../support/transports.js";
import { clientOf, timedRejection, until, useSandbox } from "./support.js";

const sb = useSandbox();

const GET_PRODUCTS = "GET /public/v1/catalog/products";
const POST_UOM = "POST /public/v1/catalog/units-of-measure";

eachTransport((kind) => {
  describe("GET under 429/503 bursts", () => {
    test("a burst of 429 then 503 inside the budget succeeds after waiting Retry-After each time", async () => {
      sb.faults.set([
        { kind: "status", status: 429, retryAfter: 0.15, times: 2, service: "catalog.products" },
        { kind: "status", status: 503, retryAfter: 0.1, times: 1, after: 2, service: "catalog.products" },
      ]);
      // the waits pass on mock time: the test checks what was waited, not the wall clock
      const clock = instantRetries();
      const client = clientOf(sb, { transport: kind, retries: 5, logger: clock.logger });
      const page = await client.catalog.products.fetchPage({ limit: 2 });
      assert.equal(page.resources.length, 2);
      assert.equal(sb.counters.requests(GET_PRODUCTS), 4, "three refusals, then the answer");
      assert.deepEqual(clock.waits, [150, 150, 100], "each wait is the answer's Retry-After");
    });

    test("a burst longer than the budget ends in MPTMaxRetryError carrying the last answer", async () => {
      sb.faults.set({
        kind: "status",
        status: 503,
        retryAfter: 0.02,
        times: 10,
        service: "catalog.products",
      });
      const clock = instantRetries();
      const client = clientOf(sb, { transport: kind, retries: 2, logger: clock.logger });
      const { error } = await timedRejection(() => client.catalog.products.fetchPage({ limit: 1 }));
      assert.deepEqual(clock.waits, [20, 20]);
      assert.ok(error instanceof MPTMaxRetryError, String(error));
      assert.equal(error.attempts, 3);
      assert.ok(error.cause instanceof MPTAPIError);
      assert.equal(error.cause.statusCode, 503);
      assert.equal(sb.counters.requests(GET_PRODUCTS), 3);
    });

    test("an iteration rides out bursts on its later pages", async () => {
      sb.faults.set({
        id: "burst",
        kind: "status",
        status: 429,
        retryAfter: 0.01,
        times: 3,
        after: 2,
        service: "commerce.orders",
      });
      const clock = instantRetries();
      const client = clientOf(sb, { transport: kind, retries: 3, logger: clock.logger });
      const ids = new Set<string>();
      let n = 0;
      for await (const order of client.commerce.orders.iterate({ batchSize: 500 })) {
        ids.add(order.id);
        n++;
      }
      assert.equal(n, 3000);
      assert.equal(ids.size, 3000);
      assert.equal(sb.counters.snapshot().faults["burst"], 3, "the burst hit the third page");
      assert.deepEqual(clock.waits, [10, 10, 10]);
    });
  });

  describe("POST is not sent again when the server may have acted on it", () => {
    test("a POST whose answer times out after the server created the object is sent once", async () => {
      // the object is created, then the answer's body trickles: the client times out reading it
      sb.faults.set({
        kind: "slowBody",
        chunkDelayMs: 1_500,
        chunkBytes: 8,
        method: "POST",
        service: "catalog.unitsOfMeasure",
      });
      // a budget wide enough for the POST to reach the server on a loaded machine, well under the trickle
      const client = clientOf(sb, { transport: kind, retries: 5, timeout: 500 });
      const { error } = await timedRejection(() => client.catalog.unitsOfMeasure.create({ name: "Once" }));
      assert.ok(error instanceof MPTTimeoutError && error.timeout === 500, String(error));
      assert.equal(sb.counters.requests(POST_UOM), 1, "the POST went out exactly once");
      assert.equal(sb.counters.createdCount("catalog/units-of-measure"), 1, "and created exactly one object");
    });

    test("a POST whose answer is late (server busy before acting) is sent once as well", async () => {
      sb.faults.set({ kind: "latency", ms: 1_500, method: "POST", service: "catalog.unitsOfMeasure" });
      const client = clientOf(sb, { transport: kind, retries: 5, timeout: 500 });
      const { error } = await timedRejection(() => client.catalog.unitsOfMeasure.create({ name: "Late" }));
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.equal(sb.counters.requests(POST_UOM), 1);
      // the server acts once its latency ends: one object, and it must not land in a later test
      await until(() => sb.counters.createdCount("catalog/units-of-measure") === 1);
      assert.equal(sb.counters.requests(POST_UOM), 1, "still one POST after the server acted");
    });

    test("a POST answered 503 without Retry-After is not retried; with Retry-After it is", async () => {
      sb.faults.set({
        kind: "status",
        status: 503,
        times: 1,
        method: "POST",
        service: "catalog.unitsOfMeasure",
      });
      const clock = instantRetries();
      const client = clientOf(sb, { transport: kind, retries: 5, logger: clock.logger });
      const { error } = await timedRejection(() => client.catalog.unitsOfMeasure.create({ name: "No" }));
      assert.ok(error instanceof MPTAPIError && error.statusCode === 503, String(error));
      assert.equal(sb.counters.requests(POST_UOM), 1);
      assert.equal(sb.counters.createdCount("catalog/units-of-measure"), 0);

      sb.faults.set({
        kind: "status",
        status: 503,
        retryAfter: 0.05,
        times: 1,
        method: "POST",
        service: "catalog.unitsOfMeasure",
      });
      const created = await client.catalog.unitsOfMeasure.create({ name: "Yes" });
      assert.equal(created.name, "Yes");
      assert.deepEqual(clock.waits, [50], "retried once, after the Retry-After");
      assert.equal(sb.counters.requests(POST_UOM), 3);
      assert.equal(sb.counters.createdCount("catalog/units-of-measure"), 1);
    });
  });
});
