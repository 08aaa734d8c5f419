/**
 * ExtensionFrameworkAuthentication through the transport against a loopback platform: token
 * requests, caching, proactive and 401-driven refresh, one shared refresh for concurrent callers,
 * and clear errors when the token endpoint fails.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { ExtensionFrameworkAuthentication } from "../../src/auth/index.js";
import { MPTAPIError, MPTAuthenticationError } from "../../src/errors.js";
import { createTransport, type TransportOptions } from "../../src/http/transport.js";
import {
  makeJwt,
  recordingLogger,
  rejection,
  sendJson,
  startServer,
  type TestServer,
} from "../http/support.js";

const SECRET = "idt:TKN-5555-6666:extension-secret-value";
const TOKEN_PATH = "/public/v1/integration/installations/-/token";

interface Platform {
  server: TestServer;
  /** Seconds of validity of the next tokens. */
  validity: number;
  /** Answers of the token endpoint, consumed in order before normal issuing. */
  tokenFaults: Array<{ status: number; body: string; headers?: Record<string, string> }>;
  /** Issue JWTs (true) or opaque tokens (false). */
  jwt: boolean;
  /** Milliseconds the token endpoint takes. */
  tokenDelay: number;
  issued: string[];
  valid: Set<string>;
  revokeAll(): void;
}

let platform: Platform | undefined;
afterEach(async () => {
  await platform?.server.close();
  platform = undefined;
});

async function startPlatform(): Promise<Platform> {
  const state: Omit<Platform, "server" | "revokeAll"> = {
    validity: 3600,
    tokenFaults: [],
    jwt: true,
    tokenDelay: 0,
    issued: [],
    valid: new Set(),
  };
  const server = await startServer((req, res, body) => {
    const url = req.url ?? "";
    if (url.split("?")[0] === TOKEN_PATH && req.method === "POST") {
      if (req.headers.authorization !== `Bearer ${SECRET}`) {
        return sendJson(res, 401, { status: 401, title: "Authentication Failed" });
      }
      const fault = state.tokenFaults.shift();
      if (fault) {
        res.writeHead(fault.status, fault.headers ?? { "content-type": "application/json" });
        return res.end(fault.body);
      }
      setTimeout(() => {
        const n = state.issued.length + 1;
        const token = state.jwt
          ? makeJwt({
              exp: Math.floor(Date.now() / 1000) + state.validity,
              n,
              "https://claims.softwareone.com/accountId": new URL(url, "http://x").searchParams.get(
                "account.id",
              ),
            })
          : `opaque-installation-token-${n}`;
        state.issued.push(token);
        state.valid.add(token);
        sendJson(res, 201, { token });
      }, state.tokenDelay);
      return;
    }
    const presented = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!state.valid.has(presented)) {
      return sendJson(res, 401, { status: 401, title: "Authentication Failed", traceId: "00-1-2-00" });
    }
    sendJson(res, 200, { path: url, body: body.toString() });
  });
  platform = Object.assign(state, {
    server,
    revokeAll: () => state.valid.clear(),
  });
  return platform;
}

function clientFor(
  p: Platform,
  auth: ExtensionFrameworkAuthentication,
  options: Partial<TransportOptions> = {},
) {
  return createTransport({ baseUrl: p.server.url, authentication: auth, retryBaseDelay: 1, ...options });
}

const tokenRequests = (p: Platform) => p.server.count(TOKEN_PATH, "POST");

describe("ExtensionFrameworkAuthentication", () => {
  test("requests an installation token with the secret and uses it", async () => {
    const p = await startPlatform();
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    const response = await transport.request({ method: "GET", path: "/public/v1/catalog/products" });
    assert.equal(response.status, 200);
    const [tokenCall, call] = p.server.received;
    assert.equal(tokenCall?.url, TOKEN_PATH);
    assert.equal(tokenCall?.headers.authorization, `Bearer ${SECRET}`);
    assert.equal(tokenCall?.body.length, 0);
    assert.equal(call?.headers.authorization, `Bearer ${p.issued[0]}`);
  });

  test("account-scoped: ?account.id= is percent-encoded", async () => {
    const p = await startPlatform();
    const auth = new ExtensionFrameworkAuthentication({ secret: SECRET, accountId: "ACC-1234&x=1" });
    await clientFor(p, auth).request({ method: "GET", path: "/public/v1/x" });
    assert.equal(p.server.received[0]?.url, `${TOKEN_PATH}?account.id=ACC-1234%26x%3D1`);
  });

  test("a valid token is cached across requests", async () => {
    const p = await startPlatform();
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    for (let i = 0; i < 5; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 1);
  });

  test("20 concurrent requests share exactly one token request", async () => {
    const p = await startPlatform();
    p.tokenDelay = 50;
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => transport.request({ method: "GET", path: `/public/v1/x/${i}` })),
    );
    assert.ok(responses.every((r) => r.status === 200));
    assert.equal(tokenRequests(p), 1);
  });

  test("proactive refresh when exp is within the leeway (never more than half the lifetime)", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const p = await startPlatform();
    p.validity = 30; // shorter than the 60 s leeway: the leeway shrinks to 15 s
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    for (let i = 0; i < 50; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 1, "50 calls within the first half of a 30 s token: one token request");
    t.mock.timers.tick(14_000);
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 1, "15 s before exp the token is still used");
    t.mock.timers.tick(2_000);
    for (let i = 0; i < 10; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 2, "past half its lifetime: one refresh, then the new token is cached");

    p.validity = 3600;
    t.mock.timers.tick(30_000);
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 3);
    t.mock.timers.tick(3_539_000);
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 3, "an hour-long token is kept until 60 s before exp");
    t.mock.timers.tick(2_000);
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 4);
  });

  test("a token that is already expired on arrival is an error, not a refresh loop", async () => {
    const p = await startPlatform();
    p.validity = -5;
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }), { retries: 3 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAuthenticationError, String(error));
    assert.match(error.message, /expired \d+ s ago .*check the clocks/);
    assert.equal(tokenRequests(p), 1, "not asked again");
    assert.equal(p.server.count("/public/v1/x"), 0, "the request was not sent");
  });

  test("401 -> one refresh -> the request is replayed with its body", async () => {
    const p = await startPlatform();
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    await transport.request({ method: "GET", path: "/public/v1/warmup" });
    p.revokeAll();
    const response = await transport.request({
      method: "POST",
      path: "/public/v1/commerce/orders",
      body: { kind: "json", value: { agreement: { id: "AGR-1" } } },
    });
    assert.equal(response.status, 200);
    const posts = p.server.received.filter((r) => r.url === "/public/v1/commerce/orders");
    assert.equal(posts.length, 2);
    assert.deepEqual(
      posts.map((r) => r.body.toString()),
      ['{"agreement":{"id":"AGR-1"}}', '{"agreement":{"id":"AGR-1"}}'],
    );
    assert.notEqual(posts[0]?.headers.authorization, posts[1]?.headers.authorization);
    assert.equal(tokenRequests(p), 2);
  });

  test("20 concurrent 401s share one refresh", async () => {
    const p = await startPlatform();
    p.tokenDelay = 30;
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    await transport.request({ method: "GET", path: "/public/v1/warmup" });
    p.revokeAll();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => transport.request({ method: "GET", path: "/public/v1/x" })),
    );
    assert.ok(responses.every((r) => r.status === 200));
    assert.equal(tokenRequests(p), 2);
  });

  test("a token without exp is used until a 401", async () => {
    const p = await startPlatform();
    p.jwt = false;
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    for (let i = 0; i < 3; i++) await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 1);
    p.revokeAll();
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(tokenRequests(p), 2);
  });

  test("a still-valid token is kept when the proactive refresh fails", async (t) => {
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
    const p = await startPlatform();
    p.validity = 30;
    const logger = recordingLogger();
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }), { logger });
    await transport.request({ method: "GET", path: "/public/v1/x" });
    t.mock.timers.tick(20_000);
    p.tokenFaults.push({ status: 500, body: "boom" });
    const response = await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(response.status, 200);
    assert.ok(logger.lines.some((l) => /refresh failed; using the current token/.test(l)));
  });

  test("token endpoint refusal: clear MPTAuthenticationError with status and title, not retried", async () => {
    const p = await startPlatform();
    p.tokenFaults.push({
      status: 403,
      body: JSON.stringify({
        status: 403,
        title: "Forbidden",
        detail: "Extension is not installed",
        traceId: "00-t-r-00",
      }),
    });
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }), { retries: 3 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAuthenticationError, String(error));
    assert.equal(error.statusCode, 403);
    assert.equal(
      error.message,
      "Installation token request failed: 403 Forbidden - Extension is not installed (00-t-r-00)",
    );
    assert.ok(error.cause instanceof MPTAPIError);
    assert.equal(tokenRequests(p), 1);
    assert.equal(p.server.count("/public/v1/x"), 0);
  });

  test("a transient token endpoint failure is retried", async () => {
    const p = await startPlatform();
    p.tokenFaults.push({
      status: 503,
      body: "<html><title>Service Unavailable</title></html>",
      headers: { "content-type": "text/html" },
    });
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }));
    const response = await transport.request({ method: "POST", path: "/public/v1/x" });
    assert.equal(response.status, 200);
    assert.equal(tokenRequests(p), 2);
  });

  test("a 2xx answer without a token string is a clear error", async () => {
    for (const body of ['{"jwt":"x"}', '{"token":""}', "[]", "not json"]) {
      const p = await startPlatform();
      p.tokenFaults.push({ status: 201, body });
      const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }), {
        retries: 0,
      });
      const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
      assert.ok(error instanceof MPTAuthenticationError, String(error));
      assert.match(
        error.message,
        /^Installation token request failed: the 201 answer (has no "token" string|is not JSON)/,
      );
      await p.server.close();
      platform = undefined;
    }
  });

  test("a token endpoint that does not answer in time", async () => {
    const p = await startPlatform();
    p.tokenDelay = 1000;
    const transport = clientFor(p, new ExtensionFrameworkAuthentication({ secret: SECRET }), {
      timeout: 100,
      retries: 0,
    });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAuthenticationError, String(error));
    assert.match(error.message, /Installation token request failed: POST .* timed out after 100 ms/);
  });
});
