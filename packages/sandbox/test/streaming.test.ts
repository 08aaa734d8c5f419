/** The streaming read mode (MPT-Streaming) and the statement-charges JSONL redirect. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Harness } from "./helpers.js";

const h = new Harness({ scale: 2 });
const auth = { authorization: `Bearer ${h.sandbox.tokens.operations}` };

function lines(text: string): Array<Record<string, unknown>> {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l));
}

test("MPT-Streaming on a collection answers JSONL with the header echoed, filter/order/select applied", async () => {
  const response = await h.sandbox.fetch(
    `${h.sandbox.url}/public/v1/commerce/orders?eq(status,Completed)&order=-audit.created.at&select=-*,id,status,audit.created.at`,
    { headers: { ...auth, accept: "application/jsonl", "mpt-streaming": "true" } },
  );
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("mpt-streaming"), "true");
  assert.match(response.headers.get("content-type") ?? "", /application\/jsonl/);
  const records = lines(await response.text());
  const count = await h.get("/commerce/orders?eq(status,Completed)&limit=0");
  assert.equal(records.length, count.body.$meta.pagination.total);
  assert.ok(records.every((r) => r["status"] === "Completed" && Object.keys(r).length === 3));
  const dates = records.map((r) => (r["audit"] as { created: { at: string } }).created.at);
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test("without MPT-Streaming a collection answers a normal page (no echo)", async () => {
  const response = await h.sandbox.fetch(`${h.sandbox.url}/public/v1/commerce/orders?limit=2`, {
    headers: { ...auth, accept: "application/jsonl" },
  });
  assert.equal(response.headers.get("mpt-streaming"), null);
  assert.equal((await response.json()).data.length, 2);
});

test("statement charges with Accept: application/jsonl redirect (302) to an NDJSON blob", async () => {
  const [statementId] = await h.ids("/billing/statements?limit=1");
  const path = `${h.sandbox.url}/public/v1/billing/statements/${statementId}/charges`;
  const manual = await h.sandbox.fetch(path, {
    headers: { ...auth, accept: "application/jsonl" },
    redirect: "manual",
  });
  assert.equal(manual.status, 302);
  assert.match(manual.headers.get("location") ?? "", /\/_sandbox\/blobs\/jsonl\/billing\/statements\//);
  const followed = await h.sandbox.fetch(path, { headers: { ...auth, accept: "application/jsonl" } });
  const charges = lines(await followed.text());
  const count = await h.get(`/billing/statements/${statementId}/charges?limit=0`);
  assert.equal(charges.length, count.body.$meta.pagination.total);
  assert.ok(charges.length > 100);
  assert.ok(charges.every((c) => (c["statement"] as { id: string }).id === statementId));
});

test("a stream's membership is fixed when it opens and the body is produced in chunks", async () => {
  const response = await h.sandbox.fetch(`${h.sandbox.url}/public/v1/catalog/units-of-measure`, {
    headers: { ...auth, accept: "application/jsonl", "mpt-streaming": "true" },
  });
  await h.post("/catalog/units-of-measure", { name: "Seat", description: "added after open" });
  const names = lines(await response.text()).map((r) => r["name"]);
  assert.ok(!names.includes("Seat"));
  const big = await h.sandbox.fetch(
    `${h.sandbox.url}/public/v1/billing/statements/${(await h.ids("/billing/statements?limit=1"))[0]}/charges`,
    {
      headers: { ...auth, accept: "application/jsonl", "mpt-streaming": "true" },
    },
  );
  const reader = (big.body as ReadableStream<Uint8Array>).getReader();
  let chunks = 0;
  for (;;) {
    const { done } = await reader.read();
    if (done) break;
    chunks++;
  }
  assert.ok(chunks > 1, `${chunks} chunk(s)`);
});
