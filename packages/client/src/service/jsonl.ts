/**
 * Incremental JSONL reader: turns a byte stream into batches of complete lines, one batch per
 * chunk. Linear in the body's size whatever the line lengths: only the new chunk is searched for
 * newlines, and a partial line is kept as a list of pieces joined once, when its newline arrives.
 * A line longer than `maxLineBytes` raises `MPTResponseTooLargeError` (with its line number) as
 * soon as the pieces pass the limit. The caller parses each line with `parseJsonLine` in a plain
 * loop, so a record costs one JSON.parse and no extra promise. Blank lines are skipped; a
 * malformed line or a body that ends inside a record raises `MPTStreamError` with the line number.
 */
import { MPTError, MPTResponseTooLargeError, MPTStreamError } from "../errors.js";

/** The complete lines of one chunk: `lines[i]` is line number `first + i` (1-based). */
export interface LineBatch {
  readonly first: number;
  readonly lines: readonly string[];
  /** The unterminated text at the end of the body: a record cut short unless it parses. */
  readonly final: boolean;
}

/** Returned by `parseJsonLine` for a blank line. */
export const BLANK: unique symbol = Symbol("blank line");

const NEWLINE = 0x0a;

/** Default of `maxLineBytes`. */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface JsonLinesOptions {
  /** `METHOD /path`, for messages. */
  method: string;
  path: string;
  onBytes?: ((total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
  maxLineBytes?: number | undefined;
  /** Counts the bytes searched for newlines (tests assert the reader is linear). */
  stats?: { scanned: number } | undefined;
}

export async function* readJsonLines(
  body: ReadableStream<Uint8Array>,
  options: JsonLinesOptions,
): AsyncGenerator<LineBatch, void, undefined> {
  const where = `${options.method} ${options.path}`;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const tooLong = (line: number) =>
    new MPTResponseTooLargeError({
      limitName: "maxLineBytes",
      limit: maxLineBytes,
      method: options.method,
      path: options.path,
      line,
    });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  /** Text pieces of the line being received, and its size in bytes. */
  let pieces: string[] = [];
  let pendingBytes = 0;
  let line = 0;
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (error instanceof MPTError) throw error;
        throw new MPTStreamError(`${where}: the stream broke after line ${line}`, line, { cause: error });
      }
      if (chunk.done) break;
      const data = chunk.value;
      bytes += data.byteLength;
      options.onBytes?.(bytes);
      if (options.stats) options.stats.scanned += data.byteLength;
      const firstNewline = data.indexOf(NEWLINE);
      if (firstNewline === -1) {
        pendingBytes += data.byteLength;
        if (pendingBytes > maxLineBytes) throw tooLong(line + 1);
        pieces.push(decoder.decode(data, { stream: true }));
        continue;
      }
      if (pendingBytes + firstNewline > maxLineBytes) throw tooLong(line + 1);
      if (data.byteLength > maxLineBytes) checkLineLengths(data, firstNewline, maxLineBytes, line, tooLong);
      const text = decoder.decode(data, { stream: true });
      const lines: string[] = [];
      let nl = text.indexOf("\n");
      pieces.push(text.slice(0, nl));
      lines.push(pieces.length === 1 ? (pieces[0] ?? "") : pieces.join(""));
      let start = nl + 1;
      for (nl = text.indexOf("\n", start); nl !== -1; nl = text.indexOf("\n", start)) {
        lines.push(text.slice(start, nl));
        start = nl + 1;
      }
      pieces = start < text.length ? [text.slice(start)] : [];
      pendingBytes = data.byteLength - data.lastIndexOf(NEWLINE) - 1;
      yield { first: line + 1, lines, final: false };
      line += lines.length;
    }
    pieces.push(decoder.decode());
    const rest = pieces.join("");
    if (rest !== "") yield { first: line + 1, lines: [rest], final: true };
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** For a chunk larger than the limit: every complete line after the first must fit. */
function checkLineLengths(
  data: Uint8Array,
  firstNewline: number,
  maxLineBytes: number,
  line: number,
  tooLong: (line: number) => Error,
): void {
  let start = firstNewline + 1;
  let number = line + 2;
  for (let nl = data.indexOf(NEWLINE, start); nl !== -1; nl = data.indexOf(NEWLINE, start)) {
    if (nl - start > maxLineBytes) throw tooLong(number);
    start = nl + 1;
    number++;
  }
  if (data.byteLength - start > maxLineBytes) throw tooLong(number);
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
