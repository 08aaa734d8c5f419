/** Static bearer credentials: `BearerTokenAuthentication` and the validation it shares. */
import { MPTError } from "../errors.js";
import type { Authentication } from "./types.js";

/**
 * Validates a token or secret and returns the `Authorization` value `Bearer <token>`. A leading
 * `Bearer ` is accepted and not doubled. Messages name `what`, never the value.
 */
export function bearerValue(token: unknown, what: string): string {
  if (typeof token !== "string" || token.trim() === "") {
    throw new MPTError(`${what} must be a non-empty string`);
  }
  const bare = token.trim().replace(/^Bearer(?:\s+|$)/i, "");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters on purpose
  if (bare === "" || /[\x00-\x1f\x7f]/.test(bare)) {
    throw new MPTError(
      `${what} is not usable in an Authorization header (empty or contains control characters)`,
    );
  }
  return `Bearer ${bare}`;
}

/** Reads a provider's fixed `Authorization` value (set by the class's static block). */
let fixedValue: (provider: BearerTokenAuthentication) => string;

/** Sends the same token with every request: an API token (`idt:TKN-…`) or a user JWT. */
export class BearerTokenAuthentication implements Authentication {
  static {
    fixedValue = (provider) => provider.#authorization;
  }

  readonly #authorization: string;
  /** True for a long-lived API token (`idt:…`), false for a user JWT. */
  readonly isApiToken: boolean;

  constructor(token: string) {
    this.#authorization = bearerValue(token, "The token of BearerTokenAuthentication");
    this.isApiToken = this.#authorization.startsWith("Bearer idt:");
  }

  async getAuthorization(): Promise<string> {
    return this.#authorization;
  }

  /** The token, for redaction. */
  secretValues(): readonly string[] {
    return [this.#authorization];
  }
}

/**
 * The `Authorization` value of a provider that sends the same one every time (an unmodified
 * `BearerTokenAuthentication`), so the transport can skip awaiting `getAuthorization`;
 * undefined for every other provider.
 */
export function fixedAuthorization(provider: Authentication): string | undefined {
  return provider instanceof BearerTokenAuthentication &&
    provider.getAuthorization === BearerTokenAuthentication.prototype.getAuthorization
    ? fixedValue(provider)
    : undefined;
}
