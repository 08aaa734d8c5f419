/**
 * Redaction of credentials from anything that may be logged, printed or put into an error:
 * the credential values the client knows (tokens, their secret parts, URL-encoded and
 * JSON-escaped forms, extension secrets, every installation token obtained), then patterns for
 * what it does not know: `Authorization` values, bearer tokens, `idt:TKN-…:<secret>` API tokens,
 * JWTs and JSON `token`/`secret` fields.
 */

const MASK = "[REDACTED]";

/** Known values shorter than this are not masked (they would mask ordinary words). */
const MIN_KNOWN_LENGTH = 8;

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // JWT-looking strings (base64url JSON header `{"` = eyJ)
  [/eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, MASK],
  // opaque API tokens: keep the token id, drop the secret
  [/(idt:TKN-[0-9A-Za-z-]+:)[^\s"'`,;&<>)]+/g, `$1${MASK}`],
  // the same, URL-encoded (`idt%3ATKN-…%3A<secret>`)
  [/(idt%3ATKN-[0-9A-Za-z-]+%3A)[^\s"'`,;&<>)]+/gi, `$1${MASK}`],
  // `Bearer <anything>`
  [/\b(Bearer)(\s+|%20|\+)(?!\[REDACTED\])[^\s"'`,;<>&]+/gi, `$1$2${MASK}`],
  // `Authorization: value` / `"authorization": "value"` / `authorization=value`
  [/(\bauthorization["']?\s*[:=]\s*["']?)(?!\s|Bearer \[REDACTED\]|\[REDACTED\])[^"'\r\n,}]+/gi, `$1${MASK}`],
  // URL query parameters that hold credentials (SAS signatures, presigned URLs, tokens)
  [
    /([?&](?:sig|signature|token|access_token|api[_-]?key|secret|password|x-amz-signature|x-amz-security-token|x-amz-credential)=)[^&#\s"'<>]+/gi,
    `$1${MASK}`,
  ],
  // JSON fields that hold credentials
  [
    /("(?:token|secret|password|access_token|refresh_token|apiKey|api_key)"\s*:\s*")(?:[^"\\]|\\.)*"/gi,
    `$1${MASK}"`,
  ],
];

/**
 * Every form in which a credential value may come back: the value, without `Bearer `, the
 * secret part of an `idt:TKN-…:<secret>` token, and each of these URL-encoded, form-encoded and
 * JSON-escaped. Longest first, short ones dropped.
 */
export function credentialForms(values: Iterable<string | null | undefined>): string[] {
  const forms = new Set<string>();
  for (const value of values) {
    if (typeof value !== "string") continue;
    const bare = value.trim().replace(/^Bearer\s+/i, "");
    const secret = /^idt:TKN-[0-9A-Za-z-]+:(.+)$/.exec(bare)?.[1];
    for (const base of [value.trim(), bare, secret]) {
      if (base === undefined) continue;
      forms.add(base);
      forms.add(encodeURIComponent(base));
      forms.add(encodeURIComponent(base).replace(/%20/g, "+"));
      forms.add(JSON.stringify(base).slice(1, -1));
    }
  }
  return [...forms].filter((form) => form.length >= MIN_KNOWN_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * Returns `text` with every credential-looking substring masked and, when given, every form of
 * the `credentials` values (the value, its secret part, URL-encoded and JSON-escaped).
 */
export function redact(text: string, credentials?: Iterable<string>): string {
  return redactForms(text, credentials === undefined ? undefined : credentialForms(credentials));
}

/** `redact` with the forms of the known credentials computed already (see `credentialForms`). */
export function redactForms(text: string, known?: readonly string[]): string {
  let out = text;
  if (known) for (const form of known) if (out.includes(form)) out = out.split(form).join(MASK);
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

const SECRET_HEADER = /^(?:proxy-)?authorization$|^(?:set-)?cookie$/i;

/** Copies headers into a plain object, masking `Authorization`/`Proxy-Authorization` and cookies. */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  known?: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries)
    out[name] = SECRET_HEADER.test(name) ? MASK : redactForms(value, known);
  return out;
}

/** Redacts every string inside a JSON-like value (for logger fields). */
export function redactValue(value: unknown, known?: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactForms(value, known);
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (value instanceof Headers) return redactHeaders(value, known);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, known, depth + 1));
  if (value instanceof Error) return redactForms(`${value.name}: ${value.message}`, known);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = /^(?:proxy-)?authorization$|^secret$|^token$/i.test(key)
      ? MASK
      : redactValue(item, known, depth + 1);
  }
  return out;
}

/**
 * Redaction bound to the credential values a client holds. `source` is asked on each use, so
 * tokens obtained later (installation tokens) are covered; the forms are cached per value set.
 */
export class Redactor {
  readonly #source: () => Iterable<string | null | undefined>;
  #key = "";
  #forms: string[] = [];

  constructor(source: () => Iterable<string | null | undefined>) {
    this.#source = source;
  }

  /** The known forms, longest first. */
  get known(): readonly string[] {
    const values = [...this.#source()].filter((v): v is string => typeof v === "string");
    const key = values.join("\n");
    if (key !== this.#key) {
      this.#key = key;
      this.#forms = credentialForms(values);
    }
    return this.#forms;
  }

  text(text: string): string {
    return redactForms(text, this.known);
  }

  headers(headers: Headers | Record<string, string>): Record<string, string> {
    return redactHeaders(headers, this.known);
  }

  value(value: unknown): unknown {
    return redactValue(value, this.known);
  }

  /**
   * A copy of a network failure with its messages, stack and string fields redacted, down its
   * `cause` chain and AggregateError members (what a connection error keeps as its `cause`);
   * the class and error codes stay, so the failure can still be told apart. Non-errors pass.
   */
  error(error: unknown, depth = 0): unknown {
    if (!(error instanceof Error) || depth > 4) return error;
    const copy = errorLike(error, this.text(error.message));
    const own = (key: string, value: unknown) =>
      Object.defineProperty(copy, key, { value, writable: true, configurable: true });
    if (copy.name !== error.name) own("name", error.name);
    if (error.stack !== undefined) own("stack", this.text(error.stack));
    const fields = error as unknown as Record<string, unknown>;
    for (const key of Object.keys(error)) {
      const value = fields[key];
      if (typeof value === "string") own(key, this.text(value));
      else if (typeof value === "number" || typeof value === "boolean") own(key, value);
    }
    if (error.cause !== undefined) own("cause", this.error(error.cause, depth + 1));
    if (error instanceof AggregateError) {
      own(
        "errors",
        error.errors.map((inner: unknown) => this.error(inner, depth + 1)),
      );
    }
    return copy;
  }

  /** A redactor that also knows `more` (e.g. a request's own `Authorization` header). */
  with(more: Iterable<string | null | undefined>): Redactor {
    const extra = [...more];
    return new Redactor(() => [...this.#source(), ...extra]);
  }
}

/** An empty error of the same class as `error` carrying `message`. */
function errorLike(error: Error, message: string): Error {
  if (typeof DOMException !== "undefined" && error instanceof DOMException) {
    return new DOMException(message, error.name);
  }
  const copy = Object.create(Object.getPrototypeOf(error)) as Error;
  Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true });
  return copy;
}

/** Redaction by patterns only (no known values). */
export const PATTERN_REDACTOR = new Redactor(() => []);
