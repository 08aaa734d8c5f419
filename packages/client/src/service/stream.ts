/**
 * `stream()`: records of a JSONL answer as they arrive. Two modes: the platform's streaming read
 * mode (`MPT-Streaming: true`, which the server must echo) and plain JSONL endpoints
 * (`Accept: application/jsonl`, e.g. statement charges, which redirect to a blob). The records of
 * each received chunk are parsed together and handed out one by one without an async step each.
 * The result is a `RecordStream`: an async iterator that also offers `withResponse()` and
 * `asResponse()` like `APIPromise`; the request is sent on the first of those or of `next()`.
 */
import { MPTError, MPTStreamError, MPTStreamingNotEnabledError } from "../errors.js";
import type { HttpRequest, HttpTransport, StreamResponse } from "../http/types.js";
import { responseInfo, type WithResponse } from "./api-promise.js";
import { Flattened } from "./flatten.js";
import { BLANK, parseJsonLine, readJsonLines } from "./jsonl.js";
import { toModel } from "./pagination.js";
import type { StreamOptions } from "./types.js";

type StreamKind = "jsonl" | "mpt-streaming";

/** The response of one `stream()` call, opened once, by whoever asks first. */
export class StreamOpening {
  #response: Promise<StreamResponse> | undefined;
  /** The records are being read from the body (so it is released when they stop). */
  reading = false;
  /** `asResponse()` handed the body to the caller: iterating is refused. */
  taken = false;

  constructor(
    readonly transport: HttpTransport,
    readonly req: HttpRequest,
    readonly kind: StreamKind,
  ) {}

  get opened(): Promise<StreamResponse> | undefined {
    return this.#response;
  }

  open(): Promise<StreamResponse> {
    this.#response ??= openStream(this.transport, this.req, this.kind);
    return this.#response;
  }
}

async function openStream(transport: HttpTransport, req: HttpRequest, kind: StreamKind) {
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
  return res;
}

/**
 * What `stream()` returns: iterate it for the records, or `await stream.withResponse()` for
 * `{ data: stream, response }` (status, headers, URL, trace id) once the headers arrived, then
 * iterate `data`. `asResponse()` gives the open `StreamResponse` to read yourself instead.
 */
export class RecordStream<T> extends Flattened<T> {
  readonly #opening: StreamOpening;

  /** @internal built by `stream()` */
  constructor(opening: StreamOpening, options: StreamOptions) {
    const progress = options.progress;
    const onItem = progress?.itemProcessed ? () => progress.itemProcessed?.() : undefined;
    super(recordBatches<T>(opening, options), onItem, opening.req.signal);
    this.#opening = opening;
  }

  /** This stream with the response's status, headers, URL and trace id, once the headers arrived. */
  async withResponse(): Promise<WithResponse<this>> {
    const res = await this.#opening.open();
    return { data: this, response: responseInfo(res) };
  }

  /** The open response: read its `body` yourself (this stream then yields nothing). */
  asResponse(): Promise<StreamResponse> {
    if (this.#opening.reading) {
      return Promise.reject(
        new MPTError(`stream() of ${this.#opening.req.path}: asResponse() after iterating started`),
      );
    }
    this.#opening.taken = true;
    return this.#opening.open();
  }

  /** Stops early; a response opened by `withResponse()` but never read is released. */
  override async return(): Promise<IteratorResult<T, undefined>> {
    const result = await super.return();
    const opened = this.#opening.opened;
    if (opened && !this.#opening.reading && !this.#opening.taken) {
      await opened.then((res) => res.cancel()).catch(() => undefined);
    }
    return result;
  }

  get [Symbol.toStringTag](): string {
    return "RecordStream";
  }
}

export function streamRecords(
  transport: HttpTransport,
  req: HttpRequest,
  kind: StreamKind,
  options: StreamOptions,
): RecordStream<unknown> {
  return new RecordStream(new StreamOpening(transport, req, kind), options);
}

/** The records of each chunk; a bad line ends the batch before it and then raises. */
async function* recordBatches<T>(
  opening: StreamOpening,
  options: StreamOptions,
): AsyncGenerator<T[], void, undefined> {
  const { req } = opening;
  if (opening.taken) {
    throw new MPTError(
      `stream() of ${req.path}: the body was handed out by asResponse(); read it there instead of iterating`,
    );
  }
  opening.reading = true;
  const res = await opening.open();
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
    const records: T[] = [];
    for (let i = 0; i < lines.length; i++) {
      let record: T;
      try {
        const raw = parseJsonLine(lines[i] ?? "", first + i, where, final);
        if (raw === BLANK) continue;
        record = toModel(raw, where) as T;
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
