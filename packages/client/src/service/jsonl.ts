/**
 * Incremental JSONL reader: turns a byte stream into parsed records one line at a time, never
 * holding more than one chunk and one partial line. Blank lines are skipped; a malformed line or a
 * body that ends inside a record raises `MPTStreamError` with the line number.
 */
import { MPTError, MPTStreamError } from "../errors.js";

export async function* readJsonLines(
  body: ReadableStream<Uint8Array>,
  where: string,
  onBytes?: (total: number) => void,
  signal?: AbortSignal,
): AsyncGenerator<unknown, void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
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
      buffered += decoder.decode(chunk.value, { stream: true });
      let start = 0;
      let nl = buffered.indexOf("\n", start);
      while (nl !== -1) {
        line += 1;
        const text = buffered.slice(start, nl);
        if (text.trim() !== "") yield parseLine(text, line, where);
        start = nl + 1;
        nl = buffered.indexOf("\n", start);
      }
      buffered = buffered.slice(start);
    }
    buffered += decoder.decode();
    if (buffered.trim() !== "") {
      line += 1;
      yield parseLine(buffered, line, where, true);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function parseLine(text: string, line: number, where: string, last = false): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = last
      ? `${where}: the stream ended inside a record at line ${line}`
      : `${where}: line ${line} is not valid JSON`;
    throw new MPTStreamError(message, line, { cause: error });
  }
}
