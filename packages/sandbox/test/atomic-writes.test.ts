/**
 * Atomic writes: a request whose body arrives late (headers first, the body held until a racing
 * request has completed) cannot lose an update, resurrect a deleted record, run two exclusive
 * transitions or land in a store a reset discarded; a failing handler leaves the store unchanged.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSandbox, type Sandbox } from "../src/index.js";

const ORIGIN = "http://mpt-sandbox.local/public/v1";

/** A request whose body is held back: `waiting` resolves once the handler asks for it. */
function slowRequest(sandbox: Sandbox, method: string, path: string, body: unknown) {
  let release!: () => void;
  let asked!: () => void;
  const waiting = new Promise<void>((resolve) => {
    asked = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      asked();
      await released;
      controller.enqueue(new TextEncoder().encode(JSON.stringify(body)));
      controller.close();
    },
  });
  const init: RequestInit & { duplex: "half" } = {
    method,
    headers: { authorization: `Bearer ${sandbox.tokens.operations}`, "content-type": "application/json" },
    body: stream,
    duplex: "half",
  };
  const answer = sandbox.handler(new Request(`${ORIGIN}${path}`, init));
  return { answer, waiting, release };
}

async function call(sandbox: Sandbox, method: string, path: string, body?: unknown) {
  const response = await sandbox.fetch(`${ORIGIN}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.tokens.operations}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function newProduct(sandbox: Sandbox): Promise<string> {
  const created = await sandbox.fetch(`${ORIGIN}/catalog/products`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Race", shortDescription: "first" }),
  });
  assert.equal(created.status, 201);
  return ((await created.json()) as { id: string }).id;
}

test("an update whose body arrives late merges into the current record (no lost update)", async () => {
  const sandbox = createSandbox();
  const id = await newProduct(sandbox);
  const slow = slowRequest(sandbox, "PUT", `/catalog/products/${id}`, {
    shortDescription: "from the slow request",
  });
  await slow.waiting;
  assert.equal(
    (await call(sandbox, "PUT", `/catalog/products/${id}`, { name: "Renamed meanwhile" })).status,
    200,
  );
  slow.release();
  assert.equal((await slow.answer).status, 200);
  const record = (await call(sandbox, "GET", `/catalog/products/${id}`)).body;
  assert.equal(record.name, "Renamed meanwhile");
  assert.equal(record.shortDescription, "from the slow request");
});

test("a record deleted while an update's body is in flight stays deleted", async () => {
  const sandbox = createSandbox();
  const id = await newProduct(sandbox);
  const slow = slowRequest(sandbox, "PUT", `/catalog/products/${id}`, { shortDescription: "late" });
  await slow.waiting;
  assert.equal((await call(sandbox, "DELETE", `/catalog/products/${id}`)).status, 204);
  slow.release();
  assert.equal((await slow.answer).status, 404);
  assert.equal((await call(sandbox, "GET", `/catalog/products/${id}`)).status, 404);
});

test("complete and fail on one order: the late one answers 409", async () => {
  const sandbox = createSandbox();
  const list = await call(sandbox, "GET", "/commerce/orders?eq(status,Processing)&limit=1");
  const id = list.body.data[0].id as string;
  const slow = slowRequest(sandbox, "POST", `/commerce/orders/${id}/complete`, {});
  await slow.waiting;
  assert.equal((await call(sandbox, "POST", `/commerce/orders/${id}/fail`, {})).status, 200);
  slow.release();
  const late = await slow.answer;
  assert.equal(late.status, 409);
  assert.match(((await late.json()) as { detail: string }).detail, /status 'Failed'/);
  assert.equal((await call(sandbox, "GET", `/commerce/orders/${id}`)).body.status, "Failed");
});

test("a create whose body arrives during a reset fails and stores nothing", async () => {
  const sandbox = createSandbox();
  const before = (await call(sandbox, "GET", "/catalog/products?limit=0")).body.$meta.pagination.total;
  const slow = slowRequest(sandbox, "POST", "/catalog/products", { name: "Created across a reset" });
  await slow.waiting;
  sandbox.reset();
  slow.release();
  const answer = await slow.answer;
  assert.equal(answer.status, 409);
  assert.match(
    ((await answer.json()) as { detail: string }).detail,
    /reset while this request was in flight/,
  );
  const after = await call(sandbox, "GET", "/catalog/products?eq(name,Created across a reset)");
  assert.equal(after.body.data.length, 0);
  assert.equal((await call(sandbox, "GET", "/catalog/products?limit=0")).body.$meta.pagination.total, before);
});

test("a handler failing half-way answers a 500 ProblemDetails and leaves the store unchanged", async () => {
  const sandbox = createSandbox();
  const cases = sandbox.store.collection("helpdesk/cases");
  const casesBefore = cases.size;
  const chats = sandbox.store.collection("helpdesk/chats");
  const put = chats.put.bind(chats);
  // The case is stored first, then its chat (an effect): make the chat write fail.
  chats.put = () => {
    throw new Error("disk on fire");
  };
  try {
    const res = await call(sandbox, "POST", "/helpdesk/cases", { title: "Half-way" });
    assert.equal(res.status, 500);
    assert.match(res.body.detail, /disk on fire/);
    assert.ok(res.body.traceId);
  } finally {
    chats.put = put;
  }
  assert.equal(cases.size, casesBefore);
  const list = await call(sandbox, "GET", "/helpdesk/cases?eq(title,Half-way)");
  assert.equal(list.body.data.length, 0);
});
