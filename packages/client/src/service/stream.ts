/**
 * `stream()`: records of a JSONL answer as they arrive. Two modes: the platform's streaming read
 * mode (`MPT-Streaming: true`, which the server must echo) and plain JSONL endpoints
 * (`Accept: application/jsonl`, e.g. statement charges, which redirect to a blob). The records of
 * each received chunk are parsed together and handed out one by one without an async step each.
 */
import { MPTStreamError, MPTStreamingNotEnabledError } from "../errors.js";
import type { HttpRequest, HttpTransport } from "../http/types.js";
import { Flattened } from "./flatten.js";
import { BLANK, parseJsonLine, readJsonLines } from "./jsonl.js";
import { toModel } from "./pagination.js";
import type { StreamOptions } from "./types.js";

export function streamRecords(
  transport: HttpTransport,
  req: HttpRequest,
  kind: "jsonl" | "mpt-streaming",
  options: StreamOptions,
): AsyncIterableIterator<unknown> {
  const progress = options.progress;
  const onItem = progress?.itemProcessed ? () => progress.itemProcessed?.() : undefined;
  return new Flattened(recordBatches(transport, req, kind, options), onItem);
}

/** The records of each chunk; a bad line ends the batch before it and then raises. */
async function* recordBatches(
  transport: HttpTransport,
  req: HttpRequest,
  kind: "jsonl" | "mpt-streaming",
  options: StreamOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const headers: Record<string, string> =
    kind === "mpt-streaming"
      ? { Accept: "application/jsonl", "MPT-Streaming": "true" }
      : { Accept: "application/jsonl" };
  const res = await transport.stream({ ...req, headers: { ...headers, ...req.headers } });
  if (kind === "mpt-streaming") {
    const echoed = res.headers.get("MPT-Streaming");
    if (echoed?.trim().toLowerCase() !== "true") {
      await res.cancel();
      throw new MPTStreamingNotEnabledError(req.path, echoed);
    }
  }
  const where = `GET ${req.path}`;
  const progress = options.progress;
  const onBytes = progress?.bytesReceived ? (n: number) => progress.bytesReceived?.(n) : undefined;
  const batches = readJsonLines(res.body, {
    method: "GET",
    path: req.path,
    onBytes,
    signal: req.signal,
    maxLineBytes: res.maxLineBytes ?? req.maxLineBytes,
  });
  for await (const { first, lines, final } of batches) {
    const records: unknown[] = [];
    for (let i = 0; i < lines.length; i++) {
      let record: unknown;
      try {
        const raw = parseJsonLine(lines[i] ?? "", first + i, where, final);
        if (raw === BLANK) continue;
        record = toModel(raw, where);
      } catch (error) {
        if (records.length > 0) yield records;
        if (error instanceof MPTStreamError) throw error;
        const line = first + i;
        throw new MPTStreamError(`${where}: line ${line} is not a JSON object`, line, { cause: error });
      }
      records.push(record);
    }
    if (records.length > 0) yield records;
  }
  progress?.completed?.();
}
