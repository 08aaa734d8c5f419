/**
 * Connections that die in the middle of an answer: an idempotent request (a page of `iterate`, a
 * `get`) is retried and the iteration yields every record exactly once; a POST whose answer was
 * cut is not sent again; a stream cut in the middle raises instead of ending short.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MPTConnectionError } from "mpt-api-client";
import { eachTransport } from "../support/transports.js";
import { clientOf, timedRejection, useSandbox } from "./support.js";

const sb = useSandbox();

const ORDERS = "GET /public/v1/commerce/orders";

async function allOrders(client: ReturnType<typeof clientOf>, batchSize: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const order of client.commerce.orders.iterate({ batchSize })) ids.push(order.id);
  return ids;
}

eachTransport((kind) => {
  test("a reset in the middle of a page is retried: iterate yields every record exactly once", async () => {
    const expected = await allOrders(clientOf(sb, { transport: kind }), 1_000);
    assert.equal(expected.length, 3_000);
    sb.counters.reset();
    // the third page dies after 20 kB of its body
    sb.faults.set({
      id: "cut",
      kind: "reset",
      afterBytes: 20_000,
      after: 2,
      times: 1,
      service: "commerce.orders",
    });
    const ids = await allOrders(clientOf(sb, { transport: kind, retries: 3 }), 500);
    assert.equal(sb.counters.snapshot().faults["cut"], 1, "the fault fired");
    assert.equal(sb.counters.requests(ORDERS), 7, "six pages and one retry");
    assert.deepEqual(ids, expected, "every record once, in order");
  });

  test("resets on several pages in a row are all retried", async () => {
    sb.faults.set({ kind: "reset", afterBytes: 5_000, after: 1, times: 4, service: "commerce.orders" });
    const ids = await allOrders(clientOf(sb, { transport: kind, retries: 5 }), 500);
    assert.equal(ids.length, 3_000);
    assert.equal(new Set(ids).size, 3_000);
  });

  test("a get whose answer is cut is retried; past the budget it fails with the connection error", async () => {
    const [first] = (await clientOf(sb, { transport: kind }).catalog.products.fetchPage({ limit: 1 }))
      .resources;
    assert.ok(first);
    sb.faults.set({ kind: "reset", afterBytes: 10, times: 1, path: "/catalog/products/*" });
    assert.deepEqual(
      await clientOf(sb, { transport: kind, retries: 1 }).catalog.products.get(first.id),
      first,
    );

    sb.faults.set({ kind: "reset", afterBytes: 10, path: "/catalog/products/*" });
    const { error } = await timedRejection(() =>
      clientOf(sb, { transport: kind, retries: 2 }).catalog.products.get(first.id),
    );
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.equal(error.attempts, 3);
    // the request is named once and the attempts counted: "GET /… connection lost … after 3 attempts"
    assert.match(
      error.message,
      /^GET \/public\/v1\/catalog\/products\/PRD-[\d-]+: connection lost while reading the response \(.+\) after 3 attempts$/,
    );
  });

  test("a POST whose answer is cut is not sent again (one request, one object)", async () => {
    sb.faults.set({ kind: "reset", afterBytes: 10, method: "POST", service: "catalog.unitsOfMeasure" });
    const client = clientOf(sb, { transport: kind, retries: 5 });
    const { error } = await timedRejection(() => client.catalog.unitsOfMeasure.create({ name: "Cut" }));
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.equal(sb.counters.requests("POST /public/v1/catalog/units-of-measure"), 1);
    assert.equal(sb.counters.createdCount("catalog/units-of-measure"), 1);
  });

  test("a stream whose connection is reset raises an error after the records that arrived", async () => {
    sb.faults.set({ kind: "reset", afterBytes: 30_000, service: "commerce.orders" });
    let seen = 0;
    const { error } = await timedRejection(async () => {
      for await (const _ of clientOf(sb, { transport: kind }).commerce.orders.stream()) seen++;
    });
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.match(error.message, /GET \/public\/v1\/commerce\/orders/);
    assert.ok(seen > 0 && seen < 3_000, `${seen} records before the reset`);
  });
});
