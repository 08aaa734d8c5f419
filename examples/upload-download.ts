/**
 * Uploads and downloads: create a product with an icon, attach a document, then download it
 * whole (`download`) and as a stream to a file (`downloadStream`).
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=<a vendor token> npx tsx examples/upload-download.ts
 */
import { createWriteStream, openAsBlob } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { MPTClient } from "mpt-api-client";

const client = MPTClient.fromConfig();
const dir = await mkdtemp(join(tmpdir(), "mpt-example-"));

// A file on disk: openAsBlob streams it instead of reading it into memory.
const iconPath = join(dir, "icon.png");
await writeFile(
  iconPath,
  Uint8Array.from({ length: 512 }, (_, i) => i % 256),
);
const product = await client.catalog.products.create(
  { name: "Example product", shortDescription: "Created by examples/upload-download.ts" },
  await openAsBlob(iconPath, { type: "image/png" }),
);
console.log(`created ${product.id} with an icon`);

// Any bytes with a file name and a content type.
const documents = client.catalog.products.documents(product.id);
const pdf = new TextEncoder().encode("%PDF-1.4\n% a tiny example document\n");
const document = await documents.create(
  { name: "Specification", type: "File" },
  { filename: "specification.pdf", content: pdf, contentType: "application/pdf" },
);
console.log(`uploaded ${document.id} (${document.size} bytes)`);

// Whole file in memory: fine for small files.
const file = await documents.download(document.id);
console.log(`downloaded ${file.filename} ${file.contentType} ${file.size} bytes`);

// Large files: stream the body to disk.
const stream = await documents.downloadStream(document.id);
const target = join(dir, stream.filename ?? "download.bin");
await pipeline(
  Readable.fromWeb(stream.body as import("node:stream/web").ReadableStream),
  createWriteStream(target),
);
const same = Buffer.compare(await readFile(target), Buffer.from(pdf)) === 0;
console.log(`streamed to ${target}: ${same ? "identical" : "DIFFERENT"}`);
