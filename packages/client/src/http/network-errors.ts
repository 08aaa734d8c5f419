/**
 * Classification of transport failures. undici rejects with `TypeError("fetch failed")` whose
 * `cause` (possibly an AggregateError) carries a system `code`; codes of the connect phase
 * prove the request never left, which makes even a POST safe to send again.
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

/** A short description such as `ECONNREFUSED` or the error message, for error texts. */
export function describeNetworkFailure(error: unknown): string {
  const code = errorCodes(error)[0];
  if (code) return code;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
