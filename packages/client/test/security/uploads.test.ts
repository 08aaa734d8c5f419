/**
 * Upload bodies go only where they were sent: an upload answered with a redirect fails with a
 * clear error and its bytes never reach the redirect target (Node's fetch would otherwise buffer
 * the whole upload to be able to replay it, nodejs/undici#4058); a retry the server asked for
 * (503 + Retry-After) sends the same bytes again from the file Blob.
 */
import assert from "node:assert/strict";
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { MPTHttpError } from "mpt-api-client";
import { clientOf, timedRejection } from "../faults/support.js";
import { type LoopbackServer, loopback } from "../support/loopback-server.js";

let dir = "";
let path = "";
const CONTENT = Buffer.from(`%PDF-1.7\n${"payload ".repeat(20_000)}\n%%EOF\n`);

let target: LoopbackServer;
let api: LoopbackServer;
const bodies: Buffer[] = [];
let targetBytes = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "mpt-upload-"));
  path = join(dir, "file.pdf");
  await writeFile(path, CONTENT);
  target = await loopback((req, res) => {
    req.on("data", (chunk: Buffer) => {
      targetBytes += chunk.length;
    });
    req.on("end", () => res.writeHead(201, { "content-type": "application/json" }).end('{"id":"X"}'));
  });
  let attempts = 0;
  api = await loopback((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "";
      if (url.includes("PRD-REDIRECT")) {
        res.writeHead(307, { location: `${target.url}${url}` }).end();
      } else if (url.includes("PRD-BUSY") && attempts++ === 0) {
        bodies.push(Buffer.concat(chunks));
        res.writeHead(503, { "retry-after": "0.05", "content-type": "application/json" });
        res.end('{"status":503,"title":"Service Unavailable"}');
      } else {
        bodies.push(Buffer.concat(chunks));
        res.writeHead(201, { "content-type": "application/json" }).end('{"id":"DOC-1"}');
      }
    });
  });
});
after(async () => {
  await api.close();
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

test("an upload answered with a redirect fails clearly; its bytes never reach the target", async () => {
  const client = clientOf(api, { retries: 3 });
  const file = await openAsBlob(path, { type: "application/pdf" });
  const { error } = await timedRejection(() =>
    client.catalog.products.documents("PRD-REDIRECT").create({ name: "doc" }, file),
  );
  assert.ok(error instanceof Error, String(error));
  assert.match(
    error.message,
    /POST \/public\/v1\/catalog\/products\/PRD-REDIRECT\/documents: the server answered the upload with a (307 )?redirect; uploads do not follow redirects/,
  );
  if (error instanceof MPTHttpError) assert.equal(error.statusCode, 307);
  assert.equal(targetBytes, 0);
  assert.equal(target.requests.length, 0);
  assert.equal(api.requests.length, 1, "not retried");
});

test("a retried upload sends the same bytes again from the file", async () => {
  const client = clientOf(api, { retries: 2 });
  const file = await openAsBlob(path, { type: "application/pdf" });
  bodies.length = 0;
  const created = await client.catalog.products.documents("PRD-BUSY").create({ name: "doc" }, file);
  assert.equal(created.id, "DOC-1");
  assert.equal(bodies.length, 2);
  const [first, second] = bodies;
  assert.ok(first && second);
  assert.ok(first.includes(CONTENT), "the first attempt carried the whole file");
  assert.ok(second.includes(CONTENT), "the retry carried it again");
  assert.equal(first.length, second.length);
});
