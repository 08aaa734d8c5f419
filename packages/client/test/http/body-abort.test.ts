/**
 * A buffered body cut short by cancellation, on both transports: the server sends the headers
 * (with a `Content-Length`, the path where the platform fetch's body is read in one go, bound to
 * the attempt's signal) and part of the body, then stalls. The caller's abort rejects with its
 * reason and the time budget with `MPTTimeoutError`, promptly, without waiting for the body.
 */
import assert from "node:assert/strict";
import type http from "node:http";
import { test } from "node:test";
import { MPTTimeoutError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { rejection, withServer } from "./support.js";

/** Headers and 10 of 100 declared bytes, then silence (the socket closes with the server). */
function stallingBody(onStalled: () => void) {
  return (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"a":"1234', () => onStalled());
  };
}

eachTransport((kind) => {
  test("aborting while a declared-length body trickles rejects with the caller's reason", async () => {
    const controller = new AbortController();
    const reason = new Error("caller gave up");
    // the abort comes once the partial body is on the wire (a slow machine may still see it earlier)
    const handler = stallingBody(() => setTimeout(() => controller.abort(reason), 50));
    await withServer(handler, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 2 });
      const error = await rejection(
        transport.request({ method: "GET", path: "/public/v1/x", signal: controller.signal }),
      );
      assert.equal(error, reason);
      assert.equal(server.count("/public/v1/x"), 1);
    });
  });

  test("a time budget that runs out while the body trickles is an MPTTimeoutError", async () => {
    await withServer(
      stallingBody(() => undefined),
      async (server) => {
        const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 0, timeout: 200 });
        const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
        assert.ok(error instanceof MPTTimeoutError, String(error));
      },
    );
  });
});
