/**
 * The transport against a real loopback server: time budgets, connection resets, which
 * requests are sent again, Retry-After waits and retry exhaustion; on both transports (node:http
 * and fetch).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MPTAPIError, MPTConnectionError, MPTMaxRetryError, MPTTimeoutError } from "../../src/errors.js";
import { createTransport, type TransportOptions } from "../../src/http/transport.js";
import { retryClock } from "../support/retry-clock.js";
import { eachTransport } from "../support/transports.js";
import { closedPort, rejection, sendJson, type TestServer, withServer } from "./support.js";

eachTransport((kind) => {
  const transportFor = (server: TestServer, options: Partial<TransportOptions> = {}) =>
    createTransport({ baseUrl: server.url, retryBaseDelay: 5, transport: kind, ...options });

  describe("time budgets", () => {
    test("slow headers: MPTTimeoutError of the budget, naming method and path but not the query", async () => {
      await withServer(
        (_req, res) => setTimeout(() => sendJson(res, 200, {}), 1500).unref(),
        async (server) => {
          const error = await rejection(
            transportFor(server, { timeout: 150, retries: 0 }).request({
              method: "GET",
              path: "/public/v1/slow",
              query: "token=abc",
            }),
          );
          assert.ok(error instanceof MPTTimeoutError, String(error));
          assert.equal(error.timeout, 150);
          assert.equal(error.method, "GET");
          assert.equal(error.path, "/public/v1/slow");
          assert.ok(!error.message.includes("token=abc"));
        },
      );
    });

    test("the request budget covers reading the body", async () => {
      await withServer(
        (_req, res) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.write('{"a":');
          setTimeout(() => res.end("1}"), 1500).unref();
        },
        async (server) => {
          const error = await rejection(
            transportFor(server, { timeout: 150, retries: 0 }).request({
              method: "GET",
              path: "/public/v1/x",
            }),
          );
          assert.ok(error instanceof MPTTimeoutError, String(error));
        },
      );
    });

    test("per-call timeout overrides the client's", async () => {
      await withServer(
        (_req, res) => setTimeout(() => sendJson(res, 200, {}), 1500).unref(),
        async (server) => {
          const error = await rejection(
            transportFor(server, { timeout: 10_000, retries: 0 }).request({
              method: "GET",
              path: "/public/v1/x",
              timeout: 100,
            }),
          );
          assert.ok(error instanceof MPTTimeoutError);
          assert.equal(error.timeout, 100, "the per-call budget fired, not the client's 10 s");
        },
      );
    });

    test("stream(): the budget covers the first byte only (on mock time)", async (t) => {
      let arrived: () => void = () => undefined;
      const lateArrived = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      let slowBody: ((last: string) => void) | undefined;
      await withServer(
        (req, res) => {
          if (req.url?.includes("late-headers")) {
            arrived(); // and never answer
            return;
          }
          res.writeHead(200, { "content-type": "application/jsonl" });
          res.write('{"n":1}\n');
          slowBody = (last) => res.end(last);
        },
        async (server) => {
          t.mock.timers.enable({ apis: ["setTimeout"] });
          try {
            const transport = transportFor(server, { streamTimeout: 600, timeout: 60_000, retries: 0 });
            const late = rejection(transport.stream({ method: "GET", path: "/public/v1/late-headers" }));
            await lateArrived;
            t.mock.timers.tick(600);
            const error = await late;
            assert.ok(error instanceof MPTTimeoutError, String(error));
            assert.match(error.message, /waiting for response headers/);

            const response = await transport.stream({ method: "GET", path: "/public/v1/slow-body" });
            // far past the first-byte budget: the body must still be read to its end
            t.mock.timers.tick(5_000);
            assert.ok(slowBody, "the server has started the body");
            slowBody('{"n":2}\n');
            assert.equal(await new Response(response.body).text(), '{"n":1}\n{"n":2}\n');
          } finally {
            t.mock.timers.reset();
          }
        },
      );
    });
  });

  describe("what is sent again", () => {
    test("GET after a connection reset is retried", async () => {
      await withServer(
        (req, res, _b, index) => (index === 0 ? req.socket.destroy() : sendJson(res, 200, { ok: true })),
        async (server) => {
          const response = await transportFor(server).request({ method: "GET", path: "/public/v1/x" });
          assert.deepEqual(response.json(), { ok: true });
          assert.equal(server.count("/public/v1/x"), 2);
        },
      );
    });

    test("POST is not sent again after a read timeout", async () => {
      await withServer(
        (req, res) => {
          // accept the POST and never answer; answer the barrier
          if (req.url === "/barrier") res.end();
        },
        async (server) => {
          const error = await rejection(
            transportFor(server, { timeout: 150, retries: 3 }).request({
              method: "POST",
              path: "/public/v1/commerce/orders",
              body: { kind: "json", value: { a: 1 } },
            }),
          );
          assert.ok(error instanceof MPTTimeoutError, String(error));
          // a POST sent again would have reached the server before this later request is answered
          await (await fetch(`${server.url}/barrier`)).arrayBuffer();
          assert.equal(server.count("/public/v1/commerce/orders", "POST"), 1);
        },
      );
    });

    test("POST is not sent again after a reset following the request", async () => {
      await withServer(
        (req) => req.socket.destroy(),
        async (server) => {
          const error = await rejection(
            transportFor(server, { retries: 3 }).request({
              method: "POST",
              path: "/public/v1/x",
              body: { kind: "json", value: {} },
            }),
          );
          assert.ok(error instanceof MPTConnectionError, String(error));
          assert.equal(server.count("/public/v1/x", "POST"), 1);
        },
      );
    });

    test("POST is retried on 503 with Retry-After, with the same body", async () => {
      await withServer(
        (_req, res, _b, index) =>
          index === 0
            ? sendJson(res, 503, { status: 503, title: "Service Unavailable" }, { "retry-after": "0" })
            : sendJson(res, 201, { id: "ORD-1" }),
        async (server) => {
          const response = await transportFor(server).request({
            method: "POST",
            path: "/public/v1/commerce/orders",
            body: { kind: "json", value: { lines: [1] } },
          });
          assert.equal(response.status, 201);
          assert.deepEqual(
            server.received.map((r) => r.body.toString()),
            ['{"lines":[1]}', '{"lines":[1]}'],
          );
        },
      );
    });

    test("POST to a refused port is retried (it never left), then exhausts", async () => {
      const port = await closedPort();
      const transport = createTransport({
        baseUrl: `http://127.0.0.1:${port}`,
        retries: 2,
        retryBaseDelay: 1,
        transport: kind,
      });
      const error = await rejection(transport.request({ method: "POST", path: "/public/v1/x" }));
      assert.ok(error instanceof MPTConnectionError, String(error));
      assert.equal(error.attempts, 3);
      assert.match(error.message, /ECONNREFUSED\) after 3 attempts$/);
    });
  });

  describe("Retry-After and exhaustion", () => {
    test("429 with Retry-After: 1 waits a second (mock clock) before sending again", async () => {
      await withServer(
        (_req, res, _b, index) =>
          index === 0
            ? sendJson(
                res,
                429,
                { statusCode: 429, message: "Rate limit is exceeded" },
                { "retry-after": "1" },
              )
            : sendJson(res, 200, {}),
        async (server) => {
          const clock = retryClock();
          const done = transportFor(server, { logger: clock.logger }).request({
            method: "GET",
            path: "/public/v1/x",
          });
          assert.equal(await clock.waiting, 1000);
          clock.tick(999);
          await new Promise((resolve) => setImmediate(resolve));
          assert.equal(server.count("/public/v1/x"), 1, "nothing sent again before the second is up");
          clock.tick(1);
          clock.release();
          await done;
          assert.equal(server.count("/public/v1/x"), 2);
        },
      );
    });

    test("exhaustion: attempts === retries + 1, as counted by the server", async () => {
      await withServer(
        (_req, res) => sendJson(res, 503, { status: 503, title: "Service Unavailable" }),
        async (server) => {
          const error = await rejection(
            transportFor(server, { retries: 2 }).request({ method: "GET", path: "/public/v1/x" }),
          );
          assert.ok(error instanceof MPTMaxRetryError);
          assert.equal(error.attempts, 3);
          assert.equal(server.count("/public/v1/x"), 3);
          assert.ok(error.cause instanceof MPTAPIError);
        },
      );
    });
  });
});
