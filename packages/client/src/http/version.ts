/** The client's version and the `User-Agent` it sends outside browsers. */

/** Kept equal to `version` in packages/client/package.json (a test pins this). */
export const CLIENT_VERSION = "0.1.0";

export const DEFAULT_USER_AGENT = `mpt-api-client-ts/${CLIENT_VERSION}`;

interface NavigatorHost {
  navigator?: { userAgent?: string };
}

/**
 * True in browsers and web workers, where setting `User-Agent` is ignored or forces a CORS
 * preflight. Node 21+, Deno and Bun define `navigator` too, so their user agent is checked.
 */
export function isBrowserLike(): boolean {
  const ua = (globalThis as NavigatorHost).navigator?.userAgent;
  if (typeof ua !== "string") return false;
  return !/^(?:Node\.js|Deno|Bun)\//.test(ua);
}
