/**
 * The internal boundary between the platform-neutral core (retries, auth, redirects, error
 * mapping) and a transport that moves bytes: fetch everywhere, node:http/node:https on Node.
 * The core hands over one hop at a time and gets back a response whose body is still unread.
 */
import type { AttemptSignal } from "./attempt-signal.js";
import type { BodyLimit } from "./body-reader.js";

/** One hop of a request. */
export interface WireRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** Lower-case names; validated already. */
  headers: Record<string, string>;
  /** Replayable: strings and Blobs can be sent any number of times. */
  body: string | Blob | undefined;
  /** Cancels this hop (and the reading of its body). */
  attempt: AttemptSignal;
  /** For messages: `METHOD /path`. */
  description: string;
}

/** An answer whose body is still open. */
export interface WireResponse {
  status: number;
  statusText: string;
  /** The value of a header (lower-case name), or null. */
  header(name: string): string | null;
  /** Every header as a web `Headers` (built on first use by transports that do not have one). */
  readonly headers: Headers;
  /**
   * Set when the transport followed redirects itself (browsers hide manual redirects): the URL
   * of the last hop.
   */
  followedUrl?: string;
  /**
   * Reads the whole body under the hop's cancellation; rejects with `limit.tooLarge()` (and drops
   * the connection) as soon as it passes the limit, or at once when a declared length does.
   */
  bytes(limit: BodyLimit): Promise<Uint8Array>;
  /** The body as a web stream with backpressure (see `StreamHooks`). */
  stream(hooks: StreamHooks): ReadableStream<Uint8Array>;
  /** Releases the connection without reading the rest. */
  discard(): Promise<void>;
}

/** How an open body reports its end and its failures. */
export interface StreamHooks {
  /** Milliseconds the reader may wait for the next chunk; then the stream fails with `onIdle()`. */
  idleTimeout: number;
  onIdle(): unknown;
  /** Turns a read failure into the error the reader sees (not used for the caller's abort). */
  mapError(error: unknown): unknown;
  /** Runs once when the body ended, failed or was cancelled. */
  done(): void;
}

export interface Wire {
  /** `"fetch"` or `"node"`. */
  readonly name: "fetch" | "node";
  /** Headers the transport sends unless the caller set them (merged once into the client's). */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  send(request: WireRequest): Promise<WireResponse>;
}
