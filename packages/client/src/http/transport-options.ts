/** Options of `createTransport`, their defaults, and their validation into a ready config. */
import type { Authentication } from "../auth/types.js";
import { MPTError } from "../errors.js";
import { resolveBaseUrl } from "./base-url.js";
import { type LogLevel, redactingLogger, resolveLogger } from "./logging.js";
import { Redactor } from "./redact.js";
import type { FetchFunction, Logger } from "./types.js";
import { DEFAULT_USER_AGENT, isBrowserLike } from "./version.js";

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
  /** Fetch implementation; defaults to the global `fetch`. */
  fetch?: FetchFunction | undefined;
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
  fetch: FetchFunction;
  /**
   * The fetch is the platform's own (spec-compliant): an abort of the request signal errors the
   * response body too, so reading a body needs no race against the signal.
   */
  platformFetch: boolean;
  headers: Headers;
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

/** Builds headers from `record`, turning an invalid name or value into an MPTError naming the header. */
export function toHeaders(record: Record<string, string> | undefined, into = new Headers()): Headers {
  for (const [name, value] of Object.entries(record ?? {})) {
    try {
      into.set(name, value);
    } catch (error) {
      throw new MPTError(`Invalid HTTP header ${JSON.stringify(name)}: its name or value is not allowed`, {
        cause: error,
      });
    }
  }
  return into;
}

/** Validates options and fills defaults. */
export function normaliseTransportOptions(options: TransportOptions): TransportConfig {
  const retries = retryCount(options.retries, TRANSPORT_DEFAULTS.retries);
  const maxRetryDelay = nonNegative("maxRetryDelay", options.maxRetryDelay, TRANSPORT_DEFAULTS.maxRetryDelay);
  const headers = new Headers();
  const userAgent = options.userAgent ?? (isBrowserLike() ? undefined : DEFAULT_USER_AGENT);
  if (userAgent !== undefined) toHeaders({ "user-agent": userAgent }, headers);
  toHeaders(options.headers, headers);
  const authentication = options.authentication;
  const redactor = new Redactor(() => [
    ...(authentication?.secretValues?.() ?? []),
    headers.get("authorization"),
    headers.get("proxy-authorization"),
  ]);
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, undefined),
    authentication,
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
    fetch: options.fetch ?? defaultFetch(),
    platformFetch: options.fetch === undefined,
    headers,
    logger: redactingLogger(resolveLogger(options.logger, options.logLevel), redactor),
    redactor,
  };
}
