/**
 * The responses the transport hands to the service engine: the buffered `HttpResponse` (text
 * decoded and JSON parsed at most once, on demand) and the live `StreamResponse` whose body
 * errors are mapped to client errors. Both read the transport's response directly, no copy.
 */
import { MPTConnectionError, MPTHttpError } from "../errors.js";
import type { AttemptSignal } from "./attempt-signal.js";
import { summariseBody } from "./error-mapping.js";
import { describeNetworkFailure } from "./network-errors.js";
import type { HttpResponse, StreamResponse } from "./types.js";
import type { WireResponse } from "./wire.js";

const decoder = new TextDecoder();

class BufferedResponse implements HttpResponse {
  readonly status: number;
  readonly url: string;
  readonly body: Uint8Array;
  readonly #wire: WireResponse;
  #text: string | undefined;

  constructor(wire: WireResponse, url: string, body: Uint8Array) {
    this.#wire = wire;
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
      const what = source.trim() === "" ? "an empty body" : `not JSON: ${summariseBody(source)}`;
      throw new MPTHttpError(this.status, `Expected a JSON response body but got ${what}`, source, {
        cause: error,
      });
    }
  }
}

/** A fully read response. */
export function bufferedResponse(wire: WireResponse, url: string, body: Uint8Array): HttpResponse {
  return new BufferedResponse(wire, url, body);
}

/**
 * A response whose body stays open. Read failures surface as `MPTConnectionError` (or the
 * caller's abort reason); the attempt is released when the body ends, fails or is cancelled.
 */
export function streamingResponse(
  wire: WireResponse,
  url: string,
  attempt: AttemptSignal,
  description: string,
): StreamResponse {
  const mapError = (error: unknown) =>
    new MPTConnectionError(
      `${description}: the connection failed while reading the stream (${describeNetworkFailure(error)})`,
      { cause: error },
    );
  const body = wire.stream(mapError, () => attempt.dispose());
  return {
    status: wire.status,
    get headers() {
      return wire.headers;
    },
    url,
    body,
    async cancel() {
      attempt.dispose();
      await wire.discard();
    },
  };
}
