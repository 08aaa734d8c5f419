/**
 * Custom actions of a catalogue row (`publish`, `render`, `upload`, `token`, ...): builds the
 * path, query, headers and body from the row and the positional arguments, and reads the answer
 * as the row says (model, nothing, text or file).
 */
import type { ActionDef } from "../catalogue/types.js";
import { MPTError } from "../errors.js";
import type { HttpRequest, MultipartPart, RequestOptions } from "../http/types.js";
import type { APIPromise } from "./api-promise.js";
import { fileFromResponse } from "./download.js";
import { type FileInput, filePart, jsonPart } from "./files.js";
import { assertJsonObject, assertJsonObjectOrList } from "./json-body.js";
import { parseModel } from "./pagination.js";
import { encodeSegment } from "./paths.js";
import type { ServiceCore } from "./service.js";

export function callAction(
  core: ServiceCore,
  name: string,
  action: ActionDef,
  args: readonly unknown[],
  options: RequestOptions | undefined,
): APIPromise<unknown> {
  let req: HttpRequest | undefined;
  return core.call(
    () => {
      req = actionRequest(core, name, action, args);
      return req;
    },
    options,
    (res) => {
      const where = `${action.method} ${req?.path ?? core.endpoint}`;
      switch (action.returns) {
        case "model":
          return parseModel(res, where);
        case "text":
          return readText(res.text(), res.headers.get("Content-Type"));
        case "file":
          return fileFromResponse(res);
        default:
          return undefined;
      }
    },
  );
}

/** The request of one action call, built from its row and positional arguments. */
function actionRequest(
  core: ServiceCore,
  name: string,
  action: ActionDef,
  args: readonly unknown[],
): HttpRequest {
  const what = `${core.name}.${name}`;
  let i = 0;
  const next = () => args[i++];
  let id: unknown;
  let path = core.endpoint;
  if (action.scope !== "collection") {
    id = next() ?? action.defaultId;
    path = core.resourcePath(id, name);
  }
  const extra = (action.params ?? []).map((p) => encodeSegment(next(), `${what} (${p})`));
  let sub = action.path;
  for (const [k, p] of (action.params ?? []).entries()) sub = sub.replace(`{${p}}`, extra[k] ?? "");
  if (sub) path = `${path}/${sub}`;

  const req: HttpRequest = { method: action.method, path };
  if (action.accept) req.headers = { Accept: action.accept };
  if (action.file) {
    req.body = {
      kind: "multipart",
      parts: fileParts(action, next() as FileInput | null | undefined, id, what),
    };
  } else if (action.body === "required" || action.body === "optional") {
    const value = next();
    if (action.bodyField) {
      if (value === undefined) throw new MPTError(`${what}: the ${action.bodyField} argument is required`);
      req.body = { kind: "json", value: { [action.bodyField]: value } };
    } else if (value === undefined || value === null) {
      if (action.body === "required") throw new MPTError(`${what}: the data argument is required`);
    } else {
      const check = action.scope === "collection" ? assertJsonObjectOrList : assertJsonObject;
      req.body = { kind: "json", value: check(value, `${what}(data)`) };
    }
  } else if (action.queryParam) {
    const value = next();
    if (value !== undefined && value !== null && value !== "") {
      if (typeof value !== "string")
        throw new MPTError(`${what}: expected a string for ${action.queryParam}`);
      req.query = `${encodeURIComponent(action.queryParam)}=${encodeURIComponent(value)}`;
    }
  }

  return req;
}

function fileParts(
  action: ActionDef,
  file: FileInput | null | undefined,
  id: unknown,
  what: string,
): MultipartPart[] {
  const def = action.file!;
  const parts: MultipartPart[] = [];
  if (file !== undefined && file !== null) {
    const overrides: { contentType?: string; fallbackName?: string } = {};
    if (def.contentType) overrides.contentType = def.contentType;
    if (def.defaultFilename) overrides.fallbackName = def.defaultFilename;
    parts.push(filePart(def.key, file, `${what}(file)`, overrides));
    if (def.idPart && typeof id === "string") {
      parts.push({ name: "id", filename: "upload", contentType: "application/octet-stream", data: id });
    }
  } else if (def.required) {
    throw new MPTError(`${what}: a file is required`);
  }
  if (def.emptyDataPart) parts.push(jsonPart(def.emptyDataPart, {}));
  return parts;
}

/** Render/template answers are a JSON string; plain text passes through. */
function readText(text: string, contentType: string | null): string {
  if (contentType?.includes("json")) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === "string") return value;
    } catch {
      // not JSON after all: return the text as sent
    }
  }
  return text;
}
