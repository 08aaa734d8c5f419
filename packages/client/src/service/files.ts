/**
 * File inputs for uploads: what callers may pass (`Blob`, `File`, bytes, or a
 * `{ filename, content, contentType }` object), `toFile()` to name content, and their conversion
 * to multipart parts. A bare string is refused: it was too easily a path sent as the content.
 */
import { MPTError } from "../errors.js";
import type { MultipartPart } from "../http/types.js";
import { describe } from "./paths.js";

type FileContent = Blob | Uint8Array | ArrayBuffer | string;

/**
 * A file to upload: a `File` (keeps its name and type; see `toFile()` and, in Node,
 * `fileFromPath()` from `mpt-api-client/node`), a `Blob`, bytes, or
 * `{ filename, content, contentType }`. Text must be wrapped: `toFile("text", "notes.txt")`.
 */
export type FileInput =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | { filename?: string; content: FileContent; contentType?: string };

/**
 * A `File` named `filename` holding `content` (text is UTF-8). The content type is `options.type`,
 * else guessed from the file name's extension, else `application/octet-stream`.
 */
export function toFile(
  content: string | Blob | Uint8Array | ArrayBuffer,
  filename: string,
  options: { type?: string | undefined } = {},
): File {
  if (typeof filename !== "string" || filename === "") {
    throw new MPTError("toFile(content, filename): filename must be a non-empty string");
  }
  if (!isContent(content)) {
    throw new MPTError(
      `toFile(content, filename): content must be a string, Blob, Uint8Array or ArrayBuffer, got ${describe(content)}`,
    );
  }
  const type = options.type ?? guessContentType(filename) ?? "application/octet-stream";
  return new File([content as BlobPart], filename, { type });
}

const MIME_BY_EXT: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  svg: "image/svg+xml",
  webp: "image/webp",
  pdf: "application/pdf",
  json: "application/json",
  jsonl: "application/jsonl",
  txt: "text/plain",
  csv: "text/csv",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  zip: "application/zip",
};

export function guessContentType(filename: string | undefined): string | undefined {
  const ext = filename?.split(".").pop()?.toLowerCase();
  return ext ? MIME_BY_EXT[ext] : undefined;
}

function isFileObject(v: unknown): v is { filename?: string; content: FileContent; contentType?: string } {
  return typeof v === "object" && v !== null && "content" in v;
}

function isContent(v: unknown): v is FileContent {
  return typeof v === "string" || v instanceof Uint8Array || v instanceof ArrayBuffer || v instanceof Blob;
}

/**
 * Turns a caller's file into a multipart part named `name`.
 * Filename: explicit, else `File.name`, else `fallbackName`. Content type: explicit, else the
 * Blob's type, else guessed from the filename, else `application/octet-stream`.
 */
export function filePart(
  name: string,
  input: FileInput,
  what: string,
  overrides: { contentType?: string; fallbackName?: string } = {},
): MultipartPart {
  let content: FileContent;
  let filename: string | undefined;
  let contentType: string | undefined;
  if (isFileObject(input)) {
    if (!isContent(input.content)) {
      throw new MPTError(`${what}: file.content must be a Blob, Uint8Array, ArrayBuffer or string`);
    }
    content = input.content;
    filename = input.filename;
    contentType = input.contentType;
  } else if (typeof input === "string") {
    throw new MPTError(
      `${what}: a string is not a file; wrap text with toFile("text", "name.txt"), or read a path with ` +
        `fileFromPath(path) from "mpt-api-client/node"`,
    );
  } else if (isContent(input)) {
    content = input;
  } else {
    throw new MPTError(
      `${what}: expected a file (File, Blob, Uint8Array, ArrayBuffer or { filename, content }), got ${describe(input)}`,
    );
  }
  if (filename === undefined && typeof File !== "undefined" && content instanceof File && content.name) {
    filename = content.name;
  }
  if (contentType === undefined && content instanceof Blob && content.type) contentType = content.type;
  filename ??= overrides.fallbackName ?? "upload";
  contentType =
    overrides.contentType ?? contentType ?? guessContentType(filename) ?? "application/octet-stream";
  const data = content instanceof ArrayBuffer ? new Uint8Array(content) : content;
  return { name, filename, contentType, data };
}

/** The JSON data part of a multipart body (no filename, `application/json`). */
export function jsonPart(name: string, value: unknown): MultipartPart {
  return { name, contentType: "application/json", data: JSON.stringify(value) };
}
