/**
 * Bounded memory: every buffered body (success and error, after decompression) stops at
 * `maxResponseBytes` with `MPTResponseTooLargeError`, never retried. Proven by counting the bytes
 * the client pulled (at most the limit plus a chunk or two), not by timing: an endless body with
 * the 64 MiB default, a declared 1 GB body (refused before reading), a 1 GB chunked body and a
 * deflate bomb (1 GiB of zeros, ~1 MB on the wire).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import zlib from "node:zlib";
import { MPTHttpError, MPTResponseTooLargeError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { TRANSPORT_DEFAULTS } from "../../src/http/transport-options.js";
import { countingFetch, rejection, startServer, type TestServer, writeRepeated } from "./support.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const CHUNK = Buffer.alloc(64 * 1024, "x");
/** Bytes the fetch stack may hold beyond the limit when the error is raised. */
const SLACK = 4 * MiB;

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    switch (path) {
      case "/public/v1/endless":
        res.writeHead(200, { "content-type": "application/json" });
        return writeRepeated(res, CHUNK);
      case "/public/v1/declared-gigabyte":
        res.writeHead(200, { "content-type": "application/json", "content-length": String(GiB + MiB) });
        return writeRepeated(res, CHUNK, GiB + MiB);
      case "/public/v1/chunked-gigabyte":
        res.writeHead(200, { "content-type": "application/octet-stream" });
        return writeRepeated(res, CHUNK, GiB);
      case "/public/v1/bomb": {
        res.writeHead(200, { "content-type": "application/json", "content-encoding": "deflate" });
        const deflate = zlib.createDeflate({ level: 1 });
        deflate.pipe(res);
        res.on("close", () => deflate.destroy());
        const zeros = Buffer.alloc(MiB);
        let left = 1024; // 1 GiB of zeros, about 1 MB compressed
        const pump = () => {
          while (left > 0 && !res.destroyed) {
            left--;
            if (!deflate.write(zeros)) return void deflate.once("drain", pump);
          }
          if (left === 0) deflate.end();
        };
        return pump();
      }
      case "/public/v1/huge-error":
        res.writeHead(500, { "content-type": "text/plain" });
        return writeRepeated(res, CHUNK);
      default:
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ ok: true, pad: "y".repeat(2000) }));
    }
  });
});
after(() => server.close());

function transport(options: { maxResponseBytes?: number; retries?: number } = {}) {
  const { fetch, seen } = countingFetch();
  return { transport: createTransport({ baseUrl: server.url, fetch, retries: 3, ...options }), seen };
}

describe("maxResponseBytes", () => {
  test("an endless body stops at the 64 MiB default, is not retried, and names the request and limit", async () => {
    const { transport: t, seen } = transport();
    const error = await rejection(t.request({ method: "GET", path: "/public/v1/endless" }));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.equal(error.limit, TRANSPORT_DEFAULTS.maxResponseBytes);
    assert.equal(error.limitName, "maxResponseBytes");
    assert.equal(
      error.message,
      `GET /public/v1/endless: the response body is larger than maxResponseBytes (${64 * MiB} bytes); raise maxResponseBytes (client option or per request) if this is expected`,
    );
    assert.equal(seen.requests, 1, "not retried");
    assert.ok(seen.bytes > 64 * MiB, "read up to the limit");
    assert.ok(seen.bytes <= 64 * MiB + SLACK, `read ${seen.bytes} bytes`);
  });

  test("a declared body above 1 GiB is refused before a byte is read", async () => {
    const { transport: t, seen } = transport();
    const error = await rejection(t.request({ method: "GET", path: "/public/v1/declared-gigabyte" }));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.ok(seen.bytes <= SLACK, `read ${seen.bytes} bytes`);
  });

  test("a chunked 1 GB body stops at a per-request limit", async () => {
    const { transport: t, seen } = transport();
    const error = await rejection(
      t.request({ method: "GET", path: "/public/v1/chunked-gigabyte", maxResponseBytes: 8 * MiB }),
    );
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.equal(error.limit, 8 * MiB);
    assert.ok(seen.bytes <= 8 * MiB + SLACK, `read ${seen.bytes} bytes`);
  });

  test("a deflate bomb is caught by the same limit, counted after decompression", async () => {
    const { transport: t, seen } = transport({ maxResponseBytes: 16 * MiB });
    const error = await rejection(t.request({ method: "GET", path: "/public/v1/bomb" }));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.ok(seen.bytes > 16 * MiB, "decompressed bytes are what counts");
    assert.ok(seen.bytes <= 16 * MiB + SLACK, `inflated ${seen.bytes} bytes`);
  });

  test("an error body is bounded too; the error says which status it was", async () => {
    const { transport: t, seen } = transport({ maxResponseBytes: 2 * MiB });
    const error = await rejection(t.request({ method: "GET", path: "/public/v1/huge-error" }));
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.equal(error.statusCode, 500);
    assert.match(error.message, /the 500 response body is larger than maxResponseBytes/);
    assert.equal(seen.requests, 1, "a 500 whose body is too large is not retried");
    assert.ok(seen.bytes <= 2 * MiB + SLACK, `read ${seen.bytes} bytes`);
  });

  test("a buffered file download allows 1 GiB and points to downloadStream()", async () => {
    const { transport: t } = transport({ maxResponseBytes: MiB });
    const ok = await t.request({
      method: "GET",
      path: "/public/v1/small",
      file: true,
      maxResponseBytes: 4096,
    });
    assert.equal(ok.status, 200);
    const error = await rejection(
      t.request({
        method: "GET",
        path: "/public/v1/chunked-gigabyte",
        file: true,
        maxResponseBytes: 2 * MiB,
      }),
    );
    assert.ok(error instanceof MPTResponseTooLargeError, String(error));
    assert.match(error.message, /use downloadStream\(\) for large files/);
    const buffered = createTransport({ baseUrl: server.url, maxResponseBytes: MiB });
    const declared = await rejection(
      buffered.request({ method: "GET", path: "/public/v1/declared-gigabyte", file: true }),
    );
    assert.ok(declared instanceof MPTResponseTooLargeError);
    assert.equal(declared.limit, TRANSPORT_DEFAULTS.maxDownloadBytes, "files get the 1 GiB floor");
  });

  test("bodies within the limit are read whole; a bad limit is a clear error", async () => {
    const { transport: t } = transport();
    const res = await t.request({ method: "GET", path: "/public/v1/small", maxResponseBytes: 4096 });
    assert.equal((res.json() as { ok: boolean }).ok, true);
    const tight = await rejection(
      t.request({ method: "GET", path: "/public/v1/small", maxResponseBytes: 100 }),
    );
    assert.ok(tight instanceof MPTResponseTooLargeError);
    const bad = await rejection(t.request({ method: "GET", path: "/public/v1/small", maxResponseBytes: -1 }));
    assert.ok(!(bad instanceof MPTHttpError));
    assert.match(String(bad), /maxResponseBytes: expected a positive number of bytes, got -1/);
    assert.throws(
      () => createTransport({ baseUrl: server.url, maxResponseBytes: 0 }),
      /Invalid option maxResponseBytes/,
    );
  });
});
