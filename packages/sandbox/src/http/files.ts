/**
 * Files: storing bytes and answering downloads the way MPT does (bodies are read in body.ts): JSON
 * metadata for `Accept: application/json`, the bytes with `Content-Disposition` for the file's own
 * type, 406 otherwise; icons and media images redirect (307) to a blob route. Uploads of the
 * stores whose definition says `embeddedFiles` become an entry of an embedded list (a notification
 * batch's `attachments`), the file kept under the entry's id.
 */
import { pngBytes } from "../data/seed/context.js";
import { childId } from "../domain/ids.js";
import type { Store, StoredFile } from "../domain/store.js";
import { storeDef } from "../domain/stores/index.js";
import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";
import { SandboxError } from "../shared/problem.js";

export const BLOB_PREFIX = "/_sandbox/blobs/";

/** Sets `filename`, `size`, `contentType` on a file-backed record. */
export function withFileMetadata(record: JsonObject, file: StoredFile): JsonObject {
  return { ...record, filename: file.filename, size: file.bytes.byteLength, contentType: file.contentType };
}

/**
 * Adds `file` to `record`'s embedded list when its store definition says its uploads go there
 * (`embeddedFiles`; storing the bytes under the new entry's id) and returns the updated record;
 * undefined for the other stores.
 */
export function attachEmbedded(
  store: Store,
  key: string,
  record: JsonObject,
  file: StoredFile,
): JsonObject | undefined {
  const embedded = storeDef(key).embeddedFiles;
  if (!embedded) return undefined;
  const current = record[embedded.list];
  const list: JsonValue[] = Array.isArray(current) ? current : [];
  const taken = new Set(list.map((entry) => (isObject(entry) ? entry["id"] : undefined)));
  let seq = list.length;
  let id: string;
  do id = childId(embedded.prefix, record["id"] as string, ++seq);
  while (taken.has(id));
  store.files.set(id, file);
  const entry = withFileMetadata({ id }, file);
  return { ...record, [embedded.list]: [...list, entry] };
}

export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function fileResponse(file: StoredFile): Response {
  return new Response(file.bytes, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": contentDisposition(file.filename),
    },
  });
}

/** What a download GET wants: metadata (JSON) or the file, by `Accept`. */
export function wantsFile(accept: string | null, file: StoredFile | undefined): "json" | "file" | "none" {
  if (!accept) return "json";
  const types = accept
    .split(",")
    .map((t) => t.split(";")[0]?.trim().toLowerCase() ?? "")
    .filter((t) => t !== "");
  if (types.length === 0 || types.includes("application/json") || types.includes("text/json")) return "json";
  if (!file) return types.includes("*/*") ? "json" : "none";
  const ct = file.contentType.toLowerCase();
  const major = ct.split("/")[0];
  if (types.some((t) => t === ct || t === "*/*" || t === `${major}/*`)) return "file";
  return "none";
}

export function notAcceptable(accept: string, file: StoredFile | undefined): SandboxError {
  return new SandboxError({
    status: 406,
    detail: file
      ? `The file is ${file.contentType}; Accept '${accept}' cannot be served (use application/json for metadata).`
      : `This object has no file content; Accept '${accept}' cannot be served.`,
  });
}

/** A temporary redirect to the blob route serving a stored file. */
export function blobRedirect(origin: string, owner: string): Response {
  return new Response(null, {
    status: 307,
    headers: { location: `${origin}${BLOB_PREFIX}files/${encodeURIComponent(owner)}` },
  });
}

/** Blob owner of the icon every record without an uploaded one shows (MPT draws a default). */
export const DEFAULT_ICON = "default/icon";

/**
 * The blob a `GET {id}/icon` or `GET {id}/image` redirects to: the uploaded icon or image, the
 * media record's own file, the default icon; undefined when a media record has no file.
 */
export function imageOwner(store: Store, id: string, kind: "icon" | "image"): string | undefined {
  if (store.files.has(`${id}/${kind}`)) return `${id}/${kind}`;
  if (kind === "icon") return DEFAULT_ICON;
  return store.files.has(id) ? id : undefined;
}

export function serveBlob(store: Store, owner: string): Response | undefined {
  const file =
    store.files.get(owner) ??
    (owner === DEFAULT_ICON
      ? { filename: "icon.png", contentType: "image/png", bytes: pngBytes() }
      : undefined);
  return file ? fileResponse(file) : undefined;
}

/** Decodes base64 text (fixtures); throws on malformed input. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) throw new Error("bad base64");
  const binary = atob(text.replace(/\s+/g, ""));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
