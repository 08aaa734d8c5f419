/**
 * The error tree of the client. Everything the library throws on purpose is an `MPTError`;
 * HTTP answers map to `MPTHttpError` (any body) or `MPTAPIError` (a ProblemDetails body, one
 * subclass per common status). No view of an error (message, stack, fields, `util.inspect`,
 * `JSON.stringify`) contains a credential: the transport redacts before it builds them.
 */

export class MPTError extends Error {
  override name = "MPTError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The request an HTTP error answers: method and full URL (query included), credentials redacted. */
export interface MPTRequestInfo {
  method: string;
  url: string;
}

/** What an HTTP error may carry beside its status and body. */
export interface MPTHttpErrorOptions {
  cause?: unknown;
  /** Response headers (lower-case names), credentials redacted. */
  headers?: Record<string, string> | undefined;
  request?: MPTRequestInfo | undefined;
  traceId?: string | undefined;
}

/** `METHOD /path` of a request (no origin, no query string), for messages. */
export function describeRequest(request: MPTRequestInfo): string {
  const path = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "").replace(/[?#].*$/s, "");
  return `${request.method} ${path || "/"}`;
}

/**
 * An HTTP answer with a non-success status. `body` is the response text, `headers` the response
 * headers and `request` the request it answers (all with credentials redacted).
 */
export class MPTHttpError extends MPTError {
  override name = "MPTHttpError";
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Record<string, string>;
  readonly request: MPTRequestInfo | undefined;
  readonly traceId: string | undefined;
  constructor(statusCode: number, message: string, body: string, options: MPTHttpErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.statusCode = statusCode;
    this.body = body;
    this.headers = options.headers ?? {};
    this.request = options.request;
    this.traceId = options.traceId;
  }
}

/** Field errors of a ProblemDetails body: a field map, or a list of business-rule errors. */
export type MPTAPIErrorDetails =
  | Record<string, string[] | string>
  | Array<{ message: string; properties?: string[]; id?: string; parameters?: Record<string, unknown> }>;

/** How many field errors a message lists before "and N more". */
const LISTED_FIELD_ERRORS = 3;

/** `name: The Name field is required.; type: ...; and 2 more`, or "" without field errors. */
export function summariseFieldErrors(errors: MPTAPIErrorDetails | undefined): string {
  if (!errors) return "";
  const items = Array.isArray(errors)
    ? errors.map((e) => (e.properties?.length ? `${e.properties.join(", ")}: ${e.message}` : e.message))
    : Object.entries(errors).map(
        ([field, messages]) => `${field}: ${Array.isArray(messages) ? messages.join(" ") : messages}`,
      );
  if (items.length === 0) return "";
  const listed = items.slice(0, LISTED_FIELD_ERRORS).join("; ");
  const more = items.length - LISTED_FIELD_ERRORS;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

/** What `MPTAPIError` and its subclasses are built from (already redacted). */
export interface MPTAPIErrorInit {
  statusCode: number;
  body: string;
  payload: Record<string, unknown>;
  status: number;
  title: string;
  detail: string;
  traceId?: string | undefined;
  errors?: MPTAPIErrorDetails | undefined;
  headers?: Record<string, string> | undefined;
  request?: MPTRequestInfo | undefined;
}

/**
 * An HTTP error whose body is a ProblemDetails (or gateway `{statusCode, message}`) JSON object.
 * The message reads `METHOD /path: 400 Title - detail [field: message; ...] (traceId)`.
 */
export class MPTAPIError extends MPTHttpError {
  override name = "MPTAPIError";
  readonly payload: Record<string, unknown>;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: MPTAPIErrorDetails | undefined;
  constructor(init: MPTAPIErrorInit) {
    const subject = init.request ? `${describeRequest(init.request)}: ` : "";
    const detail = init.detail && init.detail !== init.title ? ` - ${init.detail}` : "";
    const fields = summariseFieldErrors(init.errors);
    const trace = init.traceId ? ` (${init.traceId})` : "";
    super(
      init.statusCode,
      `${subject}${init.status} ${init.title}${detail}${fields ? ` [${fields}]` : ""}${trace}`,
      init.body,
      { headers: init.headers, request: init.request, traceId: init.traceId },
    );
    this.payload = init.payload;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
  }
}

/** 400: the request was malformed or failed validation (see `errors`). */
export class MPTBadRequestError extends MPTAPIError {
  override name = "MPTBadRequestError";
}

/** 401: the credentials are missing, invalid, expired or revoked. */
export class MPTUnauthorizedError extends MPTAPIError {
  override name = "MPTUnauthorizedError";
}

/** 403: the credentials do not allow this call. */
export class MPTPermissionDeniedError extends MPTAPIError {
  override name = "MPTPermissionDeniedError";
}

/** 404: no such resource (or not visible to these credentials). */
export class MPTNotFoundError extends MPTAPIError {
  override name = "MPTNotFoundError";
}

/** 409: the request conflicts with the resource's current state. */
export class MPTConflictError extends MPTAPIError {
  override name = "MPTConflictError";
}

/** 422: the request was understood but its content cannot be processed. */
export class MPTUnprocessableEntityError extends MPTAPIError {
  override name = "MPTUnprocessableEntityError";
}

/** 429: too many requests; `headers["retry-after"]` says when to try again. */
export class MPTRateLimitError extends MPTAPIError {
  override name = "MPTRateLimitError";
}

/** 5xx: the server failed. */
export class MPTServerError extends MPTAPIError {
  override name = "MPTServerError";
}

/** The `MPTAPIError` class for an HTTP status: one subclass per common status. */
export function apiErrorClassFor(status: number): typeof MPTAPIError {
  switch (status) {
    case 400:
      return MPTBadRequestError;
    case 401:
      return MPTUnauthorizedError;
    case 403:
      return MPTPermissionDeniedError;
    case 404:
      return MPTNotFoundError;
    case 409:
      return MPTConflictError;
    case 422:
      return MPTUnprocessableEntityError;
    case 429:
      return MPTRateLimitError;
    default:
      return status >= 500 && status <= 599 ? MPTServerError : MPTAPIError;
  }
}

/**
 * A retried HTTP status (429, 502, 503, 504) was still answered when the retries ran out;
 * `cause` is the last answer's error. Timeouts and connection failures are not wrapped: they
 * stay `MPTTimeoutError` / `MPTConnectionError` with `attempts`.
 */
export class MPTMaxRetryError extends MPTError {
  override name = "MPTMaxRetryError";
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: unknown) {
    super(message, { cause });
    this.attempts = attempts;
  }
}

/**
 * A request (or the first byte of a stream, or the next byte of a stream that went silent) took
 * longer than its time budget. `attempts` counts the attempts made, each of which timed out.
 */
export class MPTTimeoutError extends MPTError {
  override name = "MPTTimeoutError";
  readonly method: string;
  readonly path: string;
  readonly timeout: number;
  readonly phase: string;
  readonly attempts: number;
  constructor(
    method: string,
    path: string,
    timeout: number,
    phase = "request",
    options: { attempts?: number; cause?: unknown } = {},
  ) {
    const attempts = options.attempts ?? 1;
    const each = attempts > 1 ? `, each of ${attempts} attempts` : "";
    super(
      `${method} ${path} timed out after ${timeout} ms (${phase}${each})`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.method = method;
    this.path = path;
    this.timeout = timeout;
    this.phase = phase;
    this.attempts = attempts;
  }

  /** @internal The same timeout, counted over `attempts` attempts. */
  withAttempts(attempts: number): MPTTimeoutError {
    return new MPTTimeoutError(this.method, this.path, this.timeout, this.phase, {
      attempts,
      cause: this.cause,
    });
  }
}

/**
 * The connection failed (refused, reset, DNS, TLS) before a complete answer arrived. `attempts`
 * counts the attempts made; the message ends with "after N attempts" when there were several.
 */
export class MPTConnectionError extends MPTError {
  override name = "MPTConnectionError";
  readonly attempts: number;
  constructor(message: string, options: { cause?: unknown; attempts?: number } = {}) {
    const attempts = options.attempts ?? 1;
    super(
      attempts > 1 ? `${message} after ${attempts} attempts` : message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.attempts = attempts;
  }

  /** @internal The same failure, counted over `attempts` attempts. */
  withAttempts(attempts: number): MPTConnectionError {
    return new MPTConnectionError(this.message, { cause: this.cause, attempts });
  }
}

/** Which limit a response broke. */
export type MPTLimitName = "maxResponseBytes" | "maxLineBytes";

/**
 * A response was larger than the client accepts: a buffered body (error bodies included, after
 * decompression) above `maxResponseBytes`, or one JSONL record above `maxLineBytes`. Never
 * retried; reading stops as soon as the limit is passed.
 */
export class MPTResponseTooLargeError extends MPTError {
  override name = "MPTResponseTooLargeError";
  readonly limitName: MPTLimitName;
  readonly limit: number;
  readonly method: string;
  readonly path: string;
  /** The JSONL line number (1-based) for `maxLineBytes`. */
  readonly line: number | undefined;
  /** The status of the answer whose body was too large. */
  readonly statusCode: number | undefined;
  constructor(init: {
    limitName: MPTLimitName;
    limit: number;
    method: string;
    path: string;
    line?: number | undefined;
    statusCode?: number | undefined;
    hint?: string | undefined;
  }) {
    const what =
      init.line !== undefined
        ? `line ${init.line} of the stream is longer than`
        : `the ${init.statusCode !== undefined && (init.statusCode < 200 || init.statusCode > 299) ? `${init.statusCode} ` : ""}response body is larger than`;
    const hint = init.hint ?? `raise ${init.limitName} (client option or per request) if this is expected`;
    super(`${init.method} ${init.path}: ${what} ${init.limitName} (${init.limit} bytes); ${hint}`);
    this.limitName = init.limitName;
    this.limit = init.limit;
    this.method = init.method;
    this.path = init.path;
    this.line = init.line;
    this.statusCode = init.statusCode;
  }
}

/** Base of failures of the platform's streaming read mode. */
export class MPTStreamingError extends MPTError {
  override name = "MPTStreamingError";
}

/** The server answered without echoing `MPT-Streaming: true`. */
export class MPTStreamingNotEnabledError extends MPTStreamingError {
  override name = "MPTStreamingNotEnabledError";
  readonly path: string;
  readonly echoedValue: string | null;
  constructor(path: string, echoedValue: string | null) {
    super(
      `Streaming read mode is not enabled for ${path}: the response echoed MPT-Streaming: ${echoedValue ?? "(absent)"}`,
    );
    this.path = path;
    this.echoedValue = echoedValue;
  }
}

/** A JSONL stream broke: a malformed line, or the body ended in the middle of a record. */
export class MPTStreamError extends MPTStreamingError {
  override name = "MPTStreamError";
  readonly line: number | undefined;
  constructor(message: string, line?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.line = line;
  }
}

/** Invalid RQL: the builder was given a value it cannot express, or a filter string does not parse. */
export class RQLError extends MPTError {
  override name = "RQLError";
}

/**
 * Getting credentials failed before the request could be sent, e.g. the installation token
 * request of `ExtensionFrameworkAuthentication` was refused. `statusCode` is the token
 * endpoint's status when it answered; `cause` is the mapped HTTP or connection error.
 */
export class MPTAuthenticationError extends MPTError {
  override name = "MPTAuthenticationError";
  readonly statusCode: number | undefined;
  constructor(message: string, statusCode?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.statusCode = statusCode;
  }
}

/** Fields shared by the errors raised when the server refuses to open a stream. */
interface StreamingRefusal {
  statusCode: number;
  body: string;
  path: string;
  /** The mapped HTTP error (`MPTAPIError` or `MPTHttpError`). */
  cause: MPTHttpError;
}

/** Opening a stream was refused with an HTTP status; `statusCode`, `body` and `path` say how. */
export class MPTStreamingRefusedError extends MPTStreamingError {
  override name = "MPTStreamingRefusedError";
  readonly statusCode: number;
  readonly body: string;
  readonly path: string;
  constructor(init: StreamingRefusal, refusal: string) {
    super(`Streaming read mode is ${refusal} for ${init.path}: ${init.cause.message}`, { cause: init.cause });
    this.statusCode = init.statusCode;
    this.body = init.body;
    this.path = init.path;
  }
}

/** Opening a stream was answered 501: the endpoint has no streaming read mode. */
export class MPTStreamingNotSupportedError extends MPTStreamingRefusedError {
  override name = "MPTStreamingNotSupportedError";
  constructor(init: StreamingRefusal) {
    super(init, "not supported");
  }
}

/** Opening a stream was answered 406: the server cannot produce the requested representation. */
export class MPTStreamingNotAcceptableError extends MPTStreamingRefusedError {
  override name = "MPTStreamingNotAcceptableError";
  constructor(init: StreamingRefusal) {
    super(init, "not acceptable");
  }
}
