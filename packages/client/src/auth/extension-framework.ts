/**
 * `ExtensionFrameworkAuthentication`: short-lived installation (or account-scoped) tokens from
 * `POST /public/v1/integration/installations/-/token`, cached until their JWT `exp` minus a
 * leeway (never more than half the token's lifetime, so short-lived tokens are not fetched again
 * for every request), refreshed once on a 401, with one shared request for concurrent callers.
 * A token that is already expired when it arrives is an error, not a refresh loop.
 */
import {
  MPTAuthenticationError,
  MPTConnectionError,
  MPTError,
  MPTResponseTooLargeError,
  MPTTimeoutError,
} from "../errors.js";
import { raceSignal } from "../http/abort.js";
import { AttemptSignal } from "../http/attempt-signal.js";
import { mapErrorResponse, summariseBody } from "../http/error-mapping.js";
import { logDebug, logWarn } from "../http/logging.js";
import { describeNetworkFailure } from "../http/network-errors.js";
import { Redactor } from "../http/redact.js";
import { readBody } from "../http/response.js";
import { bearerValue } from "./bearer.js";
import { jwtExpiry } from "./jwt.js";
import type { AuthContext, Authentication } from "./types.js";

export const INSTALLATION_TOKEN_PATH = "/public/v1/integration/installations/-/token";

export interface ExtensionFrameworkAuthenticationOptions {
  /** The extension's own API key, sent as `Authorization: Bearer <secret>` to the token endpoint. */
  secret: string;
  /** Ask for a token scoped to this account (`?account.id=`). */
  accountId?: string | undefined;
  /**
   * Refresh when fewer seconds than this remain before the token's `exp`. Default 60; never more
   * than half the token's lifetime (as seen when it arrived).
   */
  minRemainingValiditySeconds?: number | undefined;
}

interface CachedToken {
  authorization: string;
  /** Unix seconds; undefined when the token has no readable `exp` (used until a 401). */
  exp: number | undefined;
  /** Epoch milliseconds from which a request refreshes the token first; undefined: never. */
  refreshAt: number | undefined;
}

/** Installation tokens remembered for redaction (older ones have long expired). */
const REMEMBERED_TOKENS = 32;

/** Largest token answer read. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;

/** Token state per API base URL (one provider may serve clients of several environments). */
interface TokenState {
  token: CachedToken | undefined;
  inflight: Promise<CachedToken> | undefined;
}

const FAILED = "Installation token request failed";

export class ExtensionFrameworkAuthentication implements Authentication {
  readonly accountId: string | undefined;
  readonly minRemainingValiditySeconds: number;
  readonly #secretAuthorization: string;
  readonly #states = new Map<string, TokenState>();
  /** Every installation token obtained (the latest `REMEMBERED_TOKENS`), for redaction. */
  readonly #obtained: string[] = [];
  readonly #redactor = new Redactor(() => this.secretValues());

  constructor(options: ExtensionFrameworkAuthenticationOptions) {
    if (typeof options !== "object" || options === null) {
      throw new MPTError("ExtensionFrameworkAuthentication needs options: { secret, accountId? }");
    }
    this.#secretAuthorization = bearerValue(options.secret, "The secret of ExtensionFrameworkAuthentication");
    if (
      options.accountId !== undefined &&
      (typeof options.accountId !== "string" || options.accountId.trim() === "")
    ) {
      throw new MPTError(
        "The accountId of ExtensionFrameworkAuthentication must be a non-empty string when given",
      );
    }
    const leeway = options.minRemainingValiditySeconds ?? 60;
    if (typeof leeway !== "number" || !Number.isFinite(leeway) || leeway < 0) {
      throw new MPTError("minRemainingValiditySeconds must be a number of seconds >= 0");
    }
    this.accountId = options.accountId?.trim();
    this.minRemainingValiditySeconds = leeway;
  }

  /** The extension secret and the installation tokens obtained, for redaction. */
  secretValues(): readonly string[] {
    return [this.#secretAuthorization, ...this.#obtained];
  }

  async getAuthorization(ctx: AuthContext): Promise<string> {
    const state = this.#state(ctx.baseUrl);
    const cached = state.token;
    if (cached && !this.#refreshDue(cached)) return cached.authorization;
    try {
      return (await raceSignal(this.#refresh(state, ctx), ctx.signal)).authorization;
    } catch (error) {
      if (ctx.signal?.aborted || !cached || isExpired(cached)) throw error;
      // the proactive refresh failed but the current token is still valid: keep using it
      logWarn(ctx.logger, "Installation token refresh failed; using the current token until it expires", {
        error: error instanceof Error ? error.message : String(error),
      });
      return cached.authorization;
    }
  }

  async handleUnauthorized(rejected: string, ctx: AuthContext): Promise<boolean> {
    const state = this.#state(ctx.baseUrl);
    if (state.token?.authorization === rejected) state.token = undefined;
    if (!state.token) await raceSignal(this.#refresh(state, ctx), ctx.signal);
    return true;
  }

  #state(baseUrl: string): TokenState {
    let state = this.#states.get(baseUrl);
    if (!state) {
      state = { token: undefined, inflight: undefined };
      this.#states.set(baseUrl, state);
    }
    return state;
  }

  #refreshDue(token: CachedToken): boolean {
    return token.refreshAt !== undefined && Date.now() >= token.refreshAt;
  }

  /** The token of a successful answer, with its refresh time; an expired token is an error. */
  #cache(token: string, status: number): CachedToken {
    const authorization = bearerValue(token, "The installation token");
    this.#obtained.push(authorization);
    if (this.#obtained.length > REMEMBERED_TOKENS) this.#obtained.shift();
    const exp = jwtExpiry(token);
    if (exp === undefined) return { authorization, exp, refreshAt: undefined };
    const now = Date.now();
    const remaining = exp * 1000 - now;
    if (remaining <= 0) {
      throw new MPTAuthenticationError(
        `${FAILED}: the token endpoint answered ${status} with a token that expired ${Math.ceil(-remaining / 1000)} s ago (exp ${new Date(exp * 1000).toISOString()}); check the clocks of this machine and the server`,
        status,
      );
    }
    const leeway = Math.min(this.minRemainingValiditySeconds * 1000, remaining / 2);
    return { authorization, exp, refreshAt: now + remaining - leeway };
  }

  /** The shared in-flight token request, started if none is running. */
  #refresh(state: TokenState, ctx: AuthContext): Promise<CachedToken> {
    state.inflight ??= this.#requestToken(ctx).then(
      (token) => {
        state.token = token;
        state.inflight = undefined;
        return token;
      },
      (error: unknown) => {
        state.inflight = undefined;
        throw error;
      },
    );
    return state.inflight;
  }

  async #requestToken(ctx: AuthContext): Promise<CachedToken> {
    const query = this.accountId ? `?account.id=${encodeURIComponent(this.accountId)}` : "";
    logDebug(ctx.logger, `POST ${INSTALLATION_TOKEN_PATH}: requesting an installation token`, {
      accountId: this.accountId,
    });
    // not tied to the caller's signal: other callers may be waiting on this same request
    const attempt = new AttemptSignal(undefined, ctx.timeout);
    try {
      const url = `${ctx.baseUrl}${INSTALLATION_TOKEN_PATH}${query}`;
      const response = await ctx.fetch(url, {
        method: "POST",
        headers: { authorization: this.#secretAuthorization, accept: "application/json" },
        redirect: "manual",
        signal: attempt.signal,
      });
      const limit = {
        maxBytes: MAX_TOKEN_ANSWER_BYTES,
        tooLarge: () =>
          new MPTResponseTooLargeError({
            limitName: "maxResponseBytes",
            limit: MAX_TOKEN_ANSWER_BYTES,
            method: "POST",
            path: INSTALLATION_TOKEN_PATH,
            statusCode: response.status,
            hint: "a token answer is small; check the base URL",
          }),
      };
      const text = new TextDecoder().decode(await readBody(response, attempt.signal, limit));
      if (response.status < 200 || response.status >= 300) {
        const mapped = mapErrorResponse({
          status: response.status,
          statusText: response.statusText,
          bodyText: text,
          headers: response.headers,
          request: { method: "POST", url },
          redactor: this.#redactor,
        });
        // the message says which request failed already
        const answer = mapped.message.replace(`POST ${INSTALLATION_TOKEN_PATH}: `, "");
        throw new MPTAuthenticationError(`${FAILED}: ${answer}`, response.status, { cause: mapped });
      }
      return this.#cache(tokenField(text, response.status, this.#redactor), response.status);
    } catch (error) {
      if (error instanceof MPTError) throw error;
      if (attempt.timedOut) {
        const timeout = new MPTTimeoutError(
          "POST",
          INSTALLATION_TOKEN_PATH,
          ctx.timeout,
          "installation token request",
        );
        throw new MPTAuthenticationError(`${FAILED}: ${timeout.message}`, undefined, { cause: timeout });
      }
      const connection = new MPTConnectionError(
        `POST ${INSTALLATION_TOKEN_PATH}: connection failed (${this.#redactor.text(describeNetworkFailure(error))})`,
        { cause: error },
      );
      throw new MPTAuthenticationError(`${FAILED}: ${connection.message}`, undefined, { cause: connection });
    } finally {
      attempt.dispose();
    }
  }
}

function isExpired(token: CachedToken): boolean {
  return token.exp !== undefined && token.exp * 1000 <= Date.now();
}

/** The `token` string of a successful answer; a clear error for anything else. */
function tokenField(text: string, status: number, redactor: Redactor): string {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new MPTAuthenticationError(
      `${FAILED}: the ${status} answer is not JSON (${summariseBody(redactor.text(text), 80) || "empty body"})`,
      status,
    );
  }
  const token =
    typeof payload === "object" && payload !== null ? (payload as { token?: unknown }).token : undefined;
  if (typeof token !== "string" || token.trim() === "") {
    throw new MPTAuthenticationError(`${FAILED}: the ${status} answer has no "token" string`, status);
  }
  return token;
}
