/**
 * Which failures may be retried. Idempotent methods are retried on network failures, timeouts
 * and 408/429/502/503/504; no other 4xx is ever retried (the request itself was refused). POST and PATCH are retried only when the server asked for it (429 or 503
 * with `Retry-After`) or when the request provably never left (refused, DNS failure, or a
 * failure of the authentication provider before sending).
 */
import { MPTAuthenticationError, MPTConnectionError, MPTTimeoutError } from "../errors.js";

const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);
const RETRY_STATUSES = new Set([408, 429, 502, 503, 504]);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** May an answer with `status` be retried? */
export function isRetryableStatus(method: string, status: number, hasRetryAfter: boolean): boolean {
  if (isIdempotent(method)) return RETRY_STATUSES.has(status);
  return (status === 429 || status === 503) && hasRetryAfter;
}

/** May a connection failure (or timeout) be retried? `notSent`: it provably never left. */
export function isRetryableNetworkFailure(method: string, notSent: boolean): boolean {
  return notSent || isIdempotent(method);
}

/**
 * May a failure of the authentication provider be retried? The request itself was not sent,
 * so any method is safe; only transient failures of the token endpoint qualify.
 */
export function isRetryableAuthFailure(error: unknown): boolean {
  if (error instanceof MPTConnectionError || error instanceof MPTTimeoutError) return true;
  if (!(error instanceof MPTAuthenticationError)) return false;
  if (error.statusCode !== undefined) return RETRY_STATUSES.has(error.statusCode);
  return error.cause instanceof MPTConnectionError || error.cause instanceof MPTTimeoutError;
}
