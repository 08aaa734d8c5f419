/**
 * `createTransport`: the HTTP layer of the client. Sends one logical request with credentials,
 * retries (capped exponential backoff with full jitter, `Retry-After`), time budgets,
 * cancellation, redirects and error mapping, and returns a buffered body or an open stream.
 */
import {
  MPTConnectionError,
  MPTError,
  type MPTHttpError,
  MPTMaxRetryError,
  MPTStreamingNotAcceptableError,
  MPTStreamingNotSupportedError,
  MPTTimeoutError,
} from "../errors.js";
import { raceSignal, sleep, throwIfAborted } from "./abort.js";
import {
  type AttemptMode,
  asAuthFailure,
  authContext,
  bodyLimit,
  type PreparedRequest,
  runAttempt,
} from "./attempt.js";
import { backoffDelay } from "./backoff.js";
import { addHeaders } from "./headers.js";
import { logDebug, logInfo, redactQuery } from "./logging.js";
import { prepareBody } from "./request-body.js";
import { bufferedResponse, streamingResponse } from "./response.js";
import {
  normaliseTransportOptions,
  positive,
  retryCount,
  TRANSPORT_DEFAULTS,
  type TransportConfig,
  type TransportOptions,
} from "./transport-options.js";
import type { HttpRequest, HttpResponse, HttpTransport, StreamResponse } from "./types.js";

export type { TransportOptions } from "./transport-options.js";

/**
 * The client's headers with a request's own, checked. A frozen record (the services' constant
 * `Accept`) is merged once per client and the frozen result reused; callers copy before changing.
 */
function mergedHeaders(
  config: TransportConfig,
  given: Record<string, string> | undefined,
): Record<string, string> {
  if (given === undefined || !Object.isFrozen(given)) return addHeaders(given, { ...config.headers });
  let merged = config.mergedHeaders.get(given);
  if (merged === undefined) {
    merged = Object.freeze(addHeaders(given, { ...config.headers }));
    config.mergedHeaders.set(given, merged);
  }
  return merged;
}

function prepareRequest(config: TransportConfig, req: HttpRequest): PreparedRequest {
  if (typeof req.path !== "string" || !req.path.startsWith("/")) {
    throw new MPTError(
      `Invalid request path ${JSON.stringify(String(req.path).slice(0, 100))}: it must start with "/"`,
    );
  }
  const description = `${req.method} ${req.path}`;
  if (req.timeout !== undefined && !(typeof req.timeout === "number" && req.timeout > 0)) {
    throw new MPTError(`${description}: the timeout option must be a positive number of milliseconds`);
  }
  if (req.body !== undefined && (req.method === "GET" || req.method === "HEAD")) {
    throw new MPTError(`${description}: a ${req.method} request cannot carry a body`);
  }
  let headers = mergedHeaders(config, req.headers);
  const body = prepareBody(req.body, description);
  const file = req.file === true;
  // the option checks build their message only when an option is given
  const limit =
    req.maxResponseBytes === undefined
      ? config.maxResponseBytes
      : positive(`${description}: maxResponseBytes`, req.maxResponseBytes, 0, "bytes");
  const explicit = headers.authorization;
  if (
    body.contentType !== undefined &&
    (body.body instanceof Blob || headers["content-type"] === undefined)
  ) {
    headers = { ...headers, "content-type": body.contentType };
  }
  const query = req.query ? `?${req.query.replace(/^\?/, "")}` : "";
  return {
    method: req.method,
    path: req.path,
    url: `${config.baseUrl}${req.path}${query}`,
    headers,
    body: body.body,
    description,
    explicitAuthorization: headers.authorization !== undefined,
    signal: req.signal,
    redactor: explicit === undefined ? config.redactor : config.redactor.with([explicit]),
    maxResponseBytes:
      file && req.maxResponseBytes === undefined
        ? Math.max(limit, TRANSPORT_DEFAULTS.maxDownloadBytes)
        : limit,
    file,
    streamIdleTimeout:
      req.streamIdleTimeout === undefined
        ? config.streamIdleTimeout
        : positive(`${description}: streamIdleTimeout`, req.streamIdleTimeout, 0),
    maxLineBytes:
      req.maxLineBytes === undefined
        ? config.maxLineBytes
        : positive(`${description}: maxLineBytes`, req.maxLineBytes, 0, "bytes"),
  };
}

/** The error that ends a request after `attempts` attempts: timeouts and connection failures keep their class. */
function finalError(error: Error, attempts: number, description: string, retried: boolean): Error {
  if (attempts > 1 && (error instanceof MPTTimeoutError || error instanceof MPTConnectionError)) {
    return error.withAttempts(attempts);
  }
  if (!retried) return error;
  return new MPTMaxRetryError(
    `${description} failed after ${attempts} attempts: ${withoutSubject(error.message, description)}`,
    attempts,
    error,
  );
}

/** `message` without a leading `METHOD /path` (it is said once already). */
function withoutSubject(message: string, description: string): string {
  if (!message.startsWith(description)) return message;
  return message.slice(description.length).replace(/^:?\s+/, "");
}

function retryDelay(config: TransportConfig, retryIndex: number, retryAfter: number | undefined): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, config.maxRetryDelay);
  return backoffDelay(retryIndex, config.retryBaseDelay, config.maxBackoffDelay);
}

async function execute<T>(config: TransportConfig, req: HttpRequest, mode: AttemptMode<T>): Promise<T> {
  const request = prepareRequest(config, req);
  const retries = retryCount(req.retries, config.retries);
  const started = config.logger ? Date.now() : 0;
  let attempts = 0;
  let retriesUsed = 0;
  let replayed = false;
  for (;;) {
    throwIfAborted(request.signal);
    attempts++;
    const outcome = await runAttempt(config, request, mode, !replayed);
    if (config.logger) {
      const result = outcome.status ?? (outcome.kind === "ok" ? "ok" : outcome.error.name);
      const target = redactQuery(request.url.slice(config.baseUrl.length));
      logInfo(config.logger, `${request.method} ${target} -> ${result} (attempt ${attempts})`, {
        method: request.method,
        path: target,
        status: outcome.status,
        attempt: attempts,
        elapsedMs: Date.now() - started,
        ...(outcome.kind === "ok" ? {} : { error: outcome.error.message }),
      });
    }
    if (outcome.kind === "ok") return outcome.value;
    if (outcome.kind === "unauthorized") {
      replayed = true;
      const auth = config.authentication;
      const ctx = authContext(config, request.signal);
      let renewed = false;
      try {
        renewed = auth?.handleUnauthorized
          ? (await raceSignal(auth.handleUnauthorized(outcome.rejected, ctx), request.signal)) === true
          : false;
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        throw asAuthFailure(error);
      }
      logDebug(
        config.logger,
        `${request.description}: 401, ${renewed ? "replaying with new credentials" : "no new credentials"}`,
      );
      if (renewed) continue;
      throw outcome.error;
    }
    if (!outcome.retryable || retries === 0 || retriesUsed >= retries) {
      throw finalError(outcome.error, attempts, request.description, outcome.retryable && retries > 0);
    }
    const delay = retryDelay(config, retriesUsed, outcome.retryAfter);
    logDebug(config.logger, `${request.description}: retrying in ${delay} ms`, {
      method: request.method,
      path: request.path,
      attempt: attempts,
      delayMs: delay,
      reason: outcome.status ?? outcome.error.message,
    });
    await sleep(delay, request.signal);
    retriesUsed++;
  }
}

function isStreamingRequest(req: HttpRequest): boolean {
  return Object.entries(req.headers ?? {}).some(
    ([name, value]) => name.toLowerCase() === "mpt-streaming" && value.trim().toLowerCase() === "true",
  );
}

/** Builds the transport the service engine sends every request through. */
export function createTransport(options: TransportOptions): HttpTransport {
  const config = normaliseTransportOptions(options);
  return {
    kind: config.wire.name,
    request(req: HttpRequest): Promise<HttpResponse> {
      return execute(config, req, {
        phase: "request",
        timeout: req.timeout ?? config.timeout,
        holdsSignal: false,
        async finish(response, url, _signal, request) {
          const body = await response.bytes(bodyLimit(request, response.status));
          return bufferedResponse(response, url, body, request.redactor);
        },
        refine: (error) => error,
      });
    },
    stream(req: HttpRequest): Promise<StreamResponse> {
      const streaming = isStreamingRequest(req);
      return execute(config, req, {
        phase: "waiting for response headers",
        timeout: req.timeout ?? config.streamTimeout,
        holdsSignal: true,
        async finish(response, url, signal, request) {
          signal.stopTimer();
          return streamingResponse(response, url, signal, {
            method: req.method,
            path: req.path,
            idleTimeout: request.streamIdleTimeout,
            maxLineBytes: request.maxLineBytes,
            redactor: request.redactor,
          });
        },
        refine(error: MPTHttpError) {
          if (!streaming) return error;
          const init = { statusCode: error.statusCode, body: error.body, path: req.path, cause: error };
          if (error.statusCode === 406) return new MPTStreamingNotAcceptableError(init);
          if (error.statusCode === 501) return new MPTStreamingNotSupportedError(init);
          return error;
        },
      });
    },
  };
}
