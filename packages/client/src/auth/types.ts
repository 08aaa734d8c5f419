/**
 * The authentication contract: the transport asks a provider for the `Authorization` value
 * before each attempt and tells it about a 401 so it can refresh and have the request replayed.
 */
import type { FetchFunction, Logger } from "../http/types.js";

/** What a provider may use to obtain credentials. */
export interface AuthContext {
  /** The resolved API base URL (no trailing `/public/v1`). */
  baseUrl: string;
  /** The client's fetch function (tests and proxies inject their own). */
  fetch: FetchFunction;
  /** The caller's signal of the request that needs credentials. */
  signal?: AbortSignal;
  /** Time budget in milliseconds for a token request. */
  timeout: number;
  logger?: Logger;
}

export interface Authentication {
  /** The full `Authorization` header value, e.g. `Bearer idt:TKN-…`. */
  getAuthorization(ctx: AuthContext): Promise<string>;
  /**
   * Called once per request when the API answered 401 to `rejected`. Resolve `true` when new
   * credentials are available: the request (body included) is then replayed once.
   */
  handleUnauthorized?(rejected: string, ctx: AuthContext): Promise<boolean>;
  /**
   * Every credential value the provider holds or obtained (tokens, secrets), so the client can
   * mask them wherever they come back: error messages and bodies, headers, logs.
   */
  secretValues?(): readonly string[];
}

/** True for any object implementing `Authentication`. */
export function isAuthentication(value: unknown): value is Authentication {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { getAuthorization?: unknown }).getAuthorization === "function"
  );
}
