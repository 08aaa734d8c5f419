/**
 * Time budgets and cancellation against a slow sandbox: a timeout fires with the configured budget
 * and names the request; a GET that timed out is retried within the budget; an `AbortSignal`
 * stops a request, an iteration (also while the prefetched page is in flight) and a stream
 * promptly, with the caller's reason. Every test gets its own sandbox: a request a previous test
 * abandoned may still reach the server later and must not count against the next test's faults.
 * Each test runs on both transports (node:http and fetch).
 */
import assert from "node:assert/strict";
import { before, describe, type TestContext, test } from "node:test";
import { MPTMaxRetryError, MPTTimeoutError } from "mpt-api-client";
import { retryClock } from "../support/retry-clock.js";
import { eachTransport } from "../support/transports.js";
import { clientOf, type RunningSandbox, sandbox, timedRejection, until } from "./support.js";

/** The first product of the seeded data (the same in every sandbox of the default seed). */
let productId = "";
before(async () => {
  const sb = await sandbox();
  productId = (await clientOf(sb).catalog.products.fetchPage({ limit: 1 })).resources[0]?.id ?? "";
  await sb.close();
});

async function fresh(t: TestContext): Promise<RunningSandbox> {
  const sb = await sandbox();
  t.after(() => sb.close());
  return sb;
}

eachTransport((kind) => {
  describe("timeouts", () => {
    test("a GET times out near the configured value with an error naming the request", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 0, timeout: 150 });
      const { error } = await timedRejection(() => client.catalog.products.get(productId));
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.equal(error.method, "GET");
      assert.equal(error.path, `/public/v1/catalog/products/${productId}`);
      assert.equal(error.timeout, 150);
      assert.match(
        error.message,
        new RegExp(`GET /public/v1/catalog/products/${productId} timed out after 150 ms`),
      );
    });

    test("a per-call timeout wins over the client's", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 0, timeout: 10_000 });
      const { error } = await timedRejection(() => client.catalog.products.get(productId, { timeout: 100 }));
      assert.ok(error instanceof MPTTimeoutError && error.timeout === 100, String(error));
    });

    test("a GET that timed out is retried; the budget ends in MPTTimeoutError counting the attempts", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 1, timeout: 100 });
      const { error } = await timedRejection(() => client.catalog.products.get(productId));
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.ok(!(error instanceof MPTMaxRetryError));
      assert.equal(error.attempts, 2);
      assert.equal(error.timeout, 100);
      assert.match(error.message, /timed out after 100 ms \(request, each of 2 attempts\)$/);
      assert.equal(sb.counters.requests("GET /public/v1/catalog/products/{id}"), 2);
    });

    test("{ retries: 0 } per request makes one attempt, beside a client default of 3", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 3, timeout: 100 });
      const { error } = await timedRejection(() => client.catalog.products.get(productId, { retries: 0 }));
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.equal(error.attempts, 1);
      assert.equal(sb.counters.requests("GET /public/v1/catalog/products/{id}"), 1);
    });

    test("a retried GET succeeds when the slowness was a one-off", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, times: 1, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 2, timeout: 150 });
      const product = await client.catalog.products.get(productId);
      assert.equal(product.id, productId);
    });

    test("a stream whose headers do not come in time raises a timeout naming the phase", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, service: "commerce.orders" });
      const client = clientOf(sb, { transport: kind, retries: 0, streamTimeout: 150 });
      const { error } = await timedRejection(async () => {
        for await (const _ of client.commerce.orders.stream()) {
          // nothing arrives
        }
      });
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.match(
        error.message,
        /GET \/public\/v1\/commerce\/orders timed out after 150 ms \(waiting for response headers\)/,
      );
    });
  });

  describe("AbortSignal", () => {
    test("an already aborted signal sends nothing", async (t) => {
      const sb = await fresh(t);
      const client = clientOf(sb, { transport: kind });
      const reason = new Error("caller gave up");
      const { error } = await timedRejection(() =>
        client.catalog.products.get(productId, { signal: AbortSignal.abort(reason) }),
      );
      assert.equal(error, reason);
      assert.equal(sb.counters.requests(), 0);
    });

    test("aborting stops a slow request promptly with the caller's reason", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, path: "/catalog/products/*" });
      const client = clientOf(sb, { transport: kind, retries: 3 });
      const controller = new AbortController();
      // abort once the server holds the request (its answer comes a second later: a request the
      // abort did not stop would succeed)
      void until(() => sb.counters.requests() === 1).then(() => controller.abort());
      const { error } = await timedRejection(() =>
        client.catalog.products.get(productId, { signal: controller.signal }),
      );
      assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
      assert.equal(sb.counters.requests(), 1, "not retried");
    });

    test("aborting during a Retry-After wait stops at once", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "status", status: 503, retryAfter: 5, service: "catalog.products" });
      // the 5 s wait is a mock timer that never advances: only the abort can end it
      const clock = retryClock();
      const client = clientOf(sb, { transport: kind, retries: 3, logger: clock.logger });
      const controller = new AbortController();
      const failed = timedRejection(() => client.catalog.products.fetchPage({ signal: controller.signal }));
      assert.equal(await clock.waiting, 5_000);
      controller.abort();
      const { error } = await failed;
      clock.release();
      assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
      assert.equal(sb.counters.requests(), 1);
    });

    test("aborting an iteration while the next page is in flight ends the loop at once", async (t) => {
      const sb = await fresh(t);
      // the first page is quick, every later page takes a second
      sb.faults.set({ kind: "latency", ms: 1_000, after: 1, service: "commerce.orders" });
      const client = clientOf(sb, { transport: kind });
      const controller = new AbortController();
      let seen = 0;
      const { error } = await timedRejection(async () => {
        for await (const _ of client.commerce.orders.iterate({ batchSize: 50, signal: controller.signal })) {
          seen++;
          if (seen === 10) controller.abort(new Error("enough"));
        }
      });
      assert.equal((error as Error).message, "enough");
      assert.equal(seen, 10, "no record after the abort");
    });

    test("aborting while the loop waits for a slow page ends it promptly", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "latency", ms: 1_000, after: 1, service: "commerce.orders" });
      const client = clientOf(sb, { transport: kind });
      // abort once the server holds the second page's request (counted before the latency)
      const abort = abortOn(until(() => sb.counters.requests() === 2));
      let seen = 0;
      const { error } = await timedRejection(async () => {
        for await (const _ of client.commerce.orders.iterate({ batchSize: 50, signal: abort.signal })) seen++;
      });
      assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
      assert.equal(seen, 50, "the slow second page never arrived");
    });

    test("aborting a stream that trickles stops it promptly", async (t) => {
      const sb = await fresh(t);
      sb.faults.set({ kind: "slowBody", chunkDelayMs: 300, chunkBytes: 8_192, service: "commerce.orders" });
      const client = clientOf(sb, { transport: kind });
      let first!: () => void;
      // abort at the first record, while the rest of the body trickles
      const abort = abortOn(new Promise<void>((resolve) => (first = resolve)));
      let seen = 0;
      const { error } = await timedRejection(async () => {
        for await (const _ of client.commerce.orders.stream({ signal: abort.signal })) {
          seen++;
          first();
        }
      });
      assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
      assert.ok(seen > 0 && seen < 3000, `${seen} records before the abort`);
    });
  });
});

/** An abort signal fired when `trigger` resolves. */
function abortOn(trigger: Promise<unknown>): { signal: AbortSignal } {
  const controller = new AbortController();
  void trigger.then(() => controller.abort());
  return { signal: controller.signal };
}
