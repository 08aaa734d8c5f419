/**
 * Files: reading JSON and multipart bodies (the row's JSON part and file part), storing bytes,
 * and answering downloads the way MPT does: JSON metadata for `Accept: application/json`, the
 * bytes with `Content-Disposition` for the file's own type, 406 otherwise; icons redirect (307)
 * to a blob route.
 */

import type { Store, StoredFile } from "../domain/store.js";
import { isObject, type JsonObject } from "../shared/json.js";
import { SandboxError, validationError } from "../shared/problem.js";

export const BLOB_PREFIX = "/_sandbox/blobs/";

export interface Body {
  data: JsonObject;
  /** Files by part name. */
  files: Map<string, StoredFile>;
  /** Non-file parts other than the data part, as text. */
  fields: Map<string, string>;
}

function parseJsonObject(text: string, what: string): JsonObject {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw validationError({ [what]: [`The JSON value could not be converted: ${(error as Error).message}`] });
  }
  if (!isObject(value)) throw validationError({ [what]: ["The JSON value must be an object."] });
  return value;
}

/** Parses a JSON body; arrays are allowed when `allowArray`. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError({ $: [`The JSON value could not be converted: ${(error as Error).message}`] });
  }
}

export function isMultipart(req: Request): boolean {
  return (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

async function toStoredFile(file: File): Promise<StoredFile> {
  return {
    filename: file.name || "file",
    contentType: file.type || "application/octet-stream",
    bytes: new Uint8Array(await file.arrayBuffer()),
  };
}

/** Reads a create/update/action body: JSON, or multipart with `dataKey` as the JSON part. */
export async function readBody(req: Request, dataKey: string | undefined): Promise<Body> {
  const files = new Map<string, StoredFile>();
  const fields = new Map<string, string>();
  if (!isMultipart(req)) {
    const value = await readJson(req);
    if (value !== undefined && !isObject(value))
      throw validationError({ $: ["The JSON value must be an object."] });
    return { data: value ?? {}, files, fields };
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch (error) {
    throw new SandboxError({ status: 400, detail: `Malformed multipart body: ${(error as Error).message}` });
  }
  let data: JsonObject = {};
  for (const [name, value] of form.entries()) {
    if (name === dataKey) {
      data = parseJsonObject(typeof value === "string" ? value : await value.text(), name);
    } else if (typeof value === "string") {
      fields.set(name, value);
    } else {
      files.set(name, await toStoredFile(value));
    }
  }
  return { data, files, fields };
}

/** Sets `filename`, `size`, `contentType` on a file-backed record. */
export function withFileMetadata(record: JsonObject, file: StoredFile): JsonObject {
  return { ...record, filename: file.filename, size: file.bytes.byteLength, contentType: file.contentType };
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

export function serveBlob(store: Store, owner: string): Response | undefined {
  const file = store.files.get(owner);
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
