/**
 * ProblemDetails answers (RFC 7807 as ASP.NET Core writes them) and the `SandboxError` that
 * handlers throw to produce one. Every error body carries a W3C `traceId`.
 */
import type { JsonObject } from "./json.js";
import { randomHex } from "./prng.js";

const TYPES: Record<number, string> = {
  400: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
  401: "https://tools.ietf.org/html/rfc9110#section-15.5.2",
  403: "https://tools.ietf.org/html/rfc9110#section-15.5.4",
  404: "https://tools.ietf.org/html/rfc9110#section-15.5.5",
  405: "https://tools.ietf.org/html/rfc9110#section-15.5.6",
  406: "https://tools.ietf.org/html/rfc9110#section-15.5.7",
  409: "https://tools.ietf.org/html/rfc9110#section-15.5.10",
  413: "https://tools.ietf.org/html/rfc9110#section-15.5.14",
  415: "https://tools.ietf.org/html/rfc9110#section-15.5.16",
  429: "https://tools.ietf.org/html/rfc6585#section-4",
  500: "https://tools.ietf.org/html/rfc9110#section-15.6.1",
  501: "https://tools.ietf.org/html/rfc9110#section-15.6.2",
  502: "https://tools.ietf.org/html/rfc9110#section-15.6.3",
  503: "https://tools.ietf.org/html/rfc9110#section-15.6.4",
  504: "https://tools.ietf.org/html/rfc9110#section-15.6.5",
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Authentication Failed",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Field errors: a map for validation problems, a list for business rules. */
export type ProblemErrors = Record<string, string[]> | Array<{ message: string; properties?: string[] }>;

export interface ProblemInit {
  status: number;
  title?: string;
  detail?: string;
  errors?: ProblemErrors;
  headers?: Record<string, string>;
}

/** Thrown by handlers; the dispatcher turns it into a ProblemDetails response. */
export class SandboxError extends Error {
  readonly init: ProblemInit;
  constructor(init: ProblemInit) {
    super(init.detail ?? init.title ?? `HTTP ${init.status}`);
    this.init = init;
  }
}

/** A validation problem (400) whose `errors` map carries the messages per field or RQL path. */
export function validationError(errors: Record<string, string[]>): SandboxError {
  return new SandboxError({
    status: 400,
    title: "One or more validation errors occurred.",
    detail: "One or more validation errors occurred.",
    errors,
  });
}

export const notFound = (detail?: string): SandboxError =>
  new SandboxError(detail === undefined ? { status: 404 } : { status: 404, detail });
export const badRequest = (detail: string): SandboxError => new SandboxError({ status: 400, detail });
export const forbidden = (detail: string): SandboxError => new SandboxError({ status: 403, detail });

/** A W3C traceparent-shaped id: `00-<32 hex>-<16 hex>-00`. */
export function traceId(): string {
  return `00-${randomHex(16)}-${randomHex(8)}-00`;
}

export function problemBody(init: ProblemInit): JsonObject {
  const body: JsonObject = {
    type: TYPES[init.status] ?? "https://tools.ietf.org/html/rfc9110",
    title: init.title ?? TITLES[init.status] ?? "Error",
    status: init.status,
  };
  if (init.detail !== undefined) body["detail"] = init.detail;
  body["traceId"] = traceId();
  if (init.errors !== undefined) body["errors"] = init.errors as JsonObject;
  return body;
}

export function problemResponse(init: ProblemInit): Response {
  return new Response(JSON.stringify(problemBody(init)), {
    status: init.status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...init.headers },
  });
}
