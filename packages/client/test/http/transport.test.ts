/** createTransport on an injected fetch: requests, headers, bodies, retries, 401 replay, streams. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AuthContext, Authentication } from "../../src/auth/types.js";
import {
  MPTAPIError,
  MPTAuthenticationError,
  MPTConnectionError,
  MPTError,
  MPTHttpError,
  MPTMaxRetryError,
  MPTStreamingError,
  MPTStreamingNotAcceptableError,
  MPTStreamingNotSupportedError,
} from "../../src/errors.js";
import { createTransport, type TransportOptions } from "../../src/http/transport.js";
import { DEFAULT_USER_AGENT } from "../../src/http/version.js";
import { retryClock } from "../support/retry-clock.js";
import { networkFailure, recordingLogger, rejection, scriptedFetch } from "./support.js";

const BASE = "https://api.example.com";
const problem = (status: number, title: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, title, traceId: "00-a-b-00" }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
const ok = (value: unknown = { ok: true }) =>
  new Response(JSON.stringify(value), { status: 200, headers: { "content-type": "application/json" } });

function transportWith(answer: Parameters<typeof scriptedFetch>[0], options: Partial<TransportOptions> = {}) {
  const scripted = scriptedFetch(answer);
  const transport = createTransport({ baseUrl: BASE, fetch: scripted.fetch, retryBaseDelay: 1, ...options });
  return { transport, calls: scripted.calls };
}

/** A provider that hands out `Bearer t<n>` and counts refreshes. */
class CountingAuth implements Authentication {
  generation = 1;
  refreshes = 0;
  renew = true;
  async getAuthorization(_ctx: AuthContext) {
    return `Bearer t${this.generation}`;
  }
  async handleUnauthorized(rejected: string) {
    this.refreshes++;
    if (rejected === `Bearer t${this.generation}`) this.generation++;
    return this.renew;
  }
}

describe("request basics", () => {
  test("URL, compact JSON body, content type, no Accept unless asked, user agent", async () => {
    const { transport, calls } = transportWith(() => ok({ id: "PRD-1" }));
    const response = await transport.request({
      method: "POST",
      path: "/public/v1/catalog/products",
      query: "select=-audit&limit=1",
      body: { kind: "json", value: { name: "P", nested: { a: [1, 2] } } },
    });
    const [call] = calls;
    assert.equal(call?.url, `${BASE}/public/v1/catalog/products?select=-audit&limit=1`);
    assert.equal(call?.method, "POST");
    assert.equal(call?.body, '{"name":"P","nested":{"a":[1,2]}}');
    assert.equal(call?.headers.get("content-type"), "application/json");
    assert.equal(call?.headers.get("accept"), null);
    assert.equal(call?.headers.get("user-agent"), DEFAULT_USER_AGENT);
    assert.equal(call?.redirect, "manual");
    assert.equal(response.status, 200);
    assert.deepEqual(response.json(), { id: "PRD-1" });
    assert.equal(response.text(), '{"id":"PRD-1"}');
    assert.ok(response.body instanceof Uint8Array);
    assert.equal(response.url, `${BASE}/public/v1/catalog/products?select=-audit&limit=1`);
  });

  test("client headers, then per-request headers, then the provider's Authorization", async () => {
    const { transport, calls } = transportWith(() => ok(), {
      headers: { "X-Client": "c", "Accept-Language": "en" },
      authentication: new CountingAuth(),
      userAgent: "custom/1",
    });
    await transport.request({
      method: "GET",
      path: "/public/v1/x",
      headers: { "accept-language": "de", accept: "application/json" },
    });
    const headers = calls[0]?.headers;
    assert.equal(headers?.get("x-client"), "c");
    assert.equal(headers?.get("accept-language"), "de");
    assert.equal(headers?.get("accept"), "application/json");
    assert.equal(headers?.get("authorization"), "Bearer t1");
    assert.equal(headers?.get("user-agent"), "custom/1");
  });

  test("an explicit Authorization header bypasses the provider", async () => {
    const auth = new CountingAuth();
    const { transport, calls } = transportWith(() => ok(), { authentication: auth });
    await transport.request({
      method: "GET",
      path: "/public/v1/x",
      headers: { Authorization: "Bearer mine" },
    });
    assert.equal(calls[0]?.headers.get("authorization"), "Bearer mine");
  });

  test("no User-Agent in a browser-like runtime", async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    Object.defineProperty(globalThis, "navigator", {
      value: { userAgent: "Mozilla/5.0" },
      configurable: true,
    });
    try {
      const { transport, calls } = transportWith(() => ok());
      await transport.request({ method: "GET", path: "/public/v1/x" });
      assert.equal(calls[0]?.headers.get("user-agent"), null);
    } finally {
      if (saved) Object.defineProperty(globalThis, "navigator", saved);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  test("json() of a non-JSON or empty success body throws MPTHttpError", async () => {
    const { transport } = transportWith(
      (_c, i) => new Response(i === 0 ? "<html>" : null, { status: i === 0 ? 200 : 204 }),
    );
    const html = await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.throws(
      () => html.json(),
      (e: unknown) => e instanceof MPTHttpError && /not JSON/.test(e.message),
    );
    const empty = await transport.request({ method: "DELETE", path: "/public/v1/x" });
    assert.equal(empty.body.length, 0);
    assert.throws(() => empty.json(), /empty body/);
  });

  test("caller mistakes are MPTErrors, never raw TypeErrors", async () => {
    const { transport, calls } = transportWith(() => ok());
    const bigint = await rejection(
      transport.request({ method: "POST", path: "/public/v1/x", body: { kind: "json", value: { n: 1n } } }),
    );
    assert.ok(bigint instanceof MPTError && /cannot be serialised as JSON/.test(bigint.message));
    const getBody = await rejection(
      transport.request({ method: "GET", path: "/public/v1/x", body: { kind: "json", value: {} } }),
    );
    assert.ok(getBody instanceof MPTError);
    const header = await rejection(
      transport.request({ method: "GET", path: "/public/v1/x", headers: { "X-Bad": "a\r\nb: secret-ish" } }),
    );
    assert.ok(header instanceof MPTError && !header.message.includes("secret-ish"));
    const timeout = await rejection(transport.request({ method: "GET", path: "/public/v1/x", timeout: -5 }));
    assert.ok(timeout instanceof MPTError && /timeout option/.test(timeout.message));
    assert.equal(calls.length, 0);
  });

  test("invalid options are rejected at construction", () => {
    const fetch = scriptedFetch(() => ok()).fetch;
    assert.throws(() => createTransport({ baseUrl: BASE, fetch, retries: -1 }), MPTError);
    assert.throws(() => createTransport({ baseUrl: BASE, fetch, retries: 1.5 }), MPTError);
    assert.throws(() => createTransport({ baseUrl: BASE, fetch, timeout: 0 }), MPTError);
    assert.throws(() => createTransport({ baseUrl: "nope", fetch }), /MPT_API_BASE_URL/);
  });

  test("the base URL is normalised", async () => {
    const scripted = scriptedFetch(() => ok());
    const transport = createTransport({ baseUrl: `${BASE}/public/v1/`, fetch: scripted.fetch });
    await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(scripted.calls[0]?.url, `${BASE}/public/v1/x`);
  });
});

describe("retries", () => {
  test("GET is retried on 503 and succeeds", async () => {
    const { transport, calls } = transportWith((_c, i) =>
      i < 2 ? problem(503, "Service Unavailable") : ok(),
    );
    const response = await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(response.status, 200);
    assert.equal(calls.length, 3);
  });

  test("exhaustion: MPTMaxRetryError with attempts = retries + 1 and the last error as cause", async () => {
    const { transport, calls } = transportWith(() => problem(502, "Bad Gateway"), { retries: 3 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTMaxRetryError);
    assert.equal(error.attempts, 4);
    assert.equal(calls.length, 4);
    assert.ok(error.cause instanceof MPTAPIError);
    assert.equal(error.cause.statusCode, 502);
    assert.match(error.message, /GET \/public\/v1\/x failed after 4 attempts: 502 Bad Gateway/);
  });

  test("retries = 0: the mapped error itself", async () => {
    const { transport, calls } = transportWith(() => problem(503, "Service Unavailable"), { retries: 0 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAPIError && error.statusCode === 503);
    assert.equal(calls.length, 1);
  });

  test("a non-retryable answer after retries is thrown as is", async () => {
    const { transport } = transportWith((_c, i) =>
      i === 0 ? problem(503, "Service Unavailable") : problem(404, "Not Found"),
    );
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAPIError && error.statusCode === 404);
  });

  test("400/404/500 are not retried", async () => {
    for (const status of [400, 404, 500]) {
      const { transport, calls } = transportWith(() => problem(status, "x"));
      await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
      assert.equal(calls.length, 1, `status ${status}`);
    }
  });

  test("POST: 503 without Retry-After is not retried, with Retry-After it is", async () => {
    const bare = transportWith(() => problem(503, "Service Unavailable"));
    const error = await rejection(
      bare.transport.request({ method: "POST", path: "/public/v1/x", body: { kind: "json", value: {} } }),
    );
    assert.ok(error instanceof MPTAPIError);
    assert.equal(bare.calls.length, 1);
    const told = transportWith((_c, i) =>
      i === 0 ? problem(503, "Service Unavailable", { "retry-after": "0" }) : ok(),
    );
    await told.transport.request({
      method: "POST",
      path: "/public/v1/x",
      body: { kind: "json", value: { a: 1 } },
    });
    assert.equal(told.calls.length, 2);
    assert.equal(told.calls[1]?.body, '{"a":1}');
  });

  test("POST: 502/504 are never retried, 429 + Retry-After is", async () => {
    for (const status of [502, 504]) {
      const { transport, calls } = transportWith(() => problem(status, "x", { "retry-after": "0" }));
      await rejection(transport.request({ method: "POST", path: "/public/v1/x" }));
      assert.equal(calls.length, 1);
    }
    const { transport, calls } = transportWith((_c, i) =>
      i === 0 ? problem(429, "Too Many Requests", { "retry-after": "0" }) : ok(),
    );
    await transport.request({ method: "PATCH", path: "/public/v1/x" });
    assert.equal(calls.length, 2);
  });

  test("network failures: GET retried; POST only when it never left", async () => {
    const reset = transportWith((_c, i) => (i === 0 ? Promise.reject(networkFailure("ECONNRESET")) : ok()));
    await reset.transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(reset.calls.length, 2);

    const postReset = transportWith(() => Promise.reject(networkFailure("ECONNRESET")));
    const error = await rejection(postReset.transport.request({ method: "POST", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTConnectionError);
    assert.match(error.message, /POST \/public\/v1\/x: connection failed \(ECONNRESET\)/);
    assert.ok(error.cause instanceof TypeError);
    assert.equal(postReset.calls.length, 1);

    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]) {
      const refused = transportWith((_c, i) => (i === 0 ? Promise.reject(networkFailure(code)) : ok()));
      await refused.transport.request({ method: "POST", path: "/public/v1/x" });
      assert.equal(refused.calls.length, 2, code);
    }
  });

  test("a body that breaks mid-read is retried for GET", async () => {
    const { transport, calls } = transportWith((_c, i) => {
      if (i > 0) return ok({ fine: true });
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode('{"par'));
          controller.error(
            new TypeError("terminated", {
              cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
            }),
          );
        },
      });
      return new Response(body, { status: 200 });
    });
    const response = await transport.request({ method: "GET", path: "/public/v1/x" });
    assert.deepEqual(response.json(), { fine: true });
    assert.equal(calls.length, 2);
  });

  test("a POST whose answer breaks mid-read is not sent again", async () => {
    const { transport, calls } = transportWith(() => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.error(new TypeError("terminated"));
        },
      });
      return new Response(body, { status: 201 });
    });
    const error = await rejection(transport.request({ method: "POST", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.match(error.message, /POST \/public\/v1\/x: connection lost while reading the response/);
    assert.equal(calls.length, 1);
  });

  test("Retry-After is capped by maxRetryDelay", async () => {
    const clock = retryClock();
    const { transport, calls } = transportWith(
      (_c, i) => (i === 0 ? problem(429, "Too Many Requests", { "retry-after": "3600" }) : ok()),
      { maxRetryDelay: 30, logger: clock.logger },
    );
    const done = transport.request({ method: "GET", path: "/public/v1/x" });
    assert.equal(await clock.waiting, 30, "the wait is capped at 30 ms, not an hour");
    clock.tick(30);
    clock.release();
    await done;
    assert.equal(calls.length, 2);
  });
});

describe("authentication", () => {
  test("401 -> handleUnauthorized once -> replay with new credentials and the same body", async () => {
    const auth = new CountingAuth();
    const { transport, calls } = transportWith(
      (call) =>
        call.headers.get("authorization") === "Bearer t1" ? problem(401, "Authentication Failed") : ok(),
      { authentication: auth },
    );
    const response = await transport.request({
      method: "POST",
      path: "/public/v1/x",
      body: { kind: "json", value: { v: 1 } },
    });
    assert.equal(response.status, 200);
    assert.equal(auth.refreshes, 1);
    assert.deepEqual(
      calls.map((c) => [c.headers.get("authorization"), c.body]),
      [
        ["Bearer t1", '{"v":1}'],
        ["Bearer t2", '{"v":1}'],
      ],
    );
  });

  test("a second 401 is final", async () => {
    const auth = new CountingAuth();
    const { transport, calls } = transportWith(() => problem(401, "Authentication Failed"), {
      authentication: auth,
    });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAPIError && error.statusCode === 401);
    assert.equal(calls.length, 2);
    assert.equal(auth.refreshes, 1);
  });

  test("no replay when the provider has nothing new", async () => {
    const auth = new CountingAuth();
    auth.renew = false;
    const { transport, calls } = transportWith(() => problem(401, "Authentication Failed"), {
      authentication: auth,
    });
    await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.equal(calls.length, 1);
  });

  test("transient provider failures are retried even for POST (nothing was sent)", async () => {
    let failures = 1;
    const auth: Authentication = {
      async getAuthorization() {
        if (failures-- > 0) throw new MPTAuthenticationError("Installation token request failed: 503", 503);
        return "Bearer ok";
      },
    };
    const { transport, calls } = transportWith(() => ok(), { authentication: auth });
    await transport.request({ method: "POST", path: "/public/v1/x" });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]?.headers.get("authorization"), "Bearer ok");
  });

  test("a provider throwing a plain error gives MPTAuthenticationError, not retried", async () => {
    let asked = 0;
    const auth: Authentication = {
      async getAuthorization() {
        asked++;
        throw new Error("vault unavailable for Bearer sk-live-123");
      },
    };
    const { transport, calls } = transportWith(() => ok(), { authentication: auth });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTAuthenticationError);
    assert.ok(!error.message.includes("sk-live-123"));
    assert.equal(asked, 1);
    assert.equal(calls.length, 0);
  });

  test("an invalid Authorization value from a provider is refused", async () => {
    const auth: Authentication = { getAuthorization: async () => "Bearer a\r\nX: y" };
    const { transport } = transportWith(() => ok(), { authentication: auth });
    assert.ok(
      (await rejection(transport.request({ method: "GET", path: "/public/v1/x" }))) instanceof
        MPTAuthenticationError,
    );
  });
});

describe("stream", () => {
  test("returns the live body once headers arrive", async () => {
    const encoder = new TextEncoder();
    let push: ((line: string) => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (line) => (line ? controller.enqueue(encoder.encode(line)) : controller.close());
      },
    });
    const { transport } = transportWith(
      () => new Response(body, { status: 200, headers: { "mpt-streaming": "true" } }),
    );
    const response = await transport.stream({
      method: "GET",
      path: "/public/v1/x",
      headers: { "MPT-Streaming": "true" },
    });
    assert.equal(response.headers.get("mpt-streaming"), "true");
    const reader = response.body.getReader();
    push?.('{"id":1}\n');
    assert.equal(new TextDecoder().decode((await reader.read()).value), '{"id":1}\n');
    push?.("");
    assert.equal((await reader.read()).done, true);
  });

  test("a broken stream surfaces as MPTConnectionError", async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError("terminated"));
      },
    });
    const { transport } = transportWith(() => new Response(body, { status: 200 }));
    const response = await transport.stream({ method: "GET", path: "/public/v1/x" });
    const error = await rejection(new Response(response.body).text());
    assert.ok(error instanceof MPTConnectionError, String(error));
  });

  test("406 and 501 to an MPT-Streaming request are streaming errors carrying the HTTP details", async () => {
    for (const [status, Type] of [
      [406, MPTStreamingNotAcceptableError],
      [501, MPTStreamingNotSupportedError],
    ] as const) {
      const { transport } = transportWith(() => problem(status, "nope"));
      const error = await rejection(
        transport.stream({ method: "GET", path: "/public/v1/x", headers: { "MPT-Streaming": "true" } }),
      );
      assert.ok(error instanceof Type);
      assert.ok(error instanceof MPTStreamingError);
      assert.equal(error.statusCode, status);
      assert.equal(error.path, "/public/v1/x");
      assert.match(error.body, /nope/);
      assert.ok(error.cause instanceof MPTAPIError);
    }
    const { transport } = transportWith(() => problem(406, "nope"));
    const plain = await rejection(transport.stream({ method: "GET", path: "/public/v1/x" }));
    assert.ok(plain instanceof MPTAPIError);
  });

  test("cancel() releases the body", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      cancel() {
        cancelled = true;
      },
    });
    const { transport } = transportWith(() => new Response(body, { status: 200 }));
    const response = await transport.stream({ method: "GET", path: "/public/v1/x" });
    await response.cancel();
    assert.ok(cancelled);
  });
});

describe("logging", () => {
  test("one debug line per attempt with method, path, status, attempt and elapsed time", async () => {
    const logger = recordingLogger();
    const { transport } = transportWith((_c, i) => (i === 0 ? problem(503, "x") : ok()), { logger });
    await transport.request({ method: "GET", path: "/public/v1/x", query: "secret=1" });
    const attempts = logger.lines.filter((l) => l.includes("(attempt"));
    assert.equal(attempts.length, 2);
    assert.match(attempts[0] ?? "", /GET \/public\/v1\/x\?secret=\[REDACTED\] -> 503 \(attempt 1\)/);
    assert.match(attempts[1] ?? "", /"status":200,"attempt":2,"elapsedMs":\d+/);
    assert.ok(logger.lines.some((l) => /retrying in \d+ ms/.test(l)));
    assert.ok(logger.lines.every((l) => !l.includes("secret=1")));
  });

  test("a throwing logger does not break requests", async () => {
    const logger = {
      debug() {
        throw new Error("disk full");
      },
    };
    const { transport } = transportWith(() => ok(), { logger });
    assert.equal((await transport.request({ method: "GET", path: "/public/v1/x" })).status, 200);
  });
});
