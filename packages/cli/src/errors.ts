/**
 * Exit codes and error reports. Every failure becomes one to a few lines on stderr and an exit
 * code that tells what kind of failure it was:
 *
 *   0  success
 *   1  other failure (unexpected errors, a file that cannot be written, ...)
 *   2  usage: unknown command or option, missing argument, invalid RQL, invalid --data JSON,
 *      missing configuration (no base URL or token)
 *   3  the API answered with an error (4xx / 5xx): title, detail, field errors and trace id
 *   4  network: the API could not be reached, the connection broke, or a request timed out
 *   130 interrupted (Ctrl+C)
 *
 * Every line is redacted by the credentials in use (each form: the token, its secret part,
 * URL-encoded) and by credential patterns before it is printed.
 */
import {
  MPTAPIError,
  type MPTAPIErrorDetails,
  MPTAuthenticationError,
  MPTConnectionError,
  MPTError,
  MPTHttpError,
  MPTMaxRetryError,
  MPTTimeoutError,
  RQLError,
  redact,
} from "mpt-api-client";

export const EXIT = { ok: 0, failure: 1, usage: 2, api: 3, network: 4, interrupted: 130 } as const;

/** A mistake in how the command was called or configured (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A failure already reported elsewhere that only needs its exit code. */
export class ExitError extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export interface ErrorReport {
  code: number;
  lines: string[];
}

/**
 * Exit code and stderr lines for any thrown value, with `secrets` (the tokens in use) and
 * anything that looks like a credential masked.
 */
export function reportError(error: unknown, debug: boolean, secrets: Iterable<string> = []): ErrorReport {
  const known = [...secrets];
  const report = describeError(error, debug);
  return { code: report.code, lines: report.lines.map((line) => redact(line, known)) };
}

function describeError(error: unknown, debug: boolean): ErrorReport {
  if (error instanceof ExitError) return { code: error.code, lines: [] };
  if (error instanceof UsageError) return { code: EXIT.usage, lines: [`mpt: ${error.message}`] };
  if (error instanceof RQLError) return { code: EXIT.usage, lines: [`mpt: invalid RQL: ${error.message}`] };
  if (error instanceof MPTMaxRetryError && error.cause !== undefined) {
    const inner = describeError(error.cause, debug);
    return { code: inner.code, lines: [...inner.lines, `  (gave up after ${error.attempts} attempts)`] };
  }
  if (error instanceof MPTAPIError) return { code: EXIT.api, lines: apiErrorLines(error) };
  if (error instanceof MPTHttpError) {
    const body = error.body.trim().replace(/\s+/g, " ").slice(0, 300);
    return { code: EXIT.api, lines: [`mpt: ${error.message}`, ...(body ? [`  ${body}`] : [])] };
  }
  if (error instanceof MPTAuthenticationError) {
    return {
      code: error.statusCode === undefined ? EXIT.network : EXIT.api,
      lines: [`mpt: ${error.message}`],
    };
  }
  if (error instanceof MPTConnectionError || error instanceof MPTTimeoutError) {
    return { code: EXIT.network, lines: [`mpt: ${error.message}`] };
  }
  if (error instanceof MPTError) return { code: EXIT.failure, lines: [`mpt: ${error.message}`] };
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? [error.stack] : [];
  return { code: EXIT.failure, lines: [`mpt: ${message}`, ...stack] };
}

/** `404 Not Found: detail`, then one line per field error, then the trace id. */
function apiErrorLines(error: MPTAPIError): string[] {
  const title = error.title.replace(/\.$/, "");
  const detail = error.detail && error.detail !== error.title ? `: ${error.detail}` : "";
  const head = `mpt: ${error.status} ${title}${detail}`;
  const lines = [head, ...fieldErrorLines(error.errors)];
  if (error.traceId) lines.push(`  trace id: ${error.traceId}`);
  return lines;
}

function fieldErrorLines(errors: MPTAPIErrorDetails | undefined): string[] {
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map((e) => `  ${e.properties?.length ? `${e.properties.join(", ")}: ` : ""}${e.message}`);
  }
  return Object.entries(errors).map(
    ([field, messages]) => `  ${field}: ${Array.isArray(messages) ? messages.join("; ") : messages}`,
  );
}
