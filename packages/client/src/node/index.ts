/**
 * Node-only entry point, `mpt-api-client/node`: helpers that need the file system. The main entry
 * stays free of Node built-ins so it runs in browsers and edge runtimes.
 */
import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
// The package's own entry, not its files: one MPTError class whether loaded by import or require.
import { MPTError, toFile } from "mpt-api-client";

/**
 * A `File` that streams `path` from disk when uploaded, named after the path's last segment and
 * typed by its extension (or `options.type`); pass `options.filename` to send another name.
 * @throws MPTError when the path does not name a readable file.
 */
export async function fileFromPath(
  path: string,
  options: { filename?: string | undefined; type?: string | undefined } = {},
): Promise<File> {
  if (typeof path !== "string" || path === "") {
    throw new MPTError("fileFromPath(path): path must be a non-empty string");
  }
  let isFile: boolean;
  try {
    isFile = (await stat(path)).isFile();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new MPTError(`fileFromPath: cannot read ${JSON.stringify(path)} (${String(code ?? error)})`, {
      cause: error,
    });
  }
  if (!isFile) throw new MPTError(`fileFromPath: ${JSON.stringify(path)} is not a file`);
  // A File over the disk-backed Blob: the bytes are still read only when the upload streams them.
  return toFile(await openAsBlob(path), options.filename ?? basename(path), { type: options.type });
}
