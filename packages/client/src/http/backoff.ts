/**
 * Retry delays: capped exponential backoff with full jitter, and `Retry-After` parsing
 * (delta-seconds or an HTTP date).
 */

/** Delay before retry number `retryIndex` (0 for the first retry): uniform in [0, min(cap, base*2^i)). */
export function backoffDelay(
  retryIndex: number,
  baseDelay: number,
  cap: number,
  random = Math.random,
): number {
  const ceiling = Math.min(cap, baseDelay * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait according to a `Retry-After` header value, or `undefined` when the
 * header is absent or unreadable. Dates in the past give 0.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(?:\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
