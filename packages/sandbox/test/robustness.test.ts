/**
 * Never crash, never hang: any method, any bytes get an HTTP answer (TRACE/TRACK 501, unknown
 * methods 405), bodies over the limit 413 before more is read, deep JSON and malformed escapes
 * 400, and fault globs match in linear time with bounded size.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import { test } from "node:test";
import { globMatcher, MAX_GLOB_STARS } from "../src/http/faults.js";
import { createSandbox, type RunningSandbox, startSandbox } from "../src/index.js";

const ORIGIN = "http://mpt-sandbox.local";

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request over the socket; `body` chunks are written as given (none: headers only). */
function raw(
  sandbox: RunningSandbox,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: sandbox.port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    if (method === "TRACE" || method === "TRACK" || body) req.end();
    else req.flushHeaders();
  });
}

test("TRACE and TRACK answer 501 over the socket and the sandbox keeps serving", async () => {
  const sandbox = await startSandbox();
  try {
    for (const method of ["TRACE", "TRACK"]) {
      const answer = await raw(sandbox, method, "/public/v1/catalog/products", {});
      assert.equal(answer.status, 501, method);
      assert.match(JSON.parse(answer.body).detail, new RegExp(method));
    }
    const health = await raw(sandbox, "GET", "/_sandbox/health", {}, Buffer.alloc(0));
    assert.equal(health.status, 200);
  } finally {
    await sandbox.close();
  }
});

test("a method nobody serves answers 405 with Allow, before authentication", async () => {
  const sandbox = createSandbox();
  for (const method of ["PROPFIND", "FOO", "LOCK"]) {
    const res = await sandbox.handler(new Request(`${ORIGIN}/public/v1/catalog/products`, { method }));
    assert.equal(res.status, 405, method);
    assert.match(res.headers.get("allow") ?? "", /GET/);
  }
});

test("a body over the limit answers 413 in-process, and over the socket before it is sent", async () => {
  const small = createSandbox({ maxBodyBytes: 1024 });
  const res = await small.fetch(`${ORIGIN}/public/v1/catalog/products`, {
    method: "POST",
    headers: { authorization: `Bearer ${small.tokens.vendor}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "x".repeat(2000) }),
  });
  assert.equal(res.status, 413);
  assert.match(((await res.json()) as { detail: string }).detail, /1024 bytes/);

  const sandbox = await startSandbox({ maxBodyBytes: 1024 });
  try {
    const headers = {
      authorization: `Bearer ${sandbox.tokens.vendor}`,
      "content-type": "application/json",
    };
    // 700 MB announced, nothing sent: the answer comes from the headers alone.
    const announced = await raw(sandbox, "POST", "/public/v1/catalog/products", {
      ...headers,
      "content-length": String(700 * 1024 * 1024),
    });
    assert.equal(announced.status, 413);
    assert.equal(announced.headers["connection"], "close");
    // Chunked (no length): cut off once the limit is passed.
    const chunked = await raw(
      sandbox,
      "POST",
      "/public/v1/catalog/products",
      headers,
      Buffer.from(JSON.stringify({ name: "y".repeat(4096) })),
    );
    assert.equal(chunked.status, 413);
    const after = await raw(sandbox, "GET", "/_sandbox/health", {}, Buffer.alloc(0));
    assert.equal(after.status, 200);
  } finally {
    await sandbox.close();
  }
});

test("JSON nested deeper than 64 levels answers 400 and stores nothing", async () => {
  const sandbox = createSandbox();
  const before = sandbox.store.collection("catalog/products").size;
  const deep = `{"name":"deep","x":${"[".repeat(5000)}${"]".repeat(5000)}}`;
  const res = await sandbox.fetch(`${ORIGIN}/public/v1/catalog/products`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}`, "content-type": "application/json" },
    body: deep,
  });
  assert.equal(res.status, 400);
  assert.match(JSON.stringify(await res.json()), /maximum depth of 64/);
  assert.equal(sandbox.store.collection("catalog/products").size, before);
  const list = await sandbox.fetch(`${ORIGIN}/public/v1/catalog/products?limit=1`, {
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}` },
  });
  assert.equal(list.status, 200);
  // A bracket inside a string is not nesting.
  const fine = await sandbox.fetch(`${ORIGIN}/public/v1/catalog/products`, {
    method: "POST",
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "[".repeat(100) }),
  });
  assert.equal(fine.status, 201);
});

test("malformed % escapes answer 400 on API and control-plane paths", async () => {
  const sandbox = createSandbox();
  for (const path of [
    "/public/v1/catalog/products/PRD-%ZZ",
    "/_sandbox/blobs/files/%E0%A4%A",
    "/public/v1/%",
  ]) {
    const res = await sandbox.fetch(`${ORIGIN}${path}`, {
      headers: { authorization: `Bearer ${sandbox.tokens.vendor}` },
    });
    assert.equal(res.status, 400, path);
    assert.match(((await res.json()) as { detail: string }).detail, /percent-encoding/);
  }
});

test("fault globs: pathological patterns match in linear time; size is bounded", () => {
  const path = `/public/v1/${"a".repeat(80)}`;
  const stars = `/public/v1/${"*a".repeat(10)}*b`;
  assert.equal(globMatcher(stars)(path), false);
  assert.equal(globMatcher(`/public/v1/${"*a".repeat(10)}*`)(path), true);
  assert.equal(globMatcher("catalog/products/*/items")("/public/v1/catalog/products/PRD-1/items"), true);
  assert.equal(globMatcher("catalog/*")("/public/v1/commerce/orders"), false);
  assert.equal(globMatcher("/public/v1/catalog/products")("/public/v1/catalog/products"), true);
  // Every piece must fit between the anchored ends.
  assert.equal(globMatcher("*ab*ba")("/public/v1/aba"), false);
  const long = `/public/v1/${"*x".repeat(5000)}`;
  assert.equal(
    globMatcher(`/public/v1/${"*x".repeat(MAX_GLOB_STARS)}`)("/public/v1/" + "x".repeat(40)),
    true,
  );
  assert.throws(() => globMatcher(long), /at most 512 characters/);
  assert.throws(() => globMatcher(`${"*".repeat(MAX_GLOB_STARS + 1)}`), /at most 32 '\*'/);
  assert.throws(() => createSandbox({ faults: [{ kind: "latency", ms: 1, path: long }] }), /at most 512/);
});

test("the control plane refuses a glob over the bounds with 400 and arms nothing", async () => {
  const sandbox = createSandbox();
  const res = await sandbox.fetch(`${ORIGIN}/_sandbox/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify([
      { kind: "latency", ms: 1, path: "catalog/*" },
      { kind: "latency", ms: 1, path: "*".repeat(40) },
    ]),
  });
  assert.equal(res.status, 400);
  assert.deepEqual(sandbox.faults.list(), []);
});
