/**
 * Redirect following done by the client itself (`redirect: "manual"`), so that `Authorization`
 * is dropped as soon as a hop leaves the request's origin (downloads and JSONL exports redirect
 * to blob storage). 301/302 turn a POST into a bodiless GET and 303 turns anything but GET/HEAD
 * into one, as fetch does; 307/308 keep method and body.
 *
 * Uploads (a `Blob` body, i.e. multipart) do not follow redirects: Node's fetch (undici) clones
 * every request it may redirect and tees the body for it, and the unused branch buffers the whole
 * upload in memory (nodejs/undici#4058). `redirect: "error"` without a window is the one mode that
 * skips the clone, so uploads use it and a redirect answer becomes a clear error.
 */
import { MPTError, MPTHttpError } from "../errors.js";
import { reasonPhrase } from "./status-text.js";
import type { FetchFunction } from "./types.js";

export const MAX_REDIRECTS = 10;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface HopRequest {
  method: string;
  /** Owned by the hop sequence: redirects delete entries from it (no copy per request). */
  headers: Headers;
  body: string | Blob | undefined;
  signal: AbortSignal;
}

export interface FinalResponse {
  response: Response;
  /** URL of the last hop. */
  url: string;
  /** Whether the last hop carried the `Authorization` header. */
  authorizationSent: boolean;
}

function redirectError(response: Response, method: string, path: string, problem: string): MPTHttpError {
  const reason = reasonPhrase(response.status, response.statusText);
  return new MPTHttpError(
    response.status,
    `${response.status} ${reason}: ${problem} (${method} ${path})`,
    "",
  );
}

function isUnexpectedRedirect(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return error instanceof TypeError && cause instanceof Error && cause.message === "unexpected redirect";
}

/** The error of a redirected upload: `MPTHttpError` when the status is known. */
function uploadRedirected(method: string, path: string, status?: number): MPTError {
  const what = status === undefined ? "a redirect" : `a ${status} redirect`;
  const message = `${method} ${path}: the server answered the upload with ${what}; uploads do not follow redirects`;
  return status === undefined ? new MPTError(message) : new MPTHttpError(status, message, "");
}

async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // nothing to release
  }
}

/** Sends `request` to `url`, following up to `MAX_REDIRECTS` redirects. */
export async function fetchFollowingRedirects(
  fetchFn: FetchFunction,
  url: string,
  request: HopRequest,
  path: string,
): Promise<FinalResponse> {
  // parsed only when a redirect happens: most requests have none
  let origin: string | undefined;
  const headers = request.headers;
  let method = request.method;
  let body = request.body;
  let current = url;
  const upload = body instanceof Blob;
  for (let hop = 0; ; hop++) {
    const init: RequestInit = {
      method,
      headers,
      redirect: upload ? "error" : "manual",
      signal: request.signal,
    };
    if (upload) init.window = null;
    if (body !== undefined) init.body = body;
    let response: Response;
    try {
      response = await fetchFn(current, init);
    } catch (error) {
      if (upload && isUnexpectedRedirect(error)) throw uploadRedirected(request.method, path);
      throw error;
    }
    if (response.type === "opaqueredirect") {
      // browsers hide the Location of manual redirects; let the browser follow (it strips
      // Authorization on cross-origin hops itself)
      const followed = await fetchFn(current, { ...init, redirect: "follow" });
      const finalUrl = followed.url || current;
      origin ??= new URL(url).origin;
      return {
        response: followed,
        url: finalUrl,
        authorizationSent: headers.has("authorization") && new URL(finalUrl).origin === origin,
      };
    }
    const location = response.headers.get("location");
    if (!REDIRECT_STATUSES.has(response.status) || location === null) {
      return { response, url: current, authorizationSent: headers.has("authorization") };
    }
    await discard(response);
    // a fetch that ignored `redirect: "error"` (e.g. an in-process handler)
    if (upload) throw uploadRedirected(request.method, path, response.status);
    if (hop >= MAX_REDIRECTS)
      throw redirectError(response, request.method, path, `more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw redirectError(response, request.method, path, "the redirect Location is not a valid URL");
    }
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      throw redirectError(
        response,
        request.method,
        path,
        `redirect to an unsupported scheme ${next.protocol}`,
      );
    }
    const status = response.status;
    if (
      ((status === 301 || status === 302) && method === "POST") ||
      (status === 303 && method !== "GET" && method !== "HEAD")
    ) {
      method = "GET";
      body = undefined;
      headers.delete("content-type");
      headers.delete("content-length");
    }
    origin ??= new URL(url).origin;
    if (next.origin !== origin) headers.delete("authorization");
    current = next.href;
  }
}
