/** Options of `createTransport`, their defaults, and their validation into a ready config. */
import type { Authentication } from "../auth/types.js";
import { MPTError } from "../errors.js";
import { resolveBaseUrl } from "./base-url.js";
import { type LogLevel, resolveLogger } from "./logging.js";
import type { FetchFunction, Logger } from "./types.js";
import { DEFAULT_USER_AGENT, isBrowserLike } from "./version.js";

/** Options of `createTransport` (and, but for `baseUrl`/`authentication`/`timeout`, of `new MPTClient`). */
export interface TransportOptions {
  /** Resolved API root, e.g. `https://api.platform.softwareone.com` (see `resolveBaseUrl`). */
  baseUrl: string;
  authentication?: Authentication | undefined;
  /** Milliseconds for a whole request, reading the body included. Default 60 000. */
  timeout?: number | undefined;
  /** Milliseconds until a stream's response headers arrive; no limit afterwards. Default 120 000. */
  streamTimeout?: number | undefined;
  /** Retries after the first attempt. Default 5. */
  retries?: number | undefined;
  /** Cap in milliseconds of a `Retry-After` wait (and of the backoff). Default 30 000. */
  maxRetryDelay?: number | undefined;
  /** Base of the exponential backoff in milliseconds. Default 500. */
  retryBaseDelay?: number | undefined;
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
  retries: 5,
  maxRetryDelay: 30_000,
  retryBaseDelay: 500,
  /** Cap of one backoff delay when the server gave no `Retry-After`. */
  maxBackoffDelay: 8_000,
} as const;

export interface TransportConfig {
  baseUrl: string;
  authentication: Authentication | undefined;
  timeout: number;
  streamTimeout: number;
  retries: number;
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
  logger: Logger | undefined;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new MPTError(`Invalid transport option ${name}: expected a positive number of milliseconds`);
  }
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new MPTError(`Invalid transport option ${name}: expected a number >= 0`);
  }
  return value;
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
  const retries = nonNegative("retries", options.retries, TRANSPORT_DEFAULTS.retries);
  if (!Number.isInteger(retries))
    throw new MPTError("Invalid transport option retries: expected an integer >= 0");
  const maxRetryDelay = nonNegative("maxRetryDelay", options.maxRetryDelay, TRANSPORT_DEFAULTS.maxRetryDelay);
  const headers = new Headers();
  const userAgent = options.userAgent ?? (isBrowserLike() ? undefined : DEFAULT_USER_AGENT);
  if (userAgent !== undefined) toHeaders({ "user-agent": userAgent }, headers);
  toHeaders(options.headers, headers);
  return {
    baseUrl: resolveBaseUrl(options.baseUrl, undefined),
    authentication: options.authentication,
    timeout: positive("timeout", options.timeout, TRANSPORT_DEFAULTS.timeout),
    streamTimeout: positive("streamTimeout", options.streamTimeout, TRANSPORT_DEFAULTS.streamTimeout),
    retries,
    maxRetryDelay,
    retryBaseDelay: nonNegative("retryBaseDelay", options.retryBaseDelay, TRANSPORT_DEFAULTS.retryBaseDelay),
    maxBackoffDelay: Math.min(TRANSPORT_DEFAULTS.maxBackoffDelay, maxRetryDelay),
    fetch: options.fetch ?? defaultFetch(),
    platformFetch: options.fetch === undefined,
    headers,
    logger: resolveLogger(options.logger, options.logLevel),
  };
}
