/** Browsers: CORS on the API routes, and the control plane's Host and cross-site checks. */
import assert from "node:assert/strict";
import { request } from "node:http";
import { test } from "node:test";
import { createSandbox, startSandbox } from "../src/index.js";

const APP = "http://localhost:5173";
const sandbox = createSandbox();
const at = (path: string, host = "mpt-sandbox.local") => `http://${host}${path}`;
const bearer = (persona: "vendor" | "operations") => `Bearer ${sandbox.tokens[persona]}`;

test("a CORS preflight from a localhost origin answers 204 with the allowed method and headers", async () => {
  const res = await sandbox.fetch(at("/public/v1/catalog/products"), {
    method: "OPTIONS",
    headers: {
      origin: APP,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization, content-type",
    },
  });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get("access-control-allow-origin"), APP);
  assert.match(res.headers.get("access-control-allow-methods") ?? "", /\bPOST\b/);
  assert.equal(res.headers.get("access-control-allow-headers"), "authorization, content-type");
  assert.match(res.headers.get("vary") ?? "", /Origin/);
});

test("API answers, errors included, carry Access-Control-Allow-Origin for an allowed origin", async () => {
  const ok = await sandbox.fetch(at("/public/v1/catalog/products?limit=1"), {
    headers: { origin: "http://127.0.0.1:3000", authorization: bearer("vendor") },
  });
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get("access-control-allow-origin"), "http://127.0.0.1:3000");
  assert.match(ok.headers.get("access-control-expose-headers") ?? "", /Content-Disposition/);
  const denied = await sandbox.fetch(at("/public/v1/catalog/products"), { headers: { origin: APP } });
  assert.equal(denied.status, 401);
  assert.equal(denied.headers.get("access-control-allow-origin"), APP);
});

test("another origin gets no CORS headers and its preflight a 403 naming the option", async () => {
  const res = await sandbox.fetch(at("/public/v1/catalog/products"), {
    headers: { origin: "https://evil.example", authorization: bearer("vendor") },
  });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("access-control-allow-origin"), null);
  const pre = await sandbox.fetch(at("/public/v1/catalog/products"), {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
  });
  assert.equal(pre.status, 403);
  assert.equal(pre.headers.get("access-control-allow-origin"), null);
  assert.match((await pre.json()).detail, /corsOrigins/);
});

test("corsOrigins replaces the default; [] turns CORS off; a malformed entry fails at start", async () => {
  const custom = createSandbox({ corsOrigins: ["https://app.example", "http://dev.example:*"] });
  const get = (origin: string) =>
    custom.fetch(at("/public/v1/catalog/products?limit=1"), {
      headers: { origin, authorization: `Bearer ${custom.tokens.vendor}` },
    });
  assert.equal(
    (await get("https://app.example")).headers.get("access-control-allow-origin"),
    "https://app.example",
  );
  assert.equal(
    (await get("http://dev.example:8081")).headers.get("access-control-allow-origin"),
    "http://dev.example:8081",
  );
  assert.equal((await get(APP)).headers.get("access-control-allow-origin"), null);
  const off = createSandbox({ corsOrigins: [] });
  const res = await off.fetch(at("/public/v1/catalog/products?limit=1"), {
    headers: { origin: APP, authorization: `Bearer ${off.tokens.vendor}` },
  });
  assert.equal(res.headers.get("access-control-allow-origin"), null);
  assert.throws(() => createSandbox({ corsOrigins: ["localhost:5173"] }), /corsOrigins: 'localhost:5173'/);
  assert.throws(() => createSandbox({ allowedHosts: ["http://x"] }), /allowedHosts/);
});

test("the control plane answers no CORS: its preflight is refused without Access-Control headers", async () => {
  const res = await sandbox.fetch(at("/_sandbox/reset"), {
    method: "OPTIONS",
    headers: { origin: APP, "access-control-request-method": "POST" },
  });
  assert.equal(res.status, 403);
  assert.equal(res.headers.get("access-control-allow-origin"), null);
  const tokens = await sandbox.fetch(at("/_sandbox/tokens"), { headers: { origin: APP } });
  assert.equal(tokens.status, 200);
  assert.equal(tokens.headers.get("access-control-allow-origin"), null);
});

test("the blob routes downloads redirect to answer CORS like the API", async () => {
  const pre = await sandbox.fetch(at("/_sandbox/blobs/files/DOC-0000-0000"), {
    method: "OPTIONS",
    headers: {
      origin: APP,
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
    },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get("access-control-allow-origin"), APP);
  const missing = await sandbox.fetch(at("/_sandbox/blobs/files/DOC-0000-0000"), {
    headers: { origin: APP },
  });
  assert.equal(missing.status, 404);
  assert.equal(missing.headers.get("access-control-allow-origin"), APP);
});

test("the control plane refuses a Host it is not known by (DNS rebinding) and accepts its own names", async () => {
  const rebound = await sandbox.fetch(at("/_sandbox/tokens", "attacker.example"));
  assert.equal(rebound.status, 403);
  assert.doesNotMatch(await rebound.text(), /idt:/);
  for (const host of ["localhost:8080", "127.0.0.1:9", "[::1]:1", "app.localhost", "mpt-sandbox.local"]) {
    assert.equal((await sandbox.fetch(at("/_sandbox/health", host))).status, 200, host);
  }
  const docker = createSandbox({ allowedHosts: ["sandbox"] });
  assert.equal((await docker.fetch(at("/_sandbox/health", "sandbox:8080"))).status, 200);
  assert.equal((await docker.fetch(at("/_sandbox/health", "other:8080"))).status, 403);
  // The API itself is guarded by its tokens, not by Host.
  const api = await sandbox.fetch(at("/public/v1/catalog/products?limit=1", "attacker.example"), {
    headers: { authorization: bearer("vendor") },
  });
  assert.equal(api.status, 200);
});

test("the control plane refuses cross-site and form-like POSTs, and accepts JSON, its header or the operations token", async () => {
  const post = (headers: Record<string, string>) =>
    sandbox.fetch(at("/_sandbox/tokens/unrevoke"), { method: "POST", headers, body: "{}" });
  assert.equal((await post({ "content-type": "text/plain" })).status, 403);
  assert.equal((await post({ "content-type": "application/x-www-form-urlencoded" })).status, 403);
  assert.equal((await sandbox.fetch(at("/_sandbox/reset"), { method: "POST" })).status, 403);
  assert.equal((await post({ "content-type": "text/plain", authorization: bearer("vendor") })).status, 403);
  const crossSite = await post({ "content-type": "application/json", origin: "https://evil.example" });
  assert.equal(crossSite.status, 403);
  assert.match((await crossSite.json()).detail, /another origin/);
  assert.equal(
    (await post({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status,
    403,
  );
  assert.equal((await post({ "content-type": "application/json", origin: APP })).status, 403);

  assert.equal((await post({ "content-type": "application/json" })).status, 204);
  assert.equal((await post({ "content-type": "application/json; charset=utf-8" })).status, 204);
  assert.equal((await post({ "x-mpt-sandbox": "1" })).status, 204);
  assert.equal((await post({ authorization: bearer("operations") })).status, 204);
  assert.equal(
    (await post({ "content-type": "application/json", origin: "http://mpt-sandbox.local" })).status,
    204,
  );
  // DELETE and PUT cannot be sent cross-origin without a preflight, which the control plane refuses.
  assert.equal((await sandbox.fetch(at("/_sandbox/counters"), { method: "DELETE" })).status, 204);
});

test("over a socket, a request with a foreign Host header cannot read the tokens", async () => {
  const running = await startSandbox();
  try {
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port: running.port, path: "/_sandbox/tokens", headers: { host } },
          (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              body += chunk;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        req.on("error", reject);
        req.end();
      });
    const rebound = await get(`rebind.attacker.example:${running.port}`);
    assert.equal(rebound.status, 403);
    assert.doesNotMatch(rebound.body, /idt:/);
    const own = await get(`localhost:${running.port}`);
    assert.equal(own.status, 200);
    assert.match(own.body, /idt:/);
  } finally {
    await running.close();
  }
});

test("beyond loopback: a warning, and the control plane needs the operations token unless exposed", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => {
    if (w.code === "MPT_SANDBOX_EXPOSED") warnings.push(w.message);
  };
  process.on("warning", onWarning);
  const guarded = await startSandbox({ host: "0.0.0.0" });
  const open = await startSandbox({ host: "0.0.0.0", exposeControlPlane: true });
  try {
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(warnings.length, 2);
    assert.match(warnings[0] ?? "", /needs the operations token/);
    assert.match(warnings[1] ?? "", /without a token/);
    const tokens = (s: typeof guarded, authorization?: string) =>
      fetch(
        `http://127.0.0.1:${s.port}/_sandbox/tokens`,
        authorization ? { headers: { authorization } } : {},
      );
    const refused = await tokens(guarded);
    assert.equal(refused.status, 401);
    assert.doesNotMatch(await refused.text(), /idt:/);
    assert.equal((await tokens(guarded, `Bearer ${guarded.tokens.operations}`)).status, 200);
    assert.equal((await tokens(guarded, `Bearer ${guarded.tokens.vendor}`)).status, 401);
    assert.equal((await tokens(open)).status, 200);
    // The API itself answers as usual.
    const api = await fetch(`http://127.0.0.1:${guarded.port}/public/v1/catalog/products?limit=1`, {
      headers: { authorization: `Bearer ${guarded.tokens.vendor}` },
    });
    assert.equal(api.status, 200);
  } finally {
    process.off("warning", onWarning);
    await guarded.close();
    await open.close();
  }
});

test("loopback binding prints no warning", async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error & { code?: string }) => {
    if (w.code === "MPT_SANDBOX_EXPOSED") warnings.push(w.message);
  };
  process.on("warning", onWarning);
  const running = await startSandbox({ host: "127.0.0.1" });
  try {
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings, []);
  } finally {
    process.off("warning", onWarning);
    await running.close();
  }
});
