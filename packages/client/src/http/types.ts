/**
 * Transport contract: what the service engine hands to the HTTP layer and gets back.
 * The transport knows nothing about resources; it sends one logical request (with retries,
 * auth, timeouts and error mapping) and returns either a fully read body or an open stream.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";

/** Per-call options accepted as the last argument of every method that sends a request. */
export interface RequestOptions {
  /** Cancels the request (and any iteration it belongs to). */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeout` (milliseconds) for this call. */
  timeout?: number | undefined;
  /** Extra headers for this call; they win over client-level headers. */
  headers?: Record<string, string> | undefined;
  /** Overrides the client's `retries` for this call (`0`: one attempt only). */
  retries?: number | undefined;
  /** Overrides the client's `maxResponseBytes` (bytes of a buffered body) for this call. */
  maxResponseBytes?: number | undefined;
  /** Overrides the client's `maxLineBytes` (bytes of one JSONL record) for this call. */
  maxLineBytes?: number | undefined;
  /** Overrides the client's `streamIdleTimeout` (milliseconds without a byte) for this call. */
  streamIdleTimeout?: number | undefined;
}

/** The per-call limits of `RequestOptions` a transport applies. */
export const REQUEST_LIMIT_KEYS = [
  "retries",
  "maxResponseBytes",
  "maxLineBytes",
  "streamIdleTimeout",
] as const;

/** One part of a multipart/form-data body. */
export interface MultipartPart {
  name: string;
  /** Omitted for plain fields such as the JSON data part. */
  filename?: string;
  contentType?: string;
  data: Blob | Uint8Array | string;
}

export type RequestBody = { kind: "json"; value: unknown } | { kind: "multipart"; parts: MultipartPart[] };

/** One request as the service engine hands it to the transport (path relative to the base URL). */
export interface HttpRequest {
  method: HttpMethod;
  /** Percent-encoded path starting with `/public/v1/`. */
  path: string;
  /** Percent-encoded query string without the leading `?`; empty or absent for none. */
  query?: string;
  headers?: Record<string, string>;
  body?: RequestBody;
  signal?: AbortSignal;
  /** Milliseconds; overrides the client timeout for this request. */
  timeout?: number;
  /** Overrides the client's `retries`. */
  retries?: number;
  /** Overrides the client's `maxResponseBytes`. */
  maxResponseBytes?: number;
  /** Overrides the client's `maxLineBytes` (reported back on the `StreamResponse`). */
  maxLineBytes?: number;
  /** Overrides the client's `streamIdleTimeout`. */
  streamIdleTimeout?: number;
  /**
   * The body is a file read whole (`download()`): its limit is at least 1 GiB and the
   * too-large error points to `downloadStream()`.
   */
  file?: boolean;
}

/** A response whose body was read completely inside the request's time budget. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Final URL after redirects. */
  url: string;
  body: Uint8Array;
  /** The body decoded as UTF-8 text. */
  text(): string;
  /** Parses the body as JSON; throws MPTHttpError when it is not JSON. */
  json(): unknown;
}

/** A successful response whose body is still open; the time-to-first-byte budget applied. */
export interface StreamResponse {
  status: number;
  headers: Headers;
  url: string;
  body: ReadableStream<Uint8Array>;
  /** Releases the connection without reading the rest of the body. */
  cancel(): Promise<void>;
  /** The largest JSONL record the reader of this body accepts (`maxLineBytes`; default 16 MiB). */
  maxLineBytes?: number;
}

/** What the service engine calls: JSON requests, streams and raw responses, with retries and auth. */
export interface HttpTransport {
  /** Which transport moves the bytes: `"node"` (node:http/https) or `"fetch"`. */
  readonly kind?: "node" | "fetch";
  /** Sends a request and reads the whole body; non-2xx answers throw the mapped error. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Sends a request and resolves when headers arrive; non-2xx answers throw the mapped error. */
  stream(req: HttpRequest): Promise<StreamResponse>;
}

/** Receives debug lines; messages and fields never contain tokens or secrets. */
export interface Logger {
  /** A debug line: retries and token refreshes (and attempts when `info` is absent). */
  debug(message: string, fields?: Record<string, unknown>): void;
  /** One line per attempt; `debug` receives these when absent. */
  info?(message: string, fields?: Record<string, unknown>): void;
  /** A warning (e.g. a token refresh that failed); `debug` receives it when this is absent. */
  warn?(message: string, fields?: Record<string, unknown>): void;
}

/**
 * A fetch-compatible function: the global `fetch`, a proxy-aware wrapper, or an in-process
 * handler such as `(input, init) => handler(new Request(input, init))`.
 */
export type FetchFunction = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
