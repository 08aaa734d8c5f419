/**
 * Kept-alive sockets the server closed, on a loopback server, deterministically: the server
 * answers and closes the connection at once (no `Connection: close`), so the next request is
 * handed the stale pooled socket (on the Node transport a counting agent proves it). A request of
 * any method that failed there before any byte of it was written goes again (the server sees it
 * once and the call succeeds); a POST whose bytes were written (the server read it, then dropped
 * the connection) is never sent twice. Both transports (undici sees the close itself on fetch).
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { Socket } from "node:net";
import { test } from "node:test";
import { MPTConnectionError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { withServer } from "./support.js";

/** A keep-alive agent counting the requests it gave a pooled (already used) socket. */
class CountingAgent extends http.Agent {
  reused = 0;

  constructor() {
    super({ keepAlive: true });
  }

  override reuseSocket(socket: Socket, req: http.ClientRequest): void {
    this.reused++;
    super.reuseSocket(socket, req);
  }
}

/** Answers, then closes the connection right away: the client's pooled socket is stale. */
const closeAfterAnswer = (req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end("{}", () => req.socket.destroy());
};

const post = (n: number) => ({
  method: "POST" as const,
  path: "/public/v1/x",
  body: { kind: "json" as const, value: { n } },
});

test("Node transport: a POST given a stale pooled socket is written only after the close was seen", async () => {
  await withServer(closeAfterAnswer, async (server) => {
    const agent = new CountingAgent();
    const transport = createTransport({ baseUrl: server.url, transport: "node", retries: 0, agent });
    try {
      for (let i = 0; i < 6; i++) await transport.request(post(i));
    } finally {
      agent.destroy();
    }
    assert.equal(server.received.length, 6);
    assert.ok(agent.reused >= 5, `the stale socket was handed out ${agent.reused} times`);
  });
});

eachTransport((kind) => {
  test("a POST that failed before any byte was written goes again: each arrives once, all succeed", async () => {
    await withServer(closeAfterAnswer, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 0 });
      for (let i = 0; i < 6; i++) await transport.request(post(i));
      const bodies = server.received.map((r) => r.body.toString());
      assert.deepEqual(
        bodies,
        [0, 1, 2, 3, 4, 5].map((n) => JSON.stringify({ n })),
      );
    });
  });

  test("a PATCH and a DELETE on stale sockets succeed too, each received once", async () => {
    await withServer(closeAfterAnswer, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 0 });
      await transport.request({ method: "GET", path: "/public/v1/warm" });
      await transport.request({ method: "PATCH", path: "/public/v1/p", body: { kind: "json", value: {} } });
      await transport.request({ method: "DELETE", path: "/public/v1/d" });
      assert.deepEqual(
        server.received.map((r) => `${r.method} ${r.url}`),
        ["GET /public/v1/warm", "PATCH /public/v1/p", "DELETE /public/v1/d"],
      );
    });
  });

  test("a POST the server read and then dropped unanswered is not sent again", async () => {
    const handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => {
      if (body.toString() === JSON.stringify({ n: 1 })) req.socket.destroy();
      else res.end("{}");
    };
    await withServer(handler, async (server) => {
      const transport = createTransport({ baseUrl: server.url, transport: kind, retries: 3 });
      await transport.request(post(0));
      await assert.rejects(transport.request(post(1)), MPTConnectionError);
      assert.equal(server.count("/public/v1/x", "POST"), 2);
      await transport.request(post(2));
      assert.deepEqual(
        server.received.map((r) => r.body.toString()),
        [0, 1, 2].map((n) => JSON.stringify({ n })),
      );
    });
  });
});
