/**
 * multipart/form-data encoder. The body is a `Blob` composed of the parts' own Blobs, so a large
 * file Blob (e.g. from `fs.openAsBlob`) is streamed rather than copied, and the same body can be
 * sent again on a retry or a 401 replay.
 */
import { MPTError } from "../errors.js";
import type { MultipartPart } from "./types.js";

export interface EncodedMultipart {
  body: Blob;
  /** `multipart/form-data; boundary=…` */
  contentType: string;
}

/** A boundary that cannot collide with content in practice (24 random bytes, hex). */
export function createBoundary(): string {
  const bytes = new Uint8Array(24);
  if (typeof globalThis.crypto?.getRandomValues === "function") {
    globalThis.crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `----mpt-api-client-${hex}`;
}

/** Escapes a quoted parameter value as browsers do (HTML form encoding: `"` CR LF as %XX). */
function quote(value: string): string {
  return `"${value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}"`;
}

/** RFC 8187 `ext-value` for `filename*`. */
function extValue(value: string): string {
  const encoded = encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `UTF-8''${encoded}`;
}

function partContentType(part: MultipartPart): string | undefined {
  if (part.contentType !== undefined) return part.contentType;
  if (part.data instanceof Blob && part.data.type !== "") return part.data.type;
  return part.filename !== undefined ? "application/octet-stream" : undefined;
}

function dataPart(data: MultipartPart["data"]): BlobPart {
  if (typeof data === "string" || data instanceof Blob) return data;
  // Blob cannot take views over shared memory; copy those
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

function headerFor(part: MultipartPart): string {
  if (typeof part.name !== "string" || part.name === "") {
    throw new MPTError("Every multipart part needs a non-empty name");
  }
  let disposition = `Content-Disposition: form-data; name=${quote(part.name)}`;
  if (part.filename !== undefined) {
    disposition += `; filename=${quote(part.filename)}`;
    if (/[^\x20-\x7e]/.test(part.filename)) disposition += `; filename*=${extValue(part.filename)}`;
  }
  const type = partContentType(part);
  if (type !== undefined && /[\r\n]/.test(type)) {
    throw new MPTError(`Invalid content type for multipart part "${part.name}": it contains a line break`);
  }
  return `${disposition}\r\n${type !== undefined ? `Content-Type: ${type}\r\n` : ""}\r\n`;
}

/** Encodes `parts` as a multipart/form-data body. */
export function encodeMultipart(
  parts: readonly MultipartPart[],
  boundary = createBoundary(),
): EncodedMultipart {
  const pieces: BlobPart[] = [];
  for (const part of parts) {
    pieces.push(`--${boundary}\r\n${headerFor(part)}`, dataPart(part.data), "\r\n");
  }
  pieces.push(`--${boundary}--\r\n`);
  return { body: new Blob(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
