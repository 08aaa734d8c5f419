/**
 * What a web browser may do with the sandbox. The API routes (and the blob routes their
 * downloads redirect to) answer CORS preflights and carry `Access-Control-Allow-*` for the
 * configured origins (default: any port of localhost, 127.0.0.1 and [::1]), so an app served by a
 * dev server can call the sandbox. The control plane (`/_sandbox/*`) carries no CORS headers, only
 * answers requests whose `Host` is a name the sandbox is known by (no DNS rebinding), and refuses
 * cross-site and "simple" (form-like) POSTs, which a page could send without a preflight.
 */

import { SandboxError } from "../shared/problem.js";

/** The origins allowed by default: any port of the loopback names, http and https. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = [
  "http://localhost:*",
  "http://127.0.0.1:*",
  "http://[::1]:*",
  "https://localhost:*",
  "https://127.0.0.1:*",
  "https://[::1]:*",
];

/** The header that marks a control-plane POST as not coming from a web form (any value). */
export const CONTROL_HEADER = "x-mpt-sandbox";

/** Response headers a browser app may read (besides the CORS-safelisted ones). */
const EXPOSED = "Content-Disposition, Content-Length, Location, Retry-After, Allow, MPT-Streaming";
const METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
/** Requested header names echoed by a preflight: tokens only, bounded. */
const HEADER_LIST = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$/;

export interface BrowserPolicy {
  /** Allowed origins: exact (`http://localhost:5173`), any port (`http://localhost:*`), or `*`. */
  corsOrigins: readonly string[];
  /** Host names (besides loopback names and IP literals) the control plane answers for. */
  allowedHosts: readonly string[];
  /** Host name of the in-process origin (always accepted). */
  inProcessHost: string;
}

/** Checks option values once, at start-up, so a typo is an error rather than a silent refusal. */
export function checkBrowserPolicy(policy: BrowserPolicy): void {
  for (const origin of policy.corsOrigins) {
    if (origin === "*") continue;
    const base = origin.endsWith(":*") ? origin.slice(0, -2) : origin;
    let parsed: URL | undefined;
    try {
      parsed = new URL(base);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== base) {
      throw new Error(
        `corsOrigins: '${origin}' is not an origin; give 'scheme://host[:port]', 'scheme://host:*' or '*'.`,
      );
    }
  }
  for (const host of policy.allowedHosts) {
    if (!/^[A-Za-z0-9.-]+$/.test(host)) {
      throw new Error(`allowedHosts: '${host}' is not a host name (no scheme, port or path).`);
    }
  }
}

export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  for (const entry of allowed) {
    if (entry === "*" || entry === origin) return true;
    if (entry.endsWith(":*")) {
      const base = entry.slice(0, -2);
      if (origin === base) return true;
      if (origin.startsWith(`${base}:`) && /^\d{1,5}$/.test(origin.slice(base.length + 1))) return true;
    }
  }
  return false;
}

/** The answer to a CORS preflight on an API route, or undefined when `req` is not one. */
export function preflight(req: Request, policy: BrowserPolicy): Response | undefined {
  const origin = req.headers.get("origin");
  const method = req.headers.get("access-control-request-method");
  if (req.method !== "OPTIONS" || origin === null || method === null) return undefined;
  if (!originAllowed(origin, policy.corsOrigins)) {
    throw new SandboxError({
      status: 403,
      detail:
        `Origin '${origin}' may not call the sandbox from a browser; add it to the corsOrigins option ` +
        "(--cors-origin on the command line).",
    });
  }
  const headers: Record<string, string> = {
    "access-control-allow-origin": origin,
    "access-control-allow-methods": METHODS,
    "access-control-max-age": "600",
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
  const requested = req.headers.get("access-control-request-headers");
  if (requested !== null && requested.length <= 1024 && HEADER_LIST.test(requested.trim())) {
    headers["access-control-allow-headers"] = requested.trim();
  }
  return new Response(null, { status: 204, headers });
}

/** `response` with the CORS headers an allowed `Origin` gets (unchanged without one). */
export function withCors(req: Request, response: Response, policy: BrowserPolicy): Response {
  const origin = req.headers.get("origin");
  if (origin === null || !originAllowed(origin, policy.corsOrigins)) return response;
  const extra: Record<string, string> = {
    "access-control-allow-origin": origin,
    "access-control-expose-headers": EXPOSED,
  };
  try {
    for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
    response.headers.append("vary", "Origin");
    return response;
  } catch {
    // Immutable headers (Response.redirect and the like): copy.
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    headers.append("vary", "Origin");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

function isIpLiteral(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || (host.startsWith("[") && host.endsWith("]"));
}

/** True when `hostname` (of the request URL, i.e. its Host) is one the sandbox is known by. */
export function hostAllowed(hostname: string, policy: BrowserPolicy): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost") || isIpLiteral(host)) return true;
  if (host === policy.inProcessHost) return true;
  return policy.allowedHosts.some((h) => h.toLowerCase() === host);
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/** Refuses a control-plane request whose `Host` the sandbox is not known by (DNS rebinding). */
export function checkHost(url: URL, policy: BrowserPolicy): void {
  if (hostAllowed(url.hostname, policy)) return;
  throw new SandboxError({
    status: 403,
    detail:
      `The control plane answers only requests addressed to the sandbox itself (Host '${url.host}' is not ` +
      "localhost, an IP address or one of the allowedHosts option).",
  });
}

/**
 * Refuses a control-plane request a web page could have made: a `Host` the sandbox is not known by
 * (DNS rebinding), a cross-site `Origin` / `Sec-Fetch-Site`, or a POST that is a CORS "simple"
 * request (no JSON content type, no `X-MPT-Sandbox` header, not the operations token).
 */
export function guardControlPlane(
  req: Request,
  url: URL,
  policy: BrowserPolicy,
  isOperationsToken: (authorization: string | null) => boolean,
): void {
  checkHost(url, policy);
  if (req.method === "GET" || req.method === "HEAD") return;
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  if ((origin !== null && origin !== url.origin) || site === "cross-site" || site === "same-site") {
    throw new SandboxError({
      status: 403,
      detail: `The control plane refuses requests from web pages of another origin (${origin ?? site}).`,
    });
  }
  if (req.method !== "POST") return;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const formLike = type === "" || FORM_TYPES.includes(type);
  if (formLike && !req.headers.has(CONTROL_HEADER) && !isOperationsToken(req.headers.get("authorization"))) {
    throw new SandboxError({
      status: 403,
      detail:
        "A POST to /_sandbox/ needs 'Content-Type: application/json', an 'X-MPT-Sandbox' header or the " +
        "operations token (so a web page cannot send it as a form).",
    });
  }
}
