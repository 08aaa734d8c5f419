/**
 * Log lines of the transport: the level (`logLevel` option, else `MPT_LOG`), the default logger
 * that `MPT_LOG` turns on (stderr through `console.error`), the filter that masks the credential
 * values the client knows, and the calls that redact every message and field first. Levels:
 * `debug` (every attempt, retry and credential replay), `info` (one line per attempt: method, path
 * with query, status, attempt, elapsed), `warn`, `off`.
 */
import { MPTError } from "../errors.js";
import { readEnv } from "./env.js";
import { type Redactor, redact, redactValue } from "./redact.js";
import type { Logger } from "./types.js";

export const LOG_LEVELS = ["debug", "info", "warn", "off"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const isLevel = (v: unknown): v is LogLevel => (LOG_LEVELS as readonly unknown[]).includes(v);

/** Writes to stderr through the console (also where there is no process). */
const consoleLogger: Logger = {
  debug: (message, fields) => console.error(`[mpt] ${message}`, ...(fields ? [fields] : [])),
  warn: (message, fields) => console.error(`[mpt] warning: ${message}`, ...(fields ? [fields] : [])),
};

/**
 * The logger the transport uses: `logger` (or the console when only a level turns logging on),
 * filtered to `level`, else to `MPT_LOG`; a logger given without any level logs everything.
 * @throws MPTError for an unknown level (`MPT_LOG=verbose`).
 */
export function resolveLogger(logger: Logger | undefined, level: LogLevel | undefined): Logger | undefined {
  if (level !== undefined && !isLevel(level)) {
    throw new MPTError(`Invalid logLevel ${JSON.stringify(level)}: expected one of ${LOG_LEVELS.join(", ")}`);
  }
  const env = readEnv("MPT_LOG")?.trim().toLowerCase();
  if (env && !isLevel(env)) {
    throw new MPTError(`Invalid MPT_LOG=${JSON.stringify(env)}: expected one of ${LOG_LEVELS.join(", ")}`);
  }
  const chosen: LogLevel = level ?? (env as LogLevel | undefined) ?? (logger ? "debug" : "off");
  if (chosen === "off") return undefined;
  const base = logger ?? consoleLogger;
  const rank = LOG_LEVELS.indexOf(chosen);
  const on = (l: LogLevel) => LOG_LEVELS.indexOf(l) >= rank;
  const out: Logger = {
    debug: (m, f) => {
      if (on("debug")) base.debug(m, f);
    },
  };
  if (on("info")) out.info = (m, f) => (base.info ?? base.debug).call(base, m, f);
  out.warn = (m, f) => (base.warn ?? base.debug).call(base, m, f);
  return out;
}

/** `path?query` with the values of credential-looking query parameters masked. */
export function redactQuery(target: string): string {
  return target.replace(
    /([?&](?:token|secret|password|access_token|refresh_token|api_?key|code)=)[^&#\s]*/gi,
    "$1[REDACTED]",
  );
}

/** Calls `logger.info` (or `debug` when it has no `info`) with redacted text. */
export function logInfo(logger: Logger | undefined, message: string, fields?: Record<string, unknown>): void {
  if (!logger) return;
  try {
    (logger.info ?? logger.debug).call(logger, redact(message), fieldsOf(fields));
  } catch {
    // logging must not change the outcome of a request
  }
}

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
  const { info, warn } = logger;
  if (info) out.info = (message, extra) => info.call(logger, redactor.text(message), fields(extra));
  if (warn) out.warn = (message, extra) => warn.call(logger, redactor.text(message), fields(extra));
  return out;
}
