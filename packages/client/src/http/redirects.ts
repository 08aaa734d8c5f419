/**
 * Redirect following done by the client itself (on every transport), so that `Authorization` is
 * dropped as soon as a hop leaves the request's origin (downloads and JSONL exports redirect to
 * blob storage). 301/302 turn a POST into a bodiless GET and 303 turns anything but GET/HEAD
 * into one, as fetch does; 307/308 keep method and body. Uploads (a `Blob` body) do not follow
 * redirects (see fetch-wire.ts): a redirect answer to one is a clear error on both transports.
 */
import { MPTError, MPTHttpError, type MPTHttpErrorOptions } from "../errors.js";
import type { AttemptSignal } from "./attempt-signal.js";
import { headerTraceId } from "./error-mapping.js";
import { PATTERN_REDACTOR, type Redactor } from "./redact.js";
import { reasonPhrase } from "./status-text.js";
import type { Wire, WireResponse } from "./wire.js";

export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface HopRequest {
  method: string;
  /** Owned by the hop sequence: redirects delete entries from it (no copy per request). */
  headers: Record<string, string>;
  body: string | Blob | undefined;
  attempt: AttemptSignal;
  /** Masks credentials in what a redirect failure carries (its headers and URL). */
  redactor?: Redactor;
}

export interface FinalResponse {
  response: WireResponse;
  /** URL of the last hop. */
  url: string;
  /** Whether the last hop carried the `Authorization` header. */
  authorizationSent: boolean;
}

/** The redirect answer a failure of the redirect step is about: its headers and request. */
interface RedirectAnswer {
  response: WireResponse;
  method: string;
  url: string;
  redactor: Redactor;
}

/** Headers (redacted), the request and the trace id of a redirect answer, as error options. */
function answerDetails(answer: RedirectAnswer): MPTHttpErrorOptions {
  const headers = answer.redactor.headers(answer.response.headers);
  const request = { method: answer.method, url: answer.redactor.text(answer.url) };
  return { headers, request, traceId: headerTraceId(headers) };
}

function redirectError(answer: RedirectAnswer, description: string, problem: string): MPTHttpError {
  const { status, statusText } = answer.response;
  const message = `${status} ${reasonPhrase(status, statusText)}: ${problem} (${description})`;
  return new MPTHttpError(status, message, "", answerDetails(answer));
}

/** The error of a redirected upload: `MPTHttpError` (with the answer's details) when it is known. */
export function uploadRedirected(description: string, answer?: RedirectAnswer): MPTError {
  const status = answer?.response.status;
  const what = status === undefined ? "a redirect" : `a ${status} redirect`;
  const message = `${description}: the server answered the upload with ${what}; uploads do not follow redirects`;
  return answer === undefined || status === undefined
    ? new MPTError(message)
    : new MPTHttpError(status, message, "", answerDetails(answer));
}

/** True when `response` is a redirect the client must follow, or one the transport followed. */
export function isRedirected(response: WireResponse): boolean {
  return response.followedUrl !== undefined || REDIRECT_STATUSES.has(response.status);
}

/** Follows the redirects of a request to `url` whose first answer is `first`, up to `MAX_REDIRECTS`. */
export async function followRedirects(
  wire: Wire,
  url: string,
  request: HopRequest,
  description: string,
  first: WireResponse,
): Promise<FinalResponse> {
  // parsed only when a redirect happens: most requests have none
  let origin: string | undefined;
  const headers = request.headers;
  let method = request.method;
  let body = request.body;
  let current = url;
  let response = first;
  const upload = body instanceof Blob;
  for (let hop = 0; ; hop++) {
    if (response.followedUrl !== undefined) {
      origin ??= new URL(url).origin;
      const sent = headers.authorization !== undefined && new URL(response.followedUrl).origin === origin;
      return { response, url: response.followedUrl, authorizationSent: sent };
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.header("location") : null;
    if (location === null) {
      return { response, url: current, authorizationSent: headers.authorization !== undefined };
    }
    await response.discard();
    const answer = { response, method, url: current, redactor: request.redactor ?? PATTERN_REDACTOR };
    // a fetch that ignored `redirect: "error"` (e.g. an in-process handler), or the Node transport
    if (upload) throw uploadRedirected(description, answer);
    if (hop >= MAX_REDIRECTS)
      throw redirectError(answer, description, `more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw redirectError(answer, description, "the redirect Location is not a valid URL");
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      throw redirectError(answer, description, `redirect to an unsupported scheme ${next.protocol}`);
    }
    const status = response.status;
    if (
      ((status === 301 || status === 302) && method === "POST") ||
      (status === 303 && method !== "GET" && method !== "HEAD")
    ) {
      method = "GET";
      body = undefined;
      delete headers["content-type"];
      delete headers["content-length"];
    }
    origin ??= new URL(url).origin;
    if (next.origin !== origin) delete headers.authorization;
    current = next.href;
    response = await wire.send({
      method,
      url: current,
      headers,
      body,
      attempt: request.attempt,
      description,
    });
  }
}
