/**
 * Maps a non-success answer to the error tree: a ProblemDetails (or gateway `{statusCode,
 * message}`) JSON object becomes `MPTAPIError` (the subclass of its status); any other body
 * (HTML, text, empty, arrays, primitives, invalid JSON) becomes `MPTHttpError` with a readable
 * message. The body is redacted before it is parsed, so no field of the error holds a credential.
 */
import {
  apiErrorClassFor,
  describeRequest,
  type MPTAPIErrorDetails,
  MPTHttpError,
  type MPTRequestInfo,
} from "../errors.js";
import { PATTERN_REDACTOR, type Redactor, redact } from "./redact.js";
import { reasonPhrase } from "./status-text.js";

const SNIPPET_LENGTH = 200;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseObject(text: string): JsonObject | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function int(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d{3}$/.test(value.trim())) return Number(value);
  return undefined;
}

function looksLikeProblem(payload: JsonObject): boolean {
  return (
    str(payload.title) !== undefined ||
    str(payload.detail) !== undefined ||
    int(payload.status) !== undefined ||
    str(payload.traceId) !== undefined ||
    str(payload.type) !== undefined ||
    payload.errors !== undefined
  );
}

function looksLikeGateway(payload: JsonObject): boolean {
  return int(payload.statusCode) !== undefined || str(payload.message) !== undefined;
}

/** Normalises `errors` to a field map or a list of business-rule errors; drops other shapes. */
export function normaliseErrors(value: unknown): MPTAPIErrorDetails | undefined {
  if (Array.isArray(value)) {
    const items: Exclude<MPTAPIErrorDetails, Record<string, unknown>> = [];
    for (const entry of value) {
      if (typeof entry === "string") {
        items.push({ message: entry });
      } else if (isObject(entry) && typeof entry.message === "string") {
        const item: (typeof items)[number] = { message: entry.message };
        if (Array.isArray(entry.properties)) {
          item.properties = entry.properties.filter((p): p is string => typeof p === "string");
        }
        if (typeof entry.id === "string") item.id = entry.id;
        if (isObject(entry.parameters)) item.parameters = entry.parameters;
        items.push(item);
      }
    }
    return items.length > 0 ? items : undefined;
  }
  if (isObject(value)) {
    const fields: Record<string, string[] | string> = {};
    for (const [field, messages] of Object.entries(value)) {
      if (typeof messages === "string") fields[field] = messages;
      else if (Array.isArray(messages)) {
        fields[field] = messages.filter((m): m is string => typeof m === "string");
      }
    }
    return Object.keys(fields).length > 0 ? fields : undefined;
  }
  return undefined;
}

/** A one-line, credential-free summary of a body: tags stripped from HTML, whitespace collapsed. */
export function summariseBody(text: string, length = SNIPPET_LENGTH): string {
  let summary = text;
  if (/^\s*<(?:!doctype|html|head|body|\?xml)/i.test(text)) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
    summary = (title ?? text)
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/&nbsp;/g, " ");
  }
  summary = redact(summary.replace(/\s+/g, " ").trim());
  return summary.length > length ? `${summary.slice(0, length)}…` : summary;
}

export interface ErrorResponse {
  status: number;
  statusText?: string;
  bodyText: string;
  headers?: Headers | undefined;
  /** The request answered (its URL is redacted here). */
  request?: MPTRequestInfo | undefined;
  /** Masks the credential values the client knows; patterns only by default. */
  redactor?: Redactor | undefined;
}

/** Headers that may carry a trace id when the body has none. */
const TRACE_HEADERS = ["x-trace-id", "traceparent", "x-request-id", "x-correlation-id"];

/** The trace id of (lower-case, redacted) response headers, if one is there. */
export function headerTraceId(headers: Record<string, string>): string | undefined {
  return TRACE_HEADERS.map((name) => headers[name]).find((value) => value !== undefined);
}

/** The error for a non-success answer. */
export function mapErrorResponse(response: ErrorResponse): MPTHttpError {
  const { status } = response;
  const redactor = response.redactor ?? PATTERN_REDACTOR;
  const bodyText = redactor.text(response.bodyText);
  const headers = response.headers ? redactor.headers(response.headers) : {};
  const request = response.request && {
    method: response.request.method,
    url: redactor.text(response.request.url),
  };
  const headerTrace = headerTraceId(headers);
  const reason = reasonPhrase(status, response.statusText);
  const payload = parseObject(bodyText);
  if (payload && (looksLikeProblem(payload) || looksLikeGateway(payload))) {
    const problem = looksLikeProblem(payload);
    const message = str(payload.message);
    let title = str(payload.title);
    let detail = str(payload.detail);
    if (!problem || (title === undefined && detail === undefined)) {
      // gateway body: the message is the explanation, the status' phrase the title
      title = title ?? reason;
      detail = detail ?? message ?? "";
    }
    const ErrorClass = apiErrorClassFor(status);
    return new ErrorClass({
      statusCode: status,
      body: bodyText,
      payload,
      status: int(payload.status) ?? int(payload.statusCode) ?? status,
      title: redact(title ?? reason),
      detail: redact(detail ?? ""),
      traceId: str(payload.traceId) ?? headerTrace,
      errors: normaliseErrors(payload.errors),
      headers,
      request,
    });
  }
  const summary = summariseBody(bodyText);
  const subject = request ? `${describeRequest(request)}: ` : "";
  const message = summary ? `${subject}${status} ${reason}: ${summary}` : `${subject}${status} ${reason}`;
  return new MPTHttpError(status, message, bodyText, { headers, request, traceId: headerTrace });
}
