/**
 * Request-body validation from the OpenAPI spec (schemas generated into
 * schema/generated-requests.ts), with ajv + ajv-formats: types, enums, formats, nullability,
 * lengths and the body's own `required` list. Each operation's validator is compiled on first use
 * and kept for the process. Unknown fields are removed (the platform's JSON binder ignores
 * members its models do not have). Failures answer the platform's 400 validation problem with
 * `errors` keyed by field path (`lines[0].quantity`).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { SandboxError, validationError } from "../shared/problem.js";
import { REQUEST_BODIES, REQUEST_DEFINITIONS } from "./schema/generated-requests.js";

// ajv-formats is CommonJS: its default export is the plugin, or `{ default: plugin }` under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

let shared: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function ajv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, strict: false, removeAdditional: true, validateFormats: true });
    addFormats(shared);
    // .NET's TimeSpan ("1.02:03:04") and OpenAPI's int formats ajv-formats does not name.
    shared.addFormat("date-span", /^-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/);
    shared.addSchema({ $id: "mpt", definitions: REQUEST_DEFINITIONS });
  }
  return shared;
}

const normalise = (pattern: string) => pattern.replace(/\{[^}]+\}/g, "{}");

/** The spec's schema name for a request's body (`POST /public/v1/catalog/products/{id}/items`). */
export function bodySchemaName(method: string, pattern: string): string | undefined {
  return REQUEST_BODIES[`${method.toUpperCase()} ${normalise(pattern)}`];
}

function validatorFor(name: string): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = ajv().compile({ $ref: `mpt#/definitions/${name}` });
    compiled.set(name, validate);
  }
  return validate;
}

const badValue = (errors: Record<string, string[]>): SandboxError =>
  new SandboxError({
    status: 400,
    title: "Bad Request",
    detail: "One or more validation errors occurred.",
    errors,
  });

/** `/lines/0/item` -> `lines[0].item`. */
function fieldPath(pointer: string): string {
  let out = "";
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(part) ? `[${part}]` : out === "" ? part : `.${part}`;
  }
  return out;
}

const capital = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

function messageOf(error: ErrorObject, value: unknown): { path: string; message: string } {
  const path = fieldPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params["missingProperty"]);
      return {
        path: path ? `${path}.${missing}` : missing,
        message: `The ${capital(missing)} field is required.`,
      };
    }
    case "type":
      return {
        path: path || "$",
        message: `The JSON value could not be converted to ${String(params["type"]).replace(",", " or ")}: got ${describe(value)}.`,
      };
    case "enum":
      return {
        path: path || "$",
        message: `The value ${JSON.stringify(value)} is not valid; allowed: ${(params["allowedValues"] as unknown[]).join(", ")}.`,
      };
    case "format":
      return {
        path: path || "$",
        message: `The value ${JSON.stringify(value)} is not a valid ${String(params["format"])}.`,
      };
    default:
      return { path: path || "$", message: `The value ${error.message ?? "is not valid"}.` };
  }
}

function valueAtPointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const raw of pointer.split("/").slice(1)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return current;
}

/**
 * Checks the JSON body of `method pattern` and answers a copy without the unknown fields; throws
 * the 400 validation problem when it does not fit the spec. Operations the spec gives no JSON
 * body schema pass unchanged.
 */
export function validateBody<T>(method: string, pattern: string, body: T): T {
  const name = bodySchemaName(method, pattern);
  if (name === undefined) return body;
  const validate = validatorFor(name);
  const copy = structuredClone(body);
  if (validate(copy)) return copy;
  const errors: Record<string, string[]> = {};
  for (const error of validate.errors ?? []) {
    // `required` of nested objects belongs to the full objects the spec reuses for references
    // (`vendor: Account` requires name, status, type); references are given as `{id}`.
    if (error.keyword === "required" && error.instancePath !== "") continue;
    // anyOf/oneOf add a summary error after the branches' own errors; a nullable reference
    // (`anyOf: [Ref, {type: null}]`) adds "not null" for a value that is not valid as Ref.
    if (error.keyword === "anyOf" || error.keyword === "oneOf") continue;
    if (error.keyword === "type" && (error.params as { type?: unknown }).type === "null") continue;
    const { path, message } = messageOf(error, valueAtPointer(body, error.instancePath));
    const list = errors[path] ?? [];
    if (!list.includes(message)) list.push(message);
    errors[path] = list;
  }
  if (Object.keys(errors).length === 0) return copy;
  // The platform titles a missing field "One or more validation errors occurred." and a value it
  // cannot take (`unitPP: "NaN"`, an empty name) "Bad Request" (behaviour notes §10).
  const missing = (validate.errors ?? []).some((e) => e.keyword === "required" && e.instancePath === "");
  throw missing ? validationError(errors) : badValue(errors);
}

/** What `validateRequest` needs of a request context. */
export interface ValidatedRequest {
  req: Request;
  pattern: string;
  sandbox: { options: { validate: boolean } };
}

/** `validateBody` for a handler's request, unless the sandbox runs with `validate: false`. */
export function validateRequest<T>(rc: ValidatedRequest, body: T): T {
  return rc.sandbox.options.validate ? validateBody(rc.req.method, rc.pattern, body) : body;
}
