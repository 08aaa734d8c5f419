/**
 * Classification of transport failures. undici rejects with `TypeError("fetch failed")` whose
 * `cause` (possibly an AggregateError) carries a system `code`; codes of the connect phase
 * prove the request never left, which makes even a POST safe to send again. Some failures can
 * never succeed on a retry (a forbidden port, an invalid URL, a TLS certificate error, response
 * headers too large): they fail at once.
 */

/** Codes meaning no byte of the request reached the server. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** Codes of failures that a retry cannot fix. */
const PERMANENT_CODES = new Set([
  "ERR_INVALID_URL",
  "ERR_INVALID_ARG_TYPE",
  "ERR_INVALID_ARG_VALUE",
  "ERR_INVALID_HTTP_TOKEN",
  "ERR_INVALID_CHAR",
  "ERR_UNESCAPED_CHARACTERS",
  "UND_ERR_INVALID_ARG",
  "UND_ERR_NOT_SUPPORTED",
  "UND_ERR_HEADERS_OVERFLOW",
  "HPE_HEADER_OVERFLOW",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_SIGNATURE_FAILURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "HOSTNAME_MISMATCH",
]);

/** Messages (of the error or its causes) of permanent failures that carry no code. */
const PERMANENT_MESSAGES = [/^bad port$/i, /^Failed to parse URL/i, /^Invalid URL/i, /unsupported protocol/i];

interface WithCode {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Every error code found on `error`, its `cause` chain and AggregateError members. */
export function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    const node = value as WithCode;
    if (typeof node.code === "string") codes.push(node.code);
    visit(node.cause, depth + 1);
    if (Array.isArray(node.errors)) for (const inner of node.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return codes;
}

/** Failures a transport proved happened before any byte of the request left (see markUnsent). */
const unsentFailures = new WeakSet<object>();

/** Records that `error` happened before any byte of the request was handed to the socket. */
export function markUnsent<E extends object>(error: E): E {
  unsentFailures.add(error);
  return error;
}

/** True when the failure provably happened before the request was sent. */
export function failedBeforeSending(error: unknown): boolean {
  if (typeof error === "object" && error !== null && unsentFailures.has(error)) return true;
  const codes = errorCodes(error);
  return codes.length > 0 && codes.every((code) => NOT_SENT_CODES.has(code));
}

/** Every message on `error` and its `cause` chain. */
function errorMessages(error: unknown): string[] {
  const messages: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages;
}

/** True when sending the same request again cannot succeed. */
export function isPermanentFailure(error: unknown): boolean {
  if (errorCodes(error).some((code) => PERMANENT_CODES.has(code))) return true;
  return errorMessages(error).some((message) => PERMANENT_MESSAGES.some((pattern) => pattern.test(message)));
}

/** A short description such as `ECONNREFUSED` or the error message, for error texts. */
export function describeNetworkFailure(error: unknown): string {
  const code = errorCodes(error)[0];
  if (code) return code;
  const permanent = errorMessages(error).find((m) => PERMANENT_MESSAGES.some((p) => p.test(m)));
  if (permanent) return permanent;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
