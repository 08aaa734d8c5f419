/**
 * Upload inputs: `toFile()` names content and types it, `fileFromPath()` (mpt-api-client/node)
 * streams a file from disk keeping its name and content type, and a bare string is refused with
 * a message saying how to wrap it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { MPTError, toFile } from "mpt-api-client";
import { fileFromPath } from "mpt-api-client/node";
import { catalogue } from "../../src/catalogue/index.js";
import type { MultipartPart } from "../../src/http/types.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import { fakeTransport } from "../support/fake-transport.js";

const dir = mkdtempSync(join(tmpdir(), "mpt-files-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function uploads() {
  const { transport, requests } = fakeTransport(() => ({ body: { id: "PRD-1" } }));
  const svc = buildService(
    new ServiceCore({ transport }, catalogue.catalog.products, "catalog.products", []),
  ) as unknown as { create(data: object, file: unknown): Promise<unknown> };
  const filePartOf = (i: number): MultipartPart => {
    const body = requests[i]?.body;
    assert.equal(body?.kind, "multipart");
    const part = body.kind === "multipart" ? body.parts.find((p) => p.name === "icon") : undefined;
    assert.ok(part, "the icon part was sent");
    return part;
  };
  return { svc, filePartOf };
}

test("toFile names and types content; the type is guessed from the name unless given", async () => {
  const text = toFile("hello", "notes.txt");
  assert.equal(text.name, "notes.txt");
  assert.equal(text.type, "text/plain");
  assert.equal(await text.text(), "hello");
  assert.equal(toFile(new Uint8Array([1, 2]), "blob.bin").type, "application/octet-stream");
  assert.equal(toFile("x", "a.txt", { type: "text/markdown" }).type, "text/markdown");
  assert.throws(() => toFile("x", ""), /filename must be a non-empty string/);
  assert.throws(() => toFile(42 as unknown as string, "a.txt"), MPTError);
});

test("fileFromPath keeps the file's name and content type through the upload", async () => {
  const path = join(dir, "icon.png");
  writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const file = await fileFromPath(path);
  assert.equal(file.name, "icon.png");
  assert.equal(file.type, "image/png");
  assert.equal(file.size, 4);
  const { svc, filePartOf } = uploads();
  await svc.create({ name: "P" }, file);
  const part = filePartOf(0);
  assert.equal(part.filename, "icon.png");
  assert.equal(part.contentType, "image/png");
  assert.ok(part.data instanceof Blob);
  assert.deepEqual(new Uint8Array(await part.data.arrayBuffer()), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  const renamed = await fileFromPath(path, { filename: "logo.svg" });
  assert.equal(renamed.name, "logo.svg");
  assert.equal(renamed.type, "image/svg+xml");
});

test("fileFromPath refuses what is not a readable file", async () => {
  await assert.rejects(fileFromPath(join(dir, "missing.png")), /cannot read .*missing\.png.*ENOENT/);
  await assert.rejects(fileFromPath(dir), /is not a file/);
  await assert.rejects(fileFromPath(""), /path must be a non-empty string/);
});

test("a bare string is not a file: the error says how to wrap it", async () => {
  const { svc } = uploads();
  await assert.rejects(
    svc.create({ name: "P" }, "/home/me/icon.png"),
    (e: unknown) =>
      e instanceof MPTError &&
      /a string is not a file; wrap text with toFile\("text", "name.txt"\)/.test(e.message),
  );
  const { svc: again, filePartOf } = uploads();
  await again.create({ name: "P" }, toFile("<svg/>", "icon.svg"));
  assert.equal(filePartOf(0).contentType, "image/svg+xml");
});
