/**
 * The browser guard: in a browser (or web worker) a client holding a long-lived credential, an
 * API token or an extension's secret, is refused unless the caller opts in with
 * `dangerouslyAllowBrowser: true`; anyone who can open the page can read such a credential.
 */
import { BearerTokenAuthentication } from "./auth/bearer.js";
import { ExtensionFrameworkAuthentication } from "./auth/extension-framework.js";
import type { Authentication } from "./auth/types.js";
import { MPTError } from "./errors.js";
import { isBrowserLike } from "./http/version.js";

/** What long-lived credential `authentication` holds, or undefined for none (e.g. a user JWT). */
function longLivedCredential(authentication: Authentication): string | undefined {
  if (authentication instanceof ExtensionFrameworkAuthentication) return "an extension's secret";
  if (authentication instanceof BearerTokenAuthentication && authentication.isApiToken) return "an API token";
  return undefined;
}

/** Throws `MPTError` in a browser when a long-lived credential is used without the opt-in. */
export function guardBrowserCredentials(authentication: Authentication, allowed: boolean | undefined): void {
  if (allowed === true || !isBrowserLike()) return;
  const what = longLivedCredential(authentication);
  if (what === undefined) return;
  throw new MPTError(
    `MPTClient was given ${what} in a browser, where anyone who can open the page can read it. ` +
      "Call the API from a server, use a short-lived user token, or pass " +
      "{ dangerouslyAllowBrowser: true } if only you use this page (e.g. against a local mpt-sandbox).",
  );
}
