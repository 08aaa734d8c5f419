/**
 * Caller cancellation: immediate, never retried, rejects with the signal's reason; on both
 * transports (node:http and fetch).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Authentication } from "../../src/auth/types.js";
import { createTransport } from "../../src/http/transport.js";
import { retryClock } from "../support/retry-clock.js";
import { eachTransport } from "../support/transports.js";
import { rejection, sendJson, startServer } from "./support.js";

eachTransport((kind) => {
  describe("abort", () => {
    test("aborting a slow request rejects promptly with the AbortError", async () => {
      const controller = new AbortController();
      // Abort once the server holds the request, so the test does not depend on machine speed; the
      // answer comes 2 s later, so a request the abort did not stop would succeed instead.
      const server = await startServer((_req, res) => {
        setTimeout(() => sendJson(res, 200, {}), 2000).unref();
        controller.abort();
      });
      try {
        const transport = createTransport({ baseUrl: server.url, retries: 5, transport: kind });
        const error = await rejection(
          transport.request({ method: "GET", path: "/public/v1/x", signal: controller.signal }),
        );
        assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
        assert.equal(error, controller.signal.reason);
        assert.equal(server.count("/public/v1/x"), 1);
      } finally {
        await server.close();
      }
    });

    test("aborting during a backoff sleep rejects promptly with the custom reason", async () => {
      const server = await startServer((_req, res) =>
        sendJson(res, 503, { status: 503, title: "Service Unavailable" }, { "retry-after": "10" }),
      );
      try {
        const controller = new AbortController();
        // The 10 s sleep is a mock timer that never advances: only the abort can end it.
        const clock = retryClock();
        const transport = createTransport({
          baseUrl: server.url,
          retries: 5,
          logger: clock.logger,
          transport: kind,
        });
        const reason = new Error("user went away");
        const failed = rejection(
          transport.request({ method: "GET", path: "/public/v1/x", signal: controller.signal }),
        );
        assert.equal(await clock.waiting, 10_000);
        controller.abort(reason);
        const error = await failed;
        clock.release();
        assert.equal(error, reason);
        assert.equal(server.count("/public/v1/x"), 1);
      } finally {
        await server.close();
      }
    });

    test("an already aborted signal sends nothing", async () => {
      const server = await startServer((_req, res) => sendJson(res, 200, {}));
      try {
        const transport = createTransport({ baseUrl: server.url, transport: kind });
        const error = await rejection(
          transport.request({ method: "GET", path: "/public/v1/x", signal: AbortSignal.abort() }),
        );
        assert.ok(error instanceof DOMException && error.name === "AbortError");
        assert.equal(server.received.length, 0);
      } finally {
        await server.close();
      }
    });

    test("aborting while a stream is read errors the body with the reason", async () => {
      const server = await startServer((_req, res) => {
        res.writeHead(200, { "content-type": "application/jsonl" });
        res.write('{"n":1}\n');
      });
      try {
        const controller = new AbortController();
        const transport = createTransport({ baseUrl: server.url, transport: kind });
        const response = await transport.stream({
          method: "GET",
          path: "/public/v1/x",
          signal: controller.signal,
        });
        const reader = response.body.getReader();
        await reader.read();
        const pending = reader.read();
        // the next turn of the event loop: the read is waiting for bytes that never come
        setImmediate(() => controller.abort());
        const error = await rejection(pending);
        assert.ok(error instanceof DOMException && error.name === "AbortError", String(error));
      } finally {
        await server.close();
      }
    });

    test("aborting while the provider fetches credentials rejects promptly", async () => {
      let asked: () => void = () => undefined;
      const providerAsked = new Promise<void>((resolve) => {
        asked = resolve;
      });
      const auth: Authentication = {
        getAuthorization: () => {
          asked();
          return new Promise<string>(() => {});
        },
      };
      const controller = new AbortController();
      const transport = createTransport({
        baseUrl: "http://127.0.0.1:9",
        authentication: auth,
        transport: kind,
      });
      const failed = rejection(
        transport.request({ method: "GET", path: "/public/v1/x", signal: controller.signal }),
      );
      await providerAsked; // abort while the provider is working, not before
      controller.abort();
      const error = await failed;
      assert.ok(error instanceof DOMException && error.name === "AbortError");
    });
  });
});
