/** Faults (latency, statuses with Retry-After, bursts, resets, truncation) and counters. */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { startSandbox } from "../src/index.js";
import { Harness } from "./helpers.js";

const h = new Harness({
  faults: [
    { id: "boot", kind: "status", status: 503, retryAfter: 2, path: "/exchange/currencies", times: 1 },
  ],
});
const { sandbox } = h;

test("a fault armed at start fires once, then requests pass", async () => {
  const first = await h.get("/exchange/currencies");
  assert.equal(first.status, 503);
  assert.equal(first.headers.get("retry-after"), "2");
  assert.equal(first.body.title, "Service Unavailable");
  assert.equal((await h.get("/exchange/currencies")).status, 200);
  assert.equal(sandbox.counters.snapshot().faults["boot"], 1);
});

test("bursts: N failures then success, per method and service", async () => {
  sandbox.faults.set({ kind: "status", status: 500, times: 2, method: "GET", service: "catalog.products" });
  assert.equal((await h.get("/catalog/products")).status, 500);
  assert.equal((await h.get("/catalog/items")).status, 200, "other services unaffected");
  assert.equal((await h.get("/catalog/products")).status, 500);
  assert.equal((await h.get("/catalog/products")).status, 200);
  sandbox.faults.set({
    kind: "status",
    status: 429,
    retryAfter: 1,
    after: 1,
    times: 1,
    service: "commerce/orders",
  });
  assert.equal((await h.get("/commerce/orders")).status, 200);
  const limited = await h.get("/commerce/orders");
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get("retry-after"), "1");
  sandbox.faults.clear();
});

test("latency delays the answer by its ms (on mock time)", async (t) => {
  sandbox.faults.set({ kind: "latency", ms: 120, path: "/catalog/*" });
  t.mock.timers.enable({ apis: ["setTimeout"] });
  // the timers the sandbox starts, seen through a wrapper of the mocked setTimeout
  const mocked = globalThis.setTimeout;
  const started: number[] = [];
  globalThis.setTimeout = ((callback: () => void, ms?: number) => {
    started.push(ms ?? 0);
    return mocked(callback, ms);
  }) as typeof setTimeout;
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  try {
    let answered = false;
    const answer = h.get("/catalog/products?limit=1").then((response) => {
      answered = true;
      return response;
    });
    for (let i = 0; i < 1000 && started.length === 0; i++) await turn();
    assert.deepEqual(started, [120], "one wait of the fault's ms");
    t.mock.timers.tick(119);
    for (let i = 0; i < 10; i++) await turn();
    assert.equal(answered, false, "no answer before the latency is over");
    t.mock.timers.tick(1);
    assert.equal((await answer).status, 200);
  } finally {
    globalThis.setTimeout = mocked;
    t.mock.timers.reset();
    sandbox.faults.clear();
  }
});

test("truncate and reset cut bodies in-process", async () => {
  sandbox.faults.set({ kind: "truncate", afterBytes: 40, path: "/catalog/products" });
  const truncated = await sandbox.fetch(`${sandbox.url}/public/v1/catalog/products`, {
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}` },
  });
  const text = await truncated.text();
  assert.equal(text.length, 40);
  sandbox.faults.set({ kind: "reset", afterBytes: 10, path: "/catalog/products" });
  const reset = await sandbox.fetch(`${sandbox.url}/public/v1/catalog/products`, {
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}` },
  });
  await assert.rejects(reset.text(), /terminated/);
  sandbox.faults.clear();
});

test("faults and counters over the /_sandbox routes", async () => {
  const added = await h.call("POST", "/_sandbox/faults", {
    as: null,
    body: { kind: "status", status: 502, path: "/spotlight/*", times: 1 },
  });
  assert.equal(added.status, 201);
  assert.equal((await h.call("GET", "/_sandbox/faults", { as: null })).body.length, 1);
  assert.equal((await h.get("/spotlight/queries")).status, 502);
  await h.call("DELETE", "/_sandbox/faults", { as: null });
  assert.equal((await h.get("/spotlight/queries")).status, 200);
  const counters = await h.call("GET", "/_sandbox/counters", { as: null });
  assert.equal(counters.body.requests["GET /public/v1/spotlight/queries"], 2);
  await h.post("/catalog/units-of-measure", { name: "Core" });
  assert.equal(sandbox.counters.snapshot().created["catalog/units-of-measure"], 1);
  assert.equal(sandbox.counters.requests("POST /public/v1/catalog/units-of-measure"), 1);
  await h.call("DELETE", "/_sandbox/counters", { as: null });
  assert.equal(sandbox.counters.requests(), 0);
});

test("a creation counted in a write that fails is taken back with the write", async () => {
  await h.call("DELETE", "/_sandbox/counters", { as: null });
  const created = () => sandbox.counters.snapshot().created;
  assert.throws(
    () =>
      sandbox.store.transaction(() => {
        sandbox.counters.created("catalog/units-of-measure");
        sandbox.counters.created("catalog/units-of-measure");
        sandbox.counters.created("catalog/items");
        throw new Error("a later check fails");
      }),
    /a later check fails/,
  );
  assert.deepEqual(created(), {});
  assert.equal(sandbox.counters.createdCount("catalog/units-of-measure"), 0);
  await h.post("/catalog/units-of-measure", { name: "Kept", description: "Kept" });
  sandbox.store.transaction(() => sandbox.counters.created("catalog/items"));
  assert.deepEqual(created(), { "catalog/units-of-measure": 1, "catalog/items": 1 });
  // A create refused by its checks counts nothing.
  assert.equal((await h.post("/catalog/units-of-measure", { name: 42 })).status, 400);
  assert.deepEqual(created(), { "catalog/units-of-measure": 1, "catalog/items": 1 });
});

const server = await startSandbox({ port: 0 });
after(() => server.close());

test("over the socket: a reset destroys the connection mid-body; slow bodies stream", async () => {
  const headers = { authorization: `Bearer ${server.tokens.operations}` };
  const ok = await fetch(`${server.url}/public/v1/catalog/products?limit=1`, { headers });
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).data.length, 1);
  server.faults.set({ kind: "reset", afterBytes: 50, path: "/commerce/orders" });
  const res = await fetch(`${server.url}/public/v1/commerce/orders?limit=100`, { headers });
  assert.equal(res.status, 200);
  await assert.rejects(res.text());
  server.faults.set({ kind: "slowBody", chunkDelayMs: 5, chunkBytes: 200, path: "/commerce/orders" });
  const slow = await fetch(`${server.url}/public/v1/commerce/orders?limit=5`, { headers });
  assert.equal((await slow.json()).data.length, 5);
  server.faults.clear();
});
