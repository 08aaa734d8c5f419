/**
 * A JSONL stream that ends early always raises: cut inside a record (a clean end of the body, from
 * the sandbox's truncate fault), cut short of its `Content-Length`, or cut at a line boundary by a
 * connection that dies without ending the chunked body. It never ends silently short.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MPTConnectionError, MPTStreamError } from "mpt-api-client";
import { startServer, type TestServer } from "../support/loopback-server.js";
import { eachTransport } from "../support/transports.js";
import { clientOf, timedRejection, useSandbox } from "./support.js";

const sb = useSandbox();

const line = (i: number) =>
  `${JSON.stringify({ id: `CHG-${i}`, quantity: i, description: { value1: "x".repeat(40) } })}\n`;
const body = (n: number) => Array.from({ length: n }, (_, i) => line(i + 1)).join("");

async function drain(iterable: AsyncIterable<unknown>): Promise<{ seen: number; error: unknown }> {
  let seen = 0;
  const { error } = await timedRejection(async () => {
    for await (const _ of iterable) seen++;
  });
  return { seen, error };
}

eachTransport((kind) => {
  test("a streaming read cut inside a record (truncate fault) raises MPTStreamError naming the line", async () => {
    const client = clientOf(sb, { transport: kind });
    // where does line 6 start in the sandbox's answer?
    const raw = await fetch(`${sb.url}/public/v1/commerce/orders`, {
      headers: {
        authorization: `Bearer ${sb.tokens.operations}`,
        accept: "application/jsonl",
        "mpt-streaming": "true",
      },
    });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    let newlines = 0;
    let cut = 0;
    while (newlines < 5) if (bytes[cut++] === 0x0a) newlines++;
    sb.faults.set({ kind: "truncate", afterBytes: cut + 10, service: "commerce.orders" });
    const { seen, error } = await drain(client.commerce.orders.stream());
    sb.faults.clear();
    assert.ok(error instanceof MPTStreamError, String(error));
    assert.equal(error.line, 6);
    assert.match(
      error.message,
      /GET \/public\/v1\/commerce\/orders: the stream ended inside a record at line 6/,
    );
    assert.equal(seen, 5, "the five complete records were delivered first");
  });

  let server: TestServer;
  before(async () => {
    server = await startServer((req, res) => {
      const path = req.url?.split("?")[0] ?? "";
      const payload = body(200);
      const half = body(100);
      if (path.endsWith("/STM-SHORT/charges")) {
        // promises the whole body, sends half (ending on a line boundary), then closes
        res.writeHead(200, {
          "content-type": "application/jsonl",
          "content-length": Buffer.byteLength(payload),
        });
        // once the half is handed to the socket
        res.write(half, () => res.socket?.destroy());
      } else if (path.endsWith("/STM-CHUNKED/charges")) {
        // chunked: half the lines, then the connection dies before the final chunk
        res.writeHead(200, { "content-type": "application/jsonl" });
        // once the half is handed to the socket
        res.write(half, () => res.socket?.destroy());
      } else if (path.endsWith("/STM-WHOLE/charges")) {
        res.writeHead(200, { "content-type": "application/jsonl" });
        res.end(`\r\n${payload.replaceAll("\n", "\r\n")}\n   \n`);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  after(() => server.close());

  function chargesOf(statement: string) {
    return clientOf(server, { transport: kind, retries: 0 }).billing.statements.charges(statement);
  }

  test("a body shorter than its Content-Length raises, even when it stops at a line boundary", async () => {
    const { seen, error } = await drain(chargesOf("STM-SHORT").stream());
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.match(error.message, /GET \/public\/v1\/billing\/statements\/STM-SHORT\/charges/);
    assert.equal(seen, 100);
  });

  test("a chunked body whose connection dies before the last chunk raises", async () => {
    const { seen, error } = await drain(chargesOf("STM-CHUNKED").stream());
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.equal(seen, 100);
  });

  test("a complete body with CRLF line ends and blank lines yields every record", async () => {
    let seen = 0;
    for await (const charge of chargesOf("STM-WHOLE").stream()) {
      seen++;
      assert.equal(charge.id, `CHG-${seen}`);
    }
    assert.equal(seen, 200);
  });
});
