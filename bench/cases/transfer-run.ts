/**
 * One measurement of benchmark 5, in its own process. Modes: `upload` sends a 100 MB temp file (a
 * Blob from `fs.openAsBlob`) through `documents(id).create(data, file)`; `stream <MB>` reads a
 * download with `downloadStream` chunk by chunk; `plain <MB>` reads the same body with plain
 * fetch; `buffered` uses `download` (the whole file in memory). Reports time, bytes and peak RSS
 * growth.
 */
import { openAsBlob } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { client, counters, PLAIN_HEADERS, RssPeak, reportData, servers } from "../lib.js";

const MB = 1024 * 1024;
const { url, admin } = servers();
const [mode = "stream", size = "100"] = process.argv.slice(4);
const megabytes = Number(size);
const documents = client(url).catalog.products.documents("PRD-1");
const path = join(tmpdir(), `mpt-bench-upload-${process.pid}.bin`);

if (mode === "upload") {
  const block = Buffer.alloc(MB, 0x62);
  await writeFile(
    path,
    (function* () {
      for (let i = 0; i < megabytes; i++) yield block;
    })(),
  );
}

async function upload(peak: RssPeak): Promise<number> {
  try {
    await counters(admin, true);
    const file = await openAsBlob(path, { type: "application/pdf" });
    const created = await documents.create({ name: "big.pdf" }, file);
    if (created.id === undefined) throw new Error("no id");
    peak.sample();
    return (await counters(admin)).uploadedBytes;
  } finally {
    await rm(path, { force: true });
  }
}

async function read(body: ReadableStream<Uint8Array>, peak: RssPeak): Promise<number> {
  const reader = body.getReader();
  let bytes = 0;
  let chunks = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    if (++chunks % 64 === 0) peak.sample();
  }
  return bytes;
}

async function run(peak: RssPeak): Promise<number> {
  const id = `DOC-${megabytes}`;
  switch (mode) {
    case "upload":
      return upload(peak);
    case "stream":
      return read((await documents.downloadStream(id, { accept: "application/pdf" })).body, peak);
    case "plain": {
      const res = await fetch(`${url}/public/v1/catalog/products/PRD-1/documents/${id}`, {
        headers: { ...PLAIN_HEADERS, accept: "application/pdf" },
      });
      if (!res.body) throw new Error("no body");
      return read(res.body, peak);
    }
    default:
      return (await documents.download(id, { accept: "application/pdf" })).size;
  }
}

const peak = new RssPeak();
const start = performance.now();
const bytes = await run(peak);
const ms = performance.now() - start;
const peakMB = peak.stop();
if (bytes < megabytes * MB) throw new Error(`${mode}: ${bytes} bytes`);
reportData({ ms, bytes, peakMB });
