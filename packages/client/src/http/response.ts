/**
 * Response helpers: reading a whole body under the attempt's signal and byte limit, the buffered
 * `HttpResponse`, and the live `StreamResponse` whose body errors are mapped to client errors and
 * whose reads are bounded by the stream's idle timeout.
 */
import { MPTConnectionError, MPTHttpError, MPTTimeoutError } from "../errors.js";
import type { AttemptSignal } from "./attempt-signal.js";
import { type BodyLimit, checkDeclaredLength, readLimited } from "./body-reader.js";
import { summariseBody } from "./error-mapping.js";
import { readWithin } from "./idle-timeout.js";
import { describeNetworkFailure } from "./network-errors.js";
import { PATTERN_REDACTOR, type Redactor } from "./redact.js";
import type { HttpResponse, StreamResponse } from "./types.js";

const decoder = new TextDecoder();

/**
 * Reads the whole body under `limit`; rejects with the signal's reason if it aborts first (also
 * with a fetch implementation whose body ignores the signal) and with `limit.tooLarge()` as soon
 * as the body passes the limit.
 */
export function readBody(response: Response, signal: AbortSignal, limit: BodyLimit): Promise<Uint8Array> {
  let declared: number | undefined;
  try {
    declared = checkDeclaredLength(
      response.headers.get("content-length"),
      response.headers.get("content-encoding"),
      limit,
    );
  } catch (error) {
    response.body?.cancel().catch(() => {});
    return Promise.reject(error);
  }
  // a declared length within the limit bounds the body (fetch enforces it): read it in one go
  if (declared !== undefined) return readWhole(response, signal);
  return readLimited(response.body, limit, signal);
}

/** The whole body in one native read, or the signal's reason as soon as it aborts. */
async function readWhole(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (signal.aborted) {
    response.body?.cancel(signal.reason).catch(() => {});
    throw signal.reason;
  }
  const reading = response.arrayBuffer();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reading.catch(() => {});
      response.body?.cancel(signal.reason).catch(() => {});
      reject(signal.reason);
    };
  });
  if (onAbort) signal.addEventListener("abort", onAbort, { once: true });
  try {
    return new Uint8Array(await Promise.race([reading, aborted]));
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

/** A fully read response; `redactor` masks credentials in the body of a not-JSON error. */
export function bufferedResponse(
  response: Response,
  url: string,
  body: Uint8Array,
  redactor: Redactor = PATTERN_REDACTOR,
): HttpResponse {
  let text: string | undefined;
  const readText = () => {
    text ??= decoder.decode(body);
    return text;
  };
  return {
    status: response.status,
    headers: response.headers,
    url,
    body,
    text: readText,
    json(): unknown {
      const source = readText();
      try {
        return JSON.parse(source);
      } catch (error) {
        const what =
          source.trim() === "" ? "an empty body" : `not JSON: ${summariseBody(redactor.text(source))}`;
        // the parser's message quotes the body: keep it, redacted
        const cause = error instanceof Error ? new SyntaxError(redactor.text(error.message)) : error;
        throw new MPTHttpError(
          response.status,
          `Expected a JSON response body but got ${what}`,
          redactor.text(source),
          { cause, headers: redactor.headers(response.headers) },
        );
      }
    },
  };
}

/** How a stream's reads are bounded and described. */
export interface StreamBounds {
  method: string;
  path: string;
  /** Milliseconds without a byte before the stream fails with `MPTTimeoutError`. */
  idleTimeout: number;
  maxLineBytes: number;
  redactor: Redactor;
}

/**
 * A response whose body stays open. Read failures surface as `MPTConnectionError` (or the
 * caller's abort reason), a silence longer than the idle timeout as `MPTTimeoutError`; the
 * attempt signal is released when the body ends, fails or is cancelled.
 */
export function streamingResponse(
  response: Response,
  url: string,
  attempt: AttemptSignal,
  bounds: StreamBounds,
): StreamResponse {
  const source = response.body;
  const base = { status: response.status, headers: response.headers, url, maxLineBytes: bounds.maxLineBytes };
  if (!source) {
    attempt.dispose();
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    return { ...base, body: empty, cancel: async () => {} };
  }
  const reader = source.getReader();
  const idle = () =>
    new MPTTimeoutError(bounds.method, bounds.path, bounds.idleTimeout, "stream idle: no data received");
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await readWithin(() => reader.read(), bounds.idleTimeout, idle);
        if (done) {
          attempt.dispose();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        const aborted = attempt.callerAborted;
        attempt.dispose();
        if (error instanceof MPTTimeoutError) reader.cancel(error).catch(() => {});
        controller.error(
          aborted
            ? attempt.signal.reason
            : error instanceof MPTTimeoutError
              ? error
              : new MPTConnectionError(
                  `${bounds.method} ${bounds.path}: the connection failed while reading the stream (${bounds.redactor.text(describeNetworkFailure(error))})`,
                  { cause: error },
                ),
        );
      }
    },
    async cancel(reason) {
      attempt.dispose();
      await reader.cancel(reason).catch(() => {});
    },
  });
  return {
    ...base,
    body,
    async cancel() {
      attempt.dispose();
      await reader.cancel().catch(() => {});
    },
  };
}
