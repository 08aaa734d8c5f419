/**
 * iterate() has the next page's request on the wire while the caller works through the current
 * page, on the Node transport too: the caller's loop runs on microtasks only, so a request whose
 * socket Node's agent hands over in a `process.nextTick` callback would otherwise stay unsent
 * until the whole page was consumed (measured: no overlap of the caller's work with the server's).
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { Socket } from "node:net";
import { test } from "node:test";
import { BearerTokenAuthentication, MPTClient } from "../../src/index.js";
import { sendJson, withServer } from "../support/loopback-server.js";

/** A keep-alive agent recording the request line of everything written to its sockets. */
class RecordingAgent extends http.Agent {
  readonly lines: string[] = [];

  constructor() {
    super({ keepAlive: true });
  }

  override createConnection(...args: Parameters<http.Agent["createConnection"]>) {
    const socket = super.createConnection(...args) as Socket;
    const write = socket.write.bind(socket) as (...a: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      const line = String(chunk).split("\r\n", 1)[0] ?? "";
      if (line.startsWith("GET ")) this.lines.push(line);
      return write(chunk, ...rest);
    }) as Socket["write"];
    return socket;
  }
}

const TOTAL = 6;

test("node transport: the next page's request is written before the first record of a page is handed out", async () => {
  await withServer(
    (req, res) => {
      const offset = Number(new URL(req.url ?? "", "http://x").searchParams.get("offset"));
      const data = [offset, offset + 1].filter((i) => i < TOTAL).map((i) => ({ id: `PRD-${i}` }));
      sendJson(res, 200, { $meta: { pagination: { offset, limit: 2, total: TOTAL } }, data });
    },
    async (server) => {
      const agent = new RecordingAgent();
      const client = new MPTClient({
        baseUrl: server.url,
        authentication: new BearerTokenAuthentication("idt:TKN-0000-0000:prefetch"),
        transport: "node",
        agent,
      });
      const writtenAtFirstRecord: number[] = [];
      let n = 0;
      for await (const product of client.catalog.products.iterate({ batchSize: 2 })) {
        assert.equal(product.id, `PRD-${n}`);
        if (n % 2 === 0) writtenAtFirstRecord.push(agent.lines.length);
        n++;
      }
      agent.destroy();
      assert.equal(n, TOTAL);
      // page 1 (offset 0) is handed out with page 2 already written, page 2 with page 3; the last
      // page has none to prefetch
      assert.deepEqual(writtenAtFirstRecord, [2, 3, 3]);
      assert.deepEqual(
        agent.lines.map((l) => new URL(l.split(" ")[1] ?? "", "http://x").searchParams.get("offset")),
        ["0", "2", "4"],
      );
    },
  );
});
