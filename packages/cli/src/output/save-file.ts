/**
 * Saving a downloaded file: to `--out <path>` (replaced), to stdout with `--out -`, or under the
 * server's file name in the current directory (never over an existing file). Prints the path
 * written. A failed download leaves no partial file behind.
 */
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { basename } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { pathIn, type Runtime } from "../runtime.js";

export interface Download {
  readonly filename: string | null;
  readonly body: ReadableStream<Uint8Array> | Uint8Array;
}

/** The server's name reduced to a plain file name (no directories, no control characters). */
export function safeFilename(name: string | null, fallback: string): string {
  const base = basename((name ?? "").replace(/\\/g, "/"));
  const plain = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim();
  return plain === "" || plain === "." || plain === ".." ? fallback : plain;
}

function source(body: Download["body"]): Readable {
  return body instanceof Uint8Array
    ? Readable.from([body])
    : Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
}

export async function saveFile(
  rt: Runtime,
  file: Download,
  out: string | undefined,
  fallback: string,
): Promise<void> {
  if (out === "-") {
    await pipeline(source(file.body), rt.stdout as Writable, { end: false });
    return;
  }
  const path = out ?? safeFilename(file.filename, fallback);
  const target = createWriteStream(pathIn(rt, path), { flags: out === undefined ? "wx" : "w" });
  try {
    await pipeline(source(file.body), target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new Error(`${path} already exists; choose another path with --out`);
    }
    await rm(pathIn(rt, path), { force: true });
    throw error;
  }
  rt.stdout.write(`${path}\n`);
}
