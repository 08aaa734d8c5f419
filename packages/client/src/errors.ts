/**
 * The error tree of the client. Everything the library throws on purpose is an `MPTError`;
 * HTTP answers map to `MPTHttpError` (any body) or `MPTAPIError` (a ProblemDetails body).
 * Messages never contain tokens or secrets.
 */

export class MPTError extends Error {
  override name = "MPTError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An HTTP answer with a non-success status. `body` is the response text. */
export class MPTHttpError extends MPTError {
  override name = "MPTHttpError";
  readonly statusCode: number;
  readonly body: string;
  constructor(statusCode: number, message: string, body: string, options?: { cause?: unknown }) {
    super(message, options);
    this.statusCode = statusCode;
    this.body = body;
  }
}

/** Field errors of a ProblemDetails body: a field map, or a list of business-rule errors. */
export type MPTAPIErrorDetails =
  | Record<string, string[] | string>
  | Array<{ message: string; properties?: string[]; id?: string; parameters?: Record<string, unknown> }>;

/** An HTTP error whose body is a ProblemDetails (or gateway `{statusCode, message}`) JSON object. */
export class MPTAPIError extends MPTHttpError {
  override name = "MPTAPIError";
  readonly payload: Record<string, unknown>;
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly traceId: string | undefined;
  readonly errors: MPTAPIErrorDetails | undefined;
  constructor(init: {
    statusCode: number;
    body: string;
    payload: Record<string, unknown>;
    status: number;
    title: string;
    detail: string;
    traceId?: string | undefined;
    errors?: MPTAPIErrorDetails | undefined;
  }) {
    const trace = init.traceId ? ` (${init.traceId})` : "";
    const detail = init.detail ? ` - ${init.detail}` : "";
    super(init.statusCode, `${init.status} ${init.title}${detail}${trace}`, init.body);
    this.payload = init.payload;
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.traceId = init.traceId;
    this.errors = init.errors;
  }
}

/** Every retry of a request failed; `cause` is the last failure. */
export class MPTMaxRetryError extends MPTError {
  override name = "MPTMaxRetryError";
  readonly attempts: number;
  constructor(message: string, attempts: number, cause: unknown) {
    super(message, { cause });
    this.attempts = attempts;
  }
}

/** A request (or the first byte of a stream) took longer than its time budget. */
export class MPTTimeoutError extends MPTError {
  override name = "MPTTimeoutError";
  readonly method: string;
  readonly path: string;
  readonly timeout: number;
  constructor(method: string, path: string, timeout: number, phase = "request") {
    super(`${method} ${path} timed out after ${timeout} ms (${phase})`);
    this.method = method;
    this.path = path;
    this.timeout = timeout;
  }
}

/** The connection failed (refused, reset, DNS) before a complete answer arrived. */
export class MPTConnectionError extends MPTError {
  override name = "MPTConnectionError";
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
