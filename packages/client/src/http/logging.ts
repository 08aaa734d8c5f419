/** Debug and warning lines for the logger option; every message and field is redacted first. */
import { type Redactor, redact, redactValue } from "./redact.js";
import type { Logger } from "./types.js";

function fieldsOf(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return fields === undefined ? undefined : (redactValue(fields) as Record<string, unknown>);
}

/** Calls `logger.debug` with redacted text; a throwing logger never breaks a request. */
export function logDebug(
  logger: Logger | undefined,
  message: string,
  fields?: Record<string, unknown>,
): void {
  if (!logger) return;
  try {
    logger.debug(redact(message), fieldsOf(fields));
  } catch {
    // logging must not change the outcome of a request
  }
}

/** Calls `logger.warn` (or `debug` when the logger has no `warn`) with redacted text. */
export function logWarn(logger: Logger | undefined, message: string, fields?: Record<string, unknown>): void {
  if (!logger) return;
  try {
    (logger.warn ?? logger.debug).call(logger, redact(message), fieldsOf(fields));
  } catch {
    // logging must not change the outcome of a request
  }
}

/**
 * The user's logger behind a filter that masks the credential values `redactor` knows (and
 * credential patterns) in every message and field, whoever logs through it.
 */
export function redactingLogger(logger: Logger | undefined, redactor: Redactor): Logger | undefined {
  if (!logger) return undefined;
  const fields = (value: Record<string, unknown> | undefined) =>
    value === undefined ? undefined : (redactor.value(value) as Record<string, unknown>);
  const out: Logger = {
    debug: (message, extra) => logger.debug(redactor.text(message), fields(extra)),
  };
  const warn = logger.warn;
  if (warn) out.warn = (message, extra) => warn.call(logger, redactor.text(message), fields(extra));
  return out;
}
