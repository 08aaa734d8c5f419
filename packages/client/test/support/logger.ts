/** A logger for tests that keeps every line it is given (message and JSON fields). */
import type { Logger } from "../../src/http/types.js";

export interface RecordingLogger extends Logger {
  lines: string[];
}

/** A logger keeping every line (message and JSON fields). */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const record = (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, debug: record, warn: record };
}
