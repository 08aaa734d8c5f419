/**
 * Request bodies, read whole before a handler looks at the store: at most `limit` bytes (413
 * before reading more), JSON nested at most `MAX_JSON_DEPTH` levels (400), multipart parts kept
 * in memory. Handlers then check and write in one synchronous step (no await in between), so no
 * other request can change what they checked.
 */
import type { StoredFile } from "../domain/store.js";
import { isObject, type JsonObject } from "../shared/json.js";
import { SandboxError, validationError } from "../shared/problem.js";

/** Default body limit: 32 MiB. */
export const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;
/** Deepest JSON nesting accepted (System.Text.Json's default, which the platform uses). */
export const MAX_JSON_DEPTH = 64;

/** A request body read whole: the JSON value, or the multipart parts. */
export interface RequestBody {
  /** The parsed JSON body (undefined when empty or multipart). */
  json: unknown;
  /** Multipart parts by name (text or file), in order. */
  parts: ReadonlyArray<{ name: string; value: string | StoredFile }>;
  multipart: boolean;
}

export const EMPTY_BODY: RequestBody = { json: undefined, parts: [], multipart: false };

/** A create/update/action body: the data object, files and other fields (see `bodyOf`). */
export interface Body {
  data: JsonObject;
  /** Files by part name. */
  files: Map<string, StoredFile>;
  /** Non-file parts other than the data part, as text. */
  fields: Map<string, string>;
}

export function tooLarge(limit: number): SandboxError {
  return new SandboxError({
    status: 413,
    title: "Payload Too Large",
    detail: `The request body is larger than ${limit} bytes (the sandbox's maxBodyBytes option).`,
  });
}

/** Reads at most `limit` bytes of `req`'s body; 413 as soon as more arrive (or are announced). */
export async function readBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const announced = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(announced) && announced > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SandboxError) throw error;
    throw new SandboxError({
      status: 400,
      detail: `The request body could not be read: ${(error as Error).message}`,
    });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Nesting depth of a JSON text (strings skipped), stopping once past `max`. */
function depthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

/** Parses a JSON text (empty: undefined); 400 naming `where` when malformed or too deep. */
export function parseJson(text: string, where = "$"): unknown {
  if (text.trim() === "") return undefined;
  if (depthExceeds(text, MAX_JSON_DEPTH)) {
    throw validationError({
      [where]: [`The JSON value is nested deeper than the maximum depth of ${MAX_JSON_DEPTH}.`],
    });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw validationError({
      [where]: [`The JSON value could not be converted: ${(error as Error).message}`],
    });
  }
}

const decoder = new TextDecoder();

/** Reads and parses a whole request body (JSON or multipart) within `limit` bytes. */
export async function readRequestBody(req: Request, limit: number): Promise<RequestBody> {
  const type = req.headers.get("content-type") ?? "";
  const bytes = await readBytes(req, limit);
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    return { json: parseJson(decoder.decode(bytes)), parts: [], multipart: false };
  }
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch (error) {
    throw new SandboxError({ status: 400, detail: `Malformed multipart body: ${(error as Error).message}` });
  }
  const parts: Array<{ name: string; value: string | StoredFile }> = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") parts.push({ name, value });
    else {
      parts.push({
        name,
        value: {
          filename: value.name || "file",
          contentType: value.type || "application/octet-stream",
          bytes: new Uint8Array(await value.arrayBuffer()),
        },
      });
    }
  }
  return { json: undefined, parts, multipart: true };
}

function objectOf(value: unknown, where: string): JsonObject {
  if (value === undefined) return {};
  if (!isObject(value)) throw validationError({ [where]: ["The JSON value must be an object."] });
  return value;
}

/** The create/update/action view of a body: JSON object data, or multipart with `dataKey` as data. */
export function bodyOf(body: RequestBody, dataKey: string | undefined): Body {
  const files = new Map<string, StoredFile>();
  const fields = new Map<string, string>();
  if (!body.multipart) return { data: objectOf(body.json, "$"), files, fields };
  let data: JsonObject = {};
  for (const { name, value } of body.parts) {
    if (name === dataKey) {
      const text = typeof value === "string" ? value : decoder.decode(value.bytes);
      data = objectOf(parseJson(text, name), name);
    } else if (typeof value === "string") fields.set(name, value);
    else files.set(name, value);
  }
  return { data, files, fields };
}
