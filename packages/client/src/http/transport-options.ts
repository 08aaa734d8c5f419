/** Options of `createTransport`, their defaults, and their validation into a ready config. */
import type { Authentication } from "../auth/types.js";
import { MPTError } from "../errors.js";
import { resolveBaseUrl } from "./base-url.js";
import { fetchWire } from "./fetch-wire.js";
import { addHeaders } from "./headers.js";
import { type LogLevel, redactingLogger, resolveLogger } from "./logging.js";
import type { NodeTlsOptions } from "./node/options.js";
import { isNodeRuntime, nodeWire } from "./node/wire.js";
import { Redactor } from "./redact.js";
import type { FetchFunction, Logger } from "./types.js";
import { DEFAULT_USER_AGENT, isBrowserLike } from "./version.js";
import type { Wire } from "./wire.js";
import { fetchOverWire } from "./wire-fetch.js";

export type { NodeTlsOptions } from "./node/options.js";

/** Options of `createTransport` (and, but for `baseUrl`/`authentication`/`timeout`, of `new MPTClient`). */
export interface TransportOptions {
  /** Resolved API root, e.g. `https://api.platform.softwareone.com` (see `resolveBaseUrl`). */
  baseUrl: string;
  authentication?: Authentication | undefined;
  /** Milliseconds for a whole request, reading the body included. Default 60 000. */
  timeout?: number | undefined;
  /** Milliseconds until a stream's response headers arrive. Default 120 000. */
  streamTimeout?: number | undefined;
  /**
   * Milliseconds a `stream()` / `downloadStream()` may go without receiving a byte before it ends
   * with `MPTTimeoutError`. Default 60 000.
   */
  streamIdleTimeout?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  retries?: number | undefined;
  /** Cap in milliseconds of a `Retry-After` wait (and of the backoff). Default 30 000. */
  maxRetryDelay?: number | undefined;
  /** Base of the exponential backoff in milliseconds. Default 250. */
  retryBaseDelay?: number | undefined;
  /**
   * Largest buffered body in bytes (JSON, text and error bodies, after decompression). Default
   * 64 MiB; buffered file downloads (`download()`) allow at least 1 GiB.
   */
  maxResponseBytes?: number | undefined;
  /** Largest JSONL record of `stream()` in bytes. Default 16 MiB. */
  maxLineBytes?: number | undefined;
  /**
   * Fetch implementation (e.g. one with undici's `ProxyAgent`, or an in-process handler). Passing
   * it selects the fetch transport. Default: the global `fetch`, used when the fetch transport is.
   */
  fetch?: FetchFunction | undefined;
  /**
   * `"node"`: node:http / node:https with keep-alive agents (the default on Node); `"fetch"`: the
   * `fetch` option or the global fetch (the default everywhere else and when `fetch` is given).
   */
  transport?: "fetch" | "node" | undefined;
  /**
   * Node transport only: the `http.Agent` / `https.Agent` every request goes through, e.g. a
   * proxy agent (`new HttpsProxyAgent(url)` from `https-proxy-agent`) or one with your own socket
   * limits. It must handle the schemes you call. Default: keep-alive agents owned by the client.
   */
  agent?: object | undefined;
  /** Node transport only: TLS options of the client's own https agent (`ca`, `cert`, `key`, ...). */
  tls?: NodeTlsOptions | undefined;
  /** Headers sent with every request (per-request headers win). */
  headers?: Record<string, string> | undefined;
  /** Receives the log lines (redacted); default: stderr when `logLevel` / `MPT_LOG` turn logging on. */
  logger?: Logger | undefined;
  /** `debug`, `info`, `warn` or `off`; default: `MPT_LOG`, else `debug` with a logger and `off` without. */
  logLevel?: LogLevel | undefined;
  /** `User-Agent` value; defaults to `mpt-api-client-ts/<version>` outside browsers. */
  userAgent?: string | undefined;
}

export const TRANSPORT_DEFAULTS = {
  timeout: 60_000,
  streamTimeout: 120_000,
  streamIdleTimeout: 60_000,
  retries: 2,
  maxRetryDelay: 30_000,
  retryBaseDelay: 250,
  /** Cap of one backoff delay when the server gave no `Retry-After`. */
  maxBackoffDelay: 8_000,
  maxResponseBytes: 64 * 1024 * 1024,
  /** Floor of the limit of a buffered file download (`download()`). */
  maxDownloadBytes: 1024 * 1024 * 1024,
  maxLineBytes: 16 * 1024 * 1024,
} as const;

export interface TransportConfig {
  baseUrl: string;
  authentication: Authentication | undefined;
  timeout: number;
  streamTimeout: number;
  streamIdleTimeout: number;
  retries: number;
  maxResponseBytes: number;
  maxLineBytes: number;
  maxRetryDelay: number;
  retryBaseDelay: number;
  maxBackoffDelay: number;
  /** The client's headers merged with each frozen header record of a request (see transport.ts). */
  mergedHeaders: WeakMap<object, Readonly<Record<string, string>>>;
  /** For authentication providers (token requests): over the Node transport when that is used. */
  fetch: FetchFunction;
  /** Moves the bytes of each hop: fetch or node:http. */
  wire: Wire;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** The user's logger behind `redactor`. */
  logger: Logger | undefined;
  /** Masks the credential values this client knows (provider's and `Authorization` headers). */
  redactor: Redactor;
}

/** `value` or `fallback`; anything but a positive number is an error naming the option. */
export function positive(name: string, value: unknown, fallback: number, unit = "milliseconds"): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new MPTError(`Invalid option ${name}: expected a positive number of ${unit}, got ${String(value)}`);
  }
  return value;
}

function nonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new MPTError(`Invalid option ${name}: expected a number >= 0, got ${String(value)}`);
  }
  return value;
}

/** A retry count: an integer >= 0. */
export function retryCount(value: unknown, fallback: number): number {
  const retries = nonNegative("retries", value, fallback);
  if (!Number.isInteger(retries))
    throw new MPTError(`Invalid option retries: expected an integer >= 0, got ${retries}`);
  return retries;
}

function defaultFetch(): FetchFunction {
  if (typeof globalThis.fetch !== "function") {
    throw new MPTError("No global fetch is available here: pass a fetch function in the `fetch` option");
  }
  // called through globalThis so browsers do not throw "Illegal invocation"
  return (input, init) => globalThis.fetch(input, init);
}

function chooseWire(options: TransportOptions): Wire {
  const { transport } = options;
  if (transport !== undefined && transport !== "fetch" && transport !== "node") {
    throw new MPTError(
      `Invalid transport option transport: ${JSON.stringify(transport)}; use "fetch", "node" or leave it out`,
    );
  }
  if (transport === "node" && options.fetch !== undefined) {
    throw new MPTError(
      'Invalid transport options: transport "node" does not use the `fetch` option; drop one of them',
    );
  }
  const nodeOnly = options.agent !== undefined ? "agent" : options.tls !== undefined ? "tls" : undefined;
  const useNode =
    transport === "node" || (transport === undefined && options.fetch === undefined && isNodeRuntime());
  if (!useNode) {
    if (nodeOnly !== undefined) {
      throw new MPTError(
        `Invalid transport option ${nodeOnly}: it applies to the Node transport only; with fetch, pass a fetch that uses your proxy or TLS settings (e.g. undici's fetch with a ProxyAgent dispatcher)`,
      );
    }
    return options.fetch === undefined ? fetchWire(defaultFetch(), true) : fetchWire(options.fetch);
  }
  return nodeWire({ agent: options.agent, tls: options.tls });
}

/** Validates options and fills defaults. */
export function normaliseTransportOptions(options: TransportOptions): TransportConfig {
  const retries = retryCount(options.retries, TRANSPORT_DEFAULTS.retries);
  const maxRetryDelay = nonNegative("maxRetryDelay", options.maxRetryDelay, TRANSPORT_DEFAULTS.maxRetryDelay);
  const wire = chooseWire(options);
  const headers: Record<string, string> = { ...wire.defaultHeaders };
  const userAgent = options.userAgent ?? (isBrowserLike() ? undefined : DEFAULT_USER_AGENT);
  if (userAgent !== undefined) addHeaders({ "user-agent": userAgent }, headers);
  addHeaders(options.headers, headers);
  const authentication = options.authentication;
  const redactor = new Redactor(() => [
    ...(authentication?.secretValues?.() ?? []),
    headers.authorization,
    headers["proxy-authorization"],
  ]);
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, undefined),
    authentication,
    mergedHeaders: new WeakMap(),
    timeout: positive("timeout", options.timeout, TRANSPORT_DEFAULTS.timeout),
    streamTimeout: positive("streamTimeout", options.streamTimeout, TRANSPORT_DEFAULTS.streamTimeout),
    streamIdleTimeout: positive(
      "streamIdleTimeout",
      options.streamIdleTimeout,
      TRANSPORT_DEFAULTS.streamIdleTimeout,
    ),
    retries,
    maxResponseBytes: positive(
      "maxResponseBytes",
      options.maxResponseBytes,
      TRANSPORT_DEFAULTS.maxResponseBytes,
      "bytes",
    ),
    maxLineBytes: positive("maxLineBytes", options.maxLineBytes, TRANSPORT_DEFAULTS.maxLineBytes, "bytes"),
    maxRetryDelay,
    retryBaseDelay: nonNegative("retryBaseDelay", options.retryBaseDelay, TRANSPORT_DEFAULTS.retryBaseDelay),
    maxBackoffDelay: Math.min(TRANSPORT_DEFAULTS.maxBackoffDelay, maxRetryDelay),
    fetch: wire.name === "node" ? fetchOverWire(wire) : (options.fetch ?? defaultFetch()),
    wire,
    headers,
    logger: redactingLogger(resolveLogger(options.logger, options.logLevel), redactor),
    redactor,
  };
}
