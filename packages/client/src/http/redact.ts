/**
 * Redaction of credentials from anything that may be logged or put into an error message:
 * `Authorization` values, bearer tokens, `idt:TKN-…:<secret>` API tokens, JWTs and JSON
 * `token`/`secret` fields.
 */

const MASK = "[REDACTED]";

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // JWT-looking strings (base64url JSON header `{"` = eyJ)
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, MASK],
  // opaque API tokens: keep the token id, drop the secret
  [/(idt:TKN-[0-9A-Za-z-]+:)[^\s"'`,;&<>)]+/g, `$1${MASK}`],
  // `Bearer <anything>`
  [/\b(Bearer)\s+(?!\[REDACTED\])[^\s"'`,;<>]+/gi, `$1 ${MASK}`],
  // `Authorization: value` / `"authorization": "value"` / `authorization=value`
  [/(\bauthorization["']?\s*[:=]\s*["']?)(?!\s|Bearer \[REDACTED\]|\[REDACTED\])[^"'\r\n,}]+/gi, `$1${MASK}`],
  // JSON fields that hold credentials
  [
    /("(?:token|secret|password|access_token|refresh_token|apiKey|api_key)"\s*:\s*")(?:[^"\\]|\\.)*"/gi,
    `$1${MASK}"`,
  ],
];

/** Returns `text` with every credential-looking substring masked. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Copies headers into a plain object, masking `Authorization`/`Proxy-Authorization` and cookies. */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    out[name] = /^(?:proxy-)?authorization$|^(?:set-)?cookie$/i.test(name) ? MASK : redact(value);
  }
  return out;
}

/** Redacts every string inside a JSON-like value (for logger fields). */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redact(value);
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (value instanceof Headers) return redactHeaders(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = /^(?:proxy-)?authorization$|^secret$|^token$/i.test(key) ? MASK : redactValue(item, depth + 1);
  }
  return out;
}
