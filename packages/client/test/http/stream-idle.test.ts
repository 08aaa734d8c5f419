/**
 * Streams time out when the server goes silent: after the headers and a first record, no byte for
 * `streamIdleTimeout` ends `stream()` (and a raw `transport.stream()` body, as `downloadStream()`
 * uses) with `MPTTimeoutError` naming the request; the caller's `AbortSignal` still works while
 * waiting. Time is a mock clock (node:test mock timers), not a real wait.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { catalogue } from "../../src/catalogue/index.js";
import { MPTTimeoutError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { TRANSPORT_DEFAULTS } from "../../src/http/transport-options.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import { eachTransport } from "../support/transports.js";
import { rejection, startServer, type TestServer } from "./support.js";

let server: TestServer;
before(async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/jsonl", "mpt-streaming": "true" });
    res.write('{"id":"ORD-1"}\n'); // then silence, the connection stays open
  });
});
after(() => server.close());

/** Lets the stream register its idle timer (real I/O and microtasks run; mocked timers do not). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

eachTransport((kind) => {
  function orders(options: { streamIdleTimeout?: number } = {}) {
    const transport = createTransport({ baseUrl: server.url, transport: kind, ...options });
    return buildService(new ServiceCore({ transport }, catalogue.commerce.orders, "commerce.orders", [])) as {
      stream(options?: { streamIdleTimeout?: number; signal?: AbortSignal }): AsyncIterable<{ id: string }>;
    };
  }

  describe("streamIdleTimeout", () => {
    test("a stream that goes silent after its first record ends with MPTTimeoutError (default 60 s)", async (t) => {
      t.mock.timers.enable({ apis: ["setTimeout"] });
      const it = orders().stream()[Symbol.asyncIterator]();
      assert.equal((await it.next()).value?.id, "ORD-1");
      const next = it.next();
      await settle();
      t.mock.timers.tick(TRANSPORT_DEFAULTS.streamIdleTimeout - 1);
      await settle();
      let settled = false;
      next.then(
        () => {
          settled = true;
        },
        () => {
          settled = true;
        },
      );
      await settle();
      assert.equal(settled, false, "still waiting just before the idle timeout");
      t.mock.timers.tick(1);
      const error = await rejection(next);
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.equal(error.timeout, 60_000);
      assert.equal(error.path, "/public/v1/commerce/orders");
      assert.match(
        error.message,
        /^GET \/public\/v1\/commerce\/orders timed out after 60000 ms \(stream idle/,
      );
    });

    test("per request and per client values apply", async (t) => {
      t.mock.timers.enable({ apis: ["setTimeout"] });
      for (const [svc, options, ms] of [
        [orders({ streamIdleTimeout: 5_000 }), {}, 5_000],
        [orders({ streamIdleTimeout: 5_000 }), { streamIdleTimeout: 250 }, 250],
      ] as const) {
        const it = svc.stream(options)[Symbol.asyncIterator]();
        await it.next();
        const next = it.next();
        await settle();
        t.mock.timers.tick(ms);
        const error = await rejection(next);
        assert.ok(error instanceof MPTTimeoutError, String(error));
        assert.equal(error.timeout, ms);
      }
    });

    test("the caller's signal still ends a silent stream at once, with its reason", async (t) => {
      t.mock.timers.enable({ apis: ["setTimeout"] });
      const controller = new AbortController();
      const it = orders().stream({ signal: controller.signal })[Symbol.asyncIterator]();
      await it.next();
      const next = it.next();
      await settle();
      controller.abort(new Error("user stopped"));
      const error = await rejection(next);
      assert.equal((error as Error).message, "user stopped");
    });

    test("a raw stream body (as downloadStream() reads it) times out the same way", async (t) => {
      t.mock.timers.enable({ apis: ["setTimeout"] });
      const transport = createTransport({ baseUrl: server.url, streamIdleTimeout: 1_000, transport: kind });
      const res = await transport.stream({ method: "GET", path: "/public/v1/files/FIL-1" });
      const reader = res.body.getReader();
      assert.ok((await reader.read()).value);
      const next = reader.read();
      await settle();
      t.mock.timers.tick(1_000);
      const error = await rejection(next);
      assert.ok(error instanceof MPTTimeoutError, String(error));
      assert.equal(error.path, "/public/v1/files/FIL-1");
    });
  });
});
