/**
 * One attempt of a logical request: get credentials, send (following redirects) under the
 * attempt's time budget, and turn what happened into an outcome the retry loop can judge.
 */
import { fixedAuthorization } from "../auth/bearer.js";
import type { AuthContext } from "../auth/types.js";
import {
  MPTAuthenticationError,
  MPTConnectionError,
  MPTError,
  type MPTHttpError,
  MPTResponseTooLargeError,
  MPTTimeoutError,
} from "../errors.js";
import { raceSignal } from "./abort.js";
import { AttemptSignal } from "./attempt-signal.js";
import { parseRetryAfter } from "./backoff.js";
import type { BodyLimit } from "./body-reader.js";
import { mapErrorResponse } from "./error-mapping.js";
import { describeNetworkFailure, failedBeforeSending, isPermanentFailure } from "./network-errors.js";
import { type Redactor, redact } from "./redact.js";
import { followRedirects, isRedirected } from "./redirects.js";
import { isRetryableAuthFailure, isRetryableNetworkFailure, isRetryableStatus } from "./retry-policy.js";
import type { TransportConfig } from "./transport-options.js";
import type { HttpMethod } from "./types.js";
import type { WireResponse } from "./wire.js";

/** A request ready to be sent any number of times. */
export interface PreparedRequest {
  method: HttpMethod;
  path: string;
  url: string;
  /** Lower-case names, without `Authorization` from the provider. */
  headers: Record<string, string>;
  body: string | Blob | undefined;
  /** `METHOD /path`, for messages (never the query string). */
  description: string;
  /** The caller set `Authorization` itself: the provider is not consulted. */
  explicitAuthorization: boolean;
  signal: AbortSignal | undefined;
  /** Masks the client's credentials and this request's own `Authorization`. */
  redactor: Redactor;
  /** Largest buffered body (success or error) in bytes. */
  maxResponseBytes: number;
  /** The body is a file read whole (`download()`): the limit error points to `downloadStream()`. */
  file: boolean;
  /** Streams: milliseconds without a byte before `MPTTimeoutError`. */
  streamIdleTimeout: number;
  /** Streams: the largest JSONL record. */
  maxLineBytes: number;
}

/** The byte limit of a buffered body of `request` (an answer with `status`). */
export function bodyLimit(request: PreparedRequest, status: number): BodyLimit {
  return {
    maxBytes: request.maxResponseBytes,
    tooLarge: () =>
      new MPTResponseTooLargeError({
        limitName: "maxResponseBytes",
        limit: request.maxResponseBytes,
        method: request.method,
        path: request.path,
        statusCode: status,
        hint:
          request.file && status >= 200 && status < 300
            ? "use downloadStream() for large files, or raise maxResponseBytes for this call"
            : undefined,
      }),
  };
}

/** How a mode (buffered request or stream) finishes a successful answer. */
export interface AttemptMode<T> {
  /** Named in timeout errors. */
  phase: string;
  timeout: number;
  /** The value keeps the attempt signal alive (a stream being read); otherwise it is released. */
  holdsSignal: boolean;
  finish(response: WireResponse, url: string, signal: AttemptSignal, request: PreparedRequest): Promise<T>;
  /** Lets a mode specialise the mapped error of a non-success answer. */
  refine(error: MPTHttpError): Error;
}

export type Outcome<T> =
  | { kind: "ok"; value: T; status: number }
  | { kind: "failed"; error: Error; retryable: boolean; retryAfter?: number; status?: number }
  | { kind: "unauthorized"; error: Error; rejected: string; status: number };

export function authContext(config: TransportConfig, signal: AbortSignal | undefined): AuthContext {
  const ctx: AuthContext = { baseUrl: config.baseUrl, fetch: config.fetch, timeout: config.timeout };
  if (signal) ctx.signal = signal;
  if (config.logger) ctx.logger = config.logger;
  return ctx;
}

/** A provider's failure as a client error (MPTErrors pass through). */
export function asAuthFailure(error: unknown): Error {
  if (error instanceof MPTError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new MPTAuthenticationError(`The authentication provider failed: ${redact(reason)}`, undefined, {
    cause: error,
  });
}

/** The `Authorization` value when it is known without waiting (none needed, or a fixed token). */
function authorizeNow(
  config: TransportConfig,
  request: PreparedRequest,
): { value: string | undefined } | undefined {
  const auth = config.authentication;
  if (!auth || request.explicitAuthorization) return { value: undefined };
  const value = fixedAuthorization(auth);
  return value === undefined ? undefined : { value };
}

/** Asks the provider for the `Authorization` value; a failure becomes an outcome. */
async function authorize(
  config: TransportConfig,
  request: PreparedRequest,
): Promise<{ value: string | undefined } | Outcome<never>> {
  const auth = config.authentication;
  if (!auth || request.explicitAuthorization) return { value: undefined };
  let value: unknown;
  try {
    value = await raceSignal(auth.getAuthorization(authContext(config, request.signal)), request.signal);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    return { kind: "failed", error: asAuthFailure(error), retryable: isRetryableAuthFailure(error) };
  }
  if (typeof value !== "string" || value.trim() === "" || /[\r\n\0]/.test(value)) {
    const error = new MPTAuthenticationError(
      "The authentication provider returned an invalid Authorization value",
    );
    return { kind: "failed", error, retryable: false };
  }
  return { value };
}

/** Turns something thrown while sending or reading into an outcome (or rethrows an abort). */
function thrownOutcome(
  error: unknown,
  signal: AttemptSignal,
  request: PreparedRequest,
  mode: AttemptMode<unknown>,
  headersReceived: boolean,
): Outcome<never> {
  if (signal.callerAborted) throw request.signal?.reason ?? error;
  const idempotentOrUnsent = (notSent: boolean) => isRetryableNetworkFailure(request.method, notSent);
  if (signal.timedOut) {
    const timeout = new MPTTimeoutError(request.method, request.path, mode.timeout, mode.phase);
    return { kind: "failed", error: timeout, retryable: idempotentOrUnsent(false) };
  }
  if (error instanceof MPTError) return { kind: "failed", error, retryable: false };
  const permanent = isPermanentFailure(error);
  const what = headersReceived ? "connection lost while reading the response" : "connection failed";
  const connection = new MPTConnectionError(
    `${request.description}: ${what} (${request.redactor.text(describeNetworkFailure(error))})${permanent ? "; retrying cannot help" : ""}`,
    { cause: request.redactor.error(error) },
  );
  const retryable = !permanent && idempotentOrUnsent(failedBeforeSending(error));
  return { kind: "failed", error: connection, retryable };
}

/** The text of an error body (empty when it cannot be read); a body above the limit throws. */
async function errorText(response: WireResponse, request: PreparedRequest): Promise<string> {
  try {
    return new TextDecoder().decode(await response.bytes(bodyLimit(request, response.status)));
  } catch (error) {
    if (error instanceof MPTResponseTooLargeError) throw error;
    return "";
  }
}

/** Runs one attempt. `mayReplay`: a 401 may still be answered by a credential refresh. */
export async function runAttempt<T>(
  config: TransportConfig,
  request: PreparedRequest,
  mode: AttemptMode<T>,
  mayReplay: boolean,
): Promise<Outcome<T>> {
  const auth = authorizeNow(config, request) ?? (await authorize(config, request));
  if ("kind" in auth) return auth;
  const headers = { ...request.headers };
  if (auth.value !== undefined) headers.authorization = auth.value;

  const signal = new AttemptSignal(request.signal, mode.timeout);
  let keepSignal = false;
  let headersReceived = false;
  try {
    // the first hop is sent here: most answers are not redirects and need no more bookkeeping
    const first = await config.wire.send({
      method: request.method,
      url: request.url,
      headers,
      body: request.body,
      attempt: signal,
      description: request.description,
    });
    const final = isRedirected(first)
      ? await followRedirects(
          config.wire,
          request.url,
          {
            method: request.method,
            headers,
            body: request.body,
            attempt: signal,
            redactor: request.redactor,
          },
          request.description,
          first,
        )
      : { response: first, url: request.url, authorizationSent: headers.authorization !== undefined };
    headersReceived = true;
    const { response, url } = final;
    if (response.status >= 200 && response.status < 300) {
      const value = await mode.finish(response, url, signal, request);
      keepSignal = mode.holdsSignal;
      return { kind: "ok", value, status: response.status };
    }
    const bodyText = await errorText(response, request);
    if (signal.callerAborted) throw request.signal?.reason;
    const mapped = mapErrorResponse({
      status: response.status,
      statusText: response.statusText,
      bodyText,
      headers: response.headers,
      request: { method: request.method, url },
      redactor: request.redactor,
    });
    const error = mode.refine(mapped);
    const handler = config.authentication?.handleUnauthorized;
    if (
      response.status === 401 &&
      auth.value !== undefined &&
      final.authorizationSent &&
      mayReplay &&
      handler
    ) {
      return { kind: "unauthorized", error, rejected: auth.value, status: 401 };
    }
    const retryAfterHeader = response.header("retry-after");
    const outcome: Outcome<T> = {
      kind: "failed",
      error,
      retryable: isRetryableStatus(request.method, response.status, retryAfterHeader !== null),
      status: response.status,
    };
    const retryAfter = parseRetryAfter(retryAfterHeader);
    if (retryAfter !== undefined) outcome.retryAfter = retryAfter;
    return outcome;
  } catch (error) {
    return thrownOutcome(error, signal, request, mode, headersReceived);
  } finally {
    if (!keepSignal) signal.dispose();
  }
}
