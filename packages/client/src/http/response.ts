/**
 * The responses the transport hands to the service engine: the buffered `HttpResponse` (text
 * decoded and JSON parsed at most once, on demand) and the live `StreamResponse` whose body
 * errors are mapped to client errors and whose reads are bounded by the stream's idle timeout.
 * Both read the transport's response directly, no copy. `readBody` reads a fetch `Response`
 * under a byte limit (the fetch transport and the authentication providers use it).
 */
import { MPTConnectionError, MPTHttpError, MPTTimeoutError } from "../errors.js";
import type { AttemptSignal } from "./attempt-signal.js";
import { type BodyLimit, checkDeclaredLength, readLimited } from "./body-reader.js";
import { summariseBody } from "./error-mapping.js";
import { describeNetworkFailure } from "./network-errors.js";
import { PATTERN_REDACTOR, type Redactor } from "./redact.js";
import type { HttpResponse, StreamResponse } from "./types.js";
import type { WireResponse } from "./wire.js";

const decoder = new TextDecoder();

/**
 * Reads the whole body under `limit`; rejects with the signal's reason if it aborts first (also
 * with a fetch implementation whose body ignores the signal, unless `signalBound` says the body
 * is the platform fetch's, which fails with the signal itself) and with `limit.tooLarge()` as soon
 * as the body passes the limit.
 */
export function readBody(
  response: Response,
  signal: AbortSignal,
  limit: BodyLimit,
  signalBound = false,
): Promise<Uint8Array> {
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
  if (declared !== undefined) {
    return signalBound ? readBound(response, signal) : readWhole(response, signal);
  }
  return readLimited(response.body, limit, signal);
}

/** The whole body in one native read of a body its fetch fails when `signal` aborts. */
async function readBound(response: Response, signal: AbortSignal): Promise<Uint8Array> {
  if (signal.aborted) {
    response.body?.cancel(signal.reason).catch(() => {});
    throw signal.reason;
  }
  return new Uint8Array(await response.arrayBuffer());
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

class BufferedResponse implements HttpResponse {
  readonly status: number;
  readonly url: string;
  readonly body: Uint8Array;
  readonly #wire: WireResponse;
  readonly #redactor: Redactor;
  #text: string | undefined;

  constructor(wire: WireResponse, url: string, body: Uint8Array, redactor: Redactor) {
    this.#wire = wire;
    this.#redactor = redactor;
    this.status = wire.status;
    this.url = url;
    this.body = body;
  }

  get headers(): Headers {
    return this.#wire.headers;
  }

  text(): string {
    this.#text ??= decoder.decode(this.body);
    return this.#text;
  }

  json(): unknown {
    const source = this.text();
    try {
      return JSON.parse(source);
    } catch (error) {
      const redactor = this.#redactor;
      const what =
        source.trim() === "" ? "an empty body" : `not JSON: ${summariseBody(redactor.text(source))}`;
      throw new MPTHttpError(
        this.status,
        `Expected a JSON response body but got ${what}`,
        redactor.text(source),
        {
          cause: error,
          headers: redactor.headers(this.headers),
        },
      );
    }
  }
}

/** A fully read response; `redactor` masks credentials in the body of a not-JSON error. */
export function bufferedResponse(
  wire: WireResponse,
  url: string,
  body: Uint8Array,
  redactor: Redactor = PATTERN_REDACTOR,
): HttpResponse {
  return new BufferedResponse(wire, url, body, redactor);
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
 * attempt is released when the body ends, fails or is cancelled.
 */
export function streamingResponse(
  wire: WireResponse,
  url: string,
  attempt: AttemptSignal,
  bounds: StreamBounds,
): StreamResponse {
  const body = wire.stream({
    idleTimeout: bounds.idleTimeout,
    onIdle: () =>
      new MPTTimeoutError(bounds.method, bounds.path, bounds.idleTimeout, "stream idle: no data received"),
    mapError: (error) =>
      error instanceof MPTTimeoutError
        ? error
        : new MPTConnectionError(
            `${bounds.method} ${bounds.path}: the connection failed while reading the stream (${bounds.redactor.text(describeNetworkFailure(error))})`,
            { cause: bounds.redactor.error(error) },
          ),
    done: () => attempt.dispose(),
  });
  return {
    status: wire.status,
    get headers() {
      return wire.headers;
    },
    url,
    maxLineBytes: bounds.maxLineBytes,
    body,
    async cancel() {
      attempt.dispose();
      await wire.discard();
    },
  };
}
