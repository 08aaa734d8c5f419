/**
 * Incremental JSONL reader: turns a byte stream into batches of complete lines, one batch per
 * chunk, never holding more than one chunk and one partial line. The caller parses each line
 * with `parseJsonLine` in a plain loop, so a record costs one JSON.parse and no extra promise.
 * Blank lines are skipped; a malformed line or a body that ends inside a record raises
 * `MPTStreamError` with the line number.
 */
import { MPTError, MPTStreamError } from "../errors.js";

/** The complete lines of one chunk: `lines[i]` is line number `first + i` (1-based). */
export interface LineBatch {
  readonly first: number;
  readonly lines: readonly string[];
  /** The unterminated text at the end of the body: a record cut short unless it parses. */
  readonly final: boolean;
}

/** Returned by `parseJsonLine` for a blank line. */
export const BLANK: unique symbol = Symbol("blank line");

export async function* readJsonLines(
  body: ReadableStream<Uint8Array>,
  where: string,
  onBytes?: (total: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<LineBatch, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let rest = "";
  let line = 0;
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (error instanceof MPTError) throw error;
        throw new MPTStreamError(`${where}: the stream broke after line ${line}`, line, { cause: error });
      }
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      onBytes?.(bytes);
      const text = rest + decoder.decode(chunk.value, { stream: true });
      const lines: string[] = [];
      let start = 0;
      for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
        lines.push(text.slice(start, nl));
        start = nl + 1;
      }
      rest = start === 0 ? text : text.slice(start);
      if (lines.length > 0) {
        yield { first: line + 1, lines, final: false };
        line += lines.length;
      }
    }
    rest += decoder.decode();
    if (rest !== "") yield { first: line + 1, lines: [rest], final: true };
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Parses line number `line`; `BLANK` for an empty or whitespace-only line. */
export function parseJsonLine(text: string, line: number, where: string, final: boolean): unknown {
  if (text === "") return BLANK;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (text.trim() === "") return BLANK;
    const message = final
      ? `${where}: the stream ended inside a record at line ${line}`
      : `${where}: line ${line} is not valid JSON`;
    throw new MPTStreamError(message, line, { cause: error });
  }
}
