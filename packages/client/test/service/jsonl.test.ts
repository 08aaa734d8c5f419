/**
 * The JSONL reader is linear and bounded: each received byte is searched for a newline once,
 * whatever the line lengths (asserted by counting the bytes searched, and by 10 MB vs 40 MB
 * lines costing 1:4); a record longer than `maxLineBytes` fails with `MPTResponseTooLargeError`
 * naming the line as soon as the limit is passed; lines and multi-byte characters split across
 * chunks come out whole. End to end, `stream()` reads a 40 MB record and applies `maxLineBytes`
 * per call.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { catalogue } from "../../src/catalogue/index.js";
import { MPTResponseTooLargeError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { readJsonLines } from "../../src/service/jsonl.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import { rejection, startServer, type TestServer } from "../http/support.js";

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

/** A byte stream of `text` in `size`-byte chunks, counting the bytes pulled. */
function chunked(text: string, size = 64 * 1024): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const bytes = encoder.encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + size));
      offset += size;
    },
  });
  return { body, pulled: () => Math.min(offset, bytes.byteLength) };
}

async function readAll(body: ReadableStream<Uint8Array>, maxLineBytes?: number, stats?: { scanned: number }) {
  const lines: string[] = [];
  for await (const batch of readJsonLines(body, { method: "GET", path: "/x", maxLineBytes, stats })) {
    lines.push(...batch.lines);
  }
  return lines;
}

/** One JSONL record whose `data` string makes it about `bytes` long. */
const record = (bytes: number) => `${JSON.stringify({ id: "CHG-1", data: "a".repeat(bytes) })}\n`;

describe("readJsonLines", () => {
  test("a 40 MB line is searched once per byte: the work is linear in the size", async () => {
    const costs: number[] = [];
    for (const size of [10 * MiB, 40 * MiB]) {
      const text = record(size);
      const stats = { scanned: 0 };
      const lines = await readAll(chunked(text).body, 64 * MiB, stats);
      assert.equal(lines.length, 1);
      assert.equal(lines[0]?.length, text.length - 1);
      assert.equal(stats.scanned, text.length, "every byte searched exactly once");
      costs.push(stats.scanned);
    }
    const [small = 0, large = 0] = costs;
    assert.ok(Math.abs(large / small - 4) < 0.01, `10 MB vs 40 MB cost ${small} vs ${large}`);
  });

  test("a line above maxLineBytes fails with its line number after reading at most the limit", async () => {
    const text = `{"id":1}\n{"id":2}\n${record(4 * MiB)}{"id":4}\n`;
    const source = chunked(text);
    const error = await rejection(readAll(source.body, MiB));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.equal(error.line, 3);
    assert.equal(error.limitName, "maxLineBytes");
    assert.equal(
      error.message,
      `GET /x: line 3 of the stream is longer than maxLineBytes (${MiB} bytes); raise maxLineBytes (client option or per request) if this is expected`,
    );
    assert.ok(source.pulled() <= MiB + 2 * 64 * 1024, `pulled ${source.pulled()} bytes`);
  });

  test("a line above the limit inside one large chunk is caught too", async () => {
    const text = `{"id":1}\n${record(2000)}{"id":3}\n`;
    const error = await rejection(readAll(chunked(text, text.length).body, 1000));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.equal(error.line, 2);
  });

  test("lines and multi-byte characters split across chunks come out whole", async () => {
    const text = `{"name":"Žluťoučký kůň 😀"}\n\n{"name":"ü"}\n{"cut":"end"}`;
    for (const size of [1, 2, 3, 5, 7]) {
      const lines = await readAll(chunked(text, size).body);
      assert.deepEqual(
        lines,
        ['{"name":"Žluťoučký kůň 😀"}', "", '{"name":"ü"}', '{"cut":"end"}'],
        `size ${size}`,
      );
    }
  });
});

describe("stream() end to end", () => {
  let server: TestServer;
  const big = record(40 * MiB);
  before(async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/jsonl", "mpt-streaming": "true" });
      res.write('{"id":"CHG-0"}\n');
      res.end(big);
    });
  });
  after(() => server.close());

  const charges = () => {
    const transport = createTransport({ baseUrl: server.url });
    return buildService(new ServiceCore({ transport }, catalogue.commerce.orders, "commerce.orders", [])) as {
      stream(options?: { maxLineBytes?: number }): AsyncIterable<{ id: string; data?: string }>;
    };
  };

  test("a 40 MB record is read and parsed (maxLineBytes raised for the call)", async () => {
    const seen: Array<{ id: string; length: number }> = [];
    for await (const r of charges().stream({ maxLineBytes: 64 * MiB }))
      seen.push({ id: r.id, length: r.data?.length ?? 0 });
    assert.deepEqual(seen, [
      { id: "CHG-0", length: 0 },
      { id: "CHG-1", length: 40 * MiB },
    ]);
  });

  for (const [label, options, limit] of [
    ["the 16 MiB default", undefined, 16 * MiB],
    ["maxLineBytes per call", { maxLineBytes: MiB }, MiB],
  ] as const) {
    test(`${label} ends the stream with the line number`, async () => {
      const ids: string[] = [];
      const error = await rejection(
        (async () => {
          for await (const r of charges().stream(options)) ids.push(r.id);
        })(),
      );
      assert.ok(error instanceof MPTResponseTooLargeError, String(error));
      assert.equal(error.line, 2);
      assert.equal(error.limit, limit);
      assert.deepEqual(ids, ["CHG-0"], "the records before the long line were delivered");
    });
  }
});
