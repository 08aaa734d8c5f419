/** The multipart encoder: byte layout, escaping, content types, Blob composition and the wire. */
import assert from "node:assert/strict";
import { mkdtempSync, openAsBlob, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { MPTError } from "../../src/errors.js";
import { encodeMultipart } from "../../src/http/multipart.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { parseMultipart, sendJson, startServer } from "./support.js";

async function parse(parts: Parameters<typeof encodeMultipart>[0]) {
  const encoded = encodeMultipart(parts, "BOUNDARY");
  return parseMultipart(Buffer.from(await encoded.body.arrayBuffer()), encoded.contentType);
}

describe("encodeMultipart", () => {
  test("exact bytes of a JSON part and a file part", async () => {
    const encoded = encodeMultipart(
      [
        { name: "product", contentType: "application/json", data: '{"name":"P"}' },
        { name: "icon", filename: "icon.png", contentType: "image/png", data: new Uint8Array([1, 2, 3]) },
      ],
      "B",
    );
    assert.equal(encoded.contentType, "multipart/form-data; boundary=B");
    const expected = Buffer.concat([
      Buffer.from(
        '--B\r\nContent-Disposition: form-data; name="product"\r\nContent-Type: application/json\r\n\r\n{"name":"P"}\r\n' +
          '--B\r\nContent-Disposition: form-data; name="icon"; filename="icon.png"\r\nContent-Type: image/png\r\n\r\n',
      ),
      Buffer.from([1, 2, 3]),
      Buffer.from("\r\n--B--\r\n"),
    ]);
    assert.deepEqual(Buffer.from(await encoded.body.arrayBuffer()), expected);
  });

  test("escapes quotes, CR and LF in names and filenames", async () => {
    const [part] = await parse([{ name: 'a"b', filename: 'evil"\r\nX-Injected: 1.txt', data: "x" }]);
    assert.equal(part?.name, "a%22b");
    assert.equal(part?.filename, "evil%22%0D%0AX-Injected: 1.txt");
    assert.equal(part?.headers["x-injected"], undefined);
  });

  test("adds filename* for non-ASCII filenames", async () => {
    const [part] = await parse([{ name: "file", filename: "Überweisung (1).pdf", data: "x" }]);
    assert.equal(part?.filename, "Überweisung (1).pdf");
    assert.equal(part?.filenameStar, "UTF-8''%C3%9Cberweisung%20%281%29.pdf");
    const [ascii] = await parse([{ name: "file", filename: "plain.pdf", data: "x" }]);
    assert.equal(ascii?.filenameStar, undefined);
  });

  test("content types: explicit, from the Blob, octet-stream for files, none for fields", async () => {
    const parts = await parse([
      {
        name: "a",
        filename: "a.csv",
        contentType: "text/csv",
        data: new Blob(["1"], { type: "text/plain" }),
      },
      { name: "b", filename: "b.txt", data: new Blob(["2"], { type: "text/plain" }) },
      { name: "c", filename: "c.bin", data: new Uint8Array([0]) },
      { name: "d", data: "field" },
    ]);
    assert.deepEqual(
      parts.map((p) => p.contentType),
      ["text/csv", "text/plain", "application/octet-stream", undefined],
    );
  });

  test("rejects a content type with a line break and a nameless part", () => {
    assert.throws(
      () => encodeMultipart([{ name: "a", contentType: "text/plain\r\nX: y", data: "" }]),
      MPTError,
    );
    assert.throws(() => encodeMultipart([{ name: "", data: "" }]), MPTError);
  });

  test("random boundaries differ", () => {
    assert.notEqual(encodeMultipart([]).contentType, encodeMultipart([]).contentType);
  });
});

eachTransport((kind) => {
  describe("multipart on the wire", () => {
    const dir = mkdtempSync(join(tmpdir(), "mpt-multipart-"));
    after(() => rmSync(dir, { recursive: true, force: true }));

    test("the server receives the JSON part and a file Blob from disk, byte for byte", async () => {
      const bytes = Buffer.alloc(3 * 1024 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
      const path = join(dir, "journal.jsonl");
      writeFileSync(path, bytes);
      const file = await openAsBlob(path, { type: "application/jsonl" });
      const server = await startServer((_req, res) => sendJson(res, 201, { id: "JRN-1" }));
      try {
        const transport = createTransport({ baseUrl: server.url, retries: 0, transport: kind });
        const response = await transport.request({
          method: "POST",
          path: "/public/v1/billing/journals/JRN-1/upload",
          body: {
            kind: "multipart",
            parts: [
              { name: "journal", contentType: "application/json", data: JSON.stringify({ name: "Ünïcode" }) },
              { name: "file", filename: "charges €.jsonl", data: file },
            ],
          },
        });
        assert.equal(response.status, 201);
        const [received] = server.received;
        assert.ok(received);
        const contentType = received.headers["content-type"] ?? "";
        assert.match(contentType, /^multipart\/form-data; boundary=/);
        assert.equal(Number(received.headers["content-length"]), received.body.length);
        const parts = parseMultipart(received.body, contentType);
        assert.deepEqual(
          parts.map((p) => [p.name, p.filename, p.contentType]),
          [
            ["journal", undefined, "application/json"],
            ["file", "charges €.jsonl", "application/jsonl"],
          ],
        );
        assert.equal(parts[0]?.data.toString("utf8"), '{"name":"Ünïcode"}');
        assert.equal(parts[1]?.filenameStar, "UTF-8''charges%20%E2%82%AC.jsonl");
        assert.ok(parts[1]?.data.equals(bytes), "file bytes differ");
      } finally {
        await server.close();
      }
    });
  });
});
