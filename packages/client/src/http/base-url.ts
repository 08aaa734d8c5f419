/**
 * Base URL normalisation: the API root is `scheme://host[:port][/prefix]`; a trailing `/`,
 * `/public` or `/public/v1` is dropped because every service path starts with `/public/v1/`.
 */
import { MPTError } from "../errors.js";
import { readEnv } from "./env.js";
import { redact } from "./redact.js";

export const BASE_URL_ENV = "MPT_API_BASE_URL";

const HOW_TO_FIX =
  `Pass \`baseUrl\` (for example "https://api.platform.softwareone.com") ` +
  `or set the ${BASE_URL_ENV} environment variable.`;

/** Strips trailing slashes and one trailing `/public/v1` or `/public` segment (in that order). */
function stripApiRoot(pathname: string): string {
  let path = pathname.replace(/\/+$/, "");
  path = path.replace(/\/public(?:\/v1)?$/i, "");
  return path.replace(/\/+$/, "");
}

/**
 * The value as shown in an error: user info, query string and fragment replaced by `…` (they
 * may carry credentials), anything credential-looking masked, at most 100 characters.
 */
function shown(raw: string): string {
  const bare = raw.replace(/[?#][\s\S]*$/, "…").replace(/^([^/]*\/\/)[^/]*@/, "$1…@");
  return JSON.stringify(redact(bare).slice(0, 100));
}

function invalid(reason: string, source: string): MPTError {
  return new MPTError(`Invalid MPT API base URL (${source}): ${reason}. ${HOW_TO_FIX}`);
}

/**
 * Resolves the API base URL from `input`, falling back to `MPT_API_BASE_URL`. Returns it without
 * a trailing slash, e.g. `https://api.s1.show/public/v1/` -> `https://api.s1.show`.
 * Throws `MPTError` naming `MPT_API_BASE_URL` when it is missing or invalid.
 */
export function resolveBaseUrl(input?: string, env: string | undefined = readEnv(BASE_URL_ENV)): string {
  const fromInput = typeof input === "string" && input.trim() !== "";
  const raw = fromInput ? input.trim() : (env ?? "").trim();
  const source = fromInput ? "the baseUrl option" : BASE_URL_ENV;
  if (raw === "") {
    throw new MPTError(
      `No MPT API base URL: the baseUrl option is empty and ${BASE_URL_ENV} is not set. ${HOW_TO_FIX}`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`${shown(raw)} is not an absolute URL with a scheme and host`, source);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(
      `the scheme must be http or https, not ${JSON.stringify(url.protocol.slice(0, -1))}`,
      source,
    );
  }
  if (url.hostname === "") throw invalid("the host is missing", source);
  if (url.username !== "" || url.password !== "") {
    throw invalid("credentials in the URL are not allowed; use an Authentication provider", source);
  }
  if (url.search !== "" || url.hash !== "") {
    throw invalid("it must not carry a query string or fragment", source);
  }
  return url.origin + stripApiRoot(url.pathname);
}
