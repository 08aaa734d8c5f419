/**
 * Transport-neutral body reading: a whole body from a source of byte chunks (a web
 * `ReadableStream` or any async iterable such as a Node `IncomingMessage`), counted chunk by
 * chunk and stopped as soon as it passes its byte limit, so an endless body, a huge body or a
 * decompression bomb costs at most the limit plus one chunk. A declared `Content-Length` above
 * the limit fails before a byte is read.
 */

/** Something that yields the bytes of a body. */
export type ChunkSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** The byte limit of one read and the error to raise when a body passes it. */
export interface BodyLimit {
  maxBytes: number;
  tooLarge(): Error;
}

/** A pull reader over either kind of source. */
export interface ChunkReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(reason?: unknown): Promise<void>;
}

export function chunkReader(source: ChunkSource): ChunkReader {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === "function") {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    return {
      read: () =>
        reader.read() as Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>,
      cancel: (reason) => reader.cancel(reason),
    };
  }
  const iterator = (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  return {
    async read() {
      const next = await iterator.next();
      return next.done ? { done: true } : { done: false, value: next.value };
    },
    async cancel() {
      await iterator.return?.();
    },
  };
}

/** The `Content-Length` of an unencoded body (what will be read), or undefined. */
export function declaredLength(
  contentLength: string | null,
  contentEncoding: string | null,
): number | undefined {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return undefined;
  const encoded = contentEncoding !== null && !/^\s*(?:identity)?\s*$/i.test(contentEncoding);
  return encoded ? undefined : Number(contentLength);
}

/**
 * Fails early when a declared, unencoded `Content-Length` is already above the limit; returns
 * the declared length (within the limit) or undefined.
 */
export function checkDeclaredLength(
  contentLength: string | null,
  contentEncoding: string | null,
  limit: BodyLimit,
): number | undefined {
  const declared = declaredLength(contentLength, contentEncoding);
  if (declared !== undefined && declared > limit.maxBytes) throw limit.tooLarge();
  return declared;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Reads `source` to its end. Rejects with `limit.tooLarge()` (after cancelling the source) once
 * more than `limit.maxBytes` bytes arrived, and with `signal.reason` as soon as `signal` aborts,
 * even when the source itself does not watch the signal.
 */
export async function readLimited(
  source: ChunkSource | null,
  limit: BodyLimit,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (signal?.aborted) {
    if (source)
      chunkReader(source)
        .cancel(signal.reason)
        .catch(() => {});
    throw signal.reason;
  }
  if (!source) return new Uint8Array(0);
  const reader = chunkReader(source);
  let onAbort: (() => void) | undefined;
  const aborted = signal
    ? new Promise<never>((_, reject) => {
        onAbort = () => {
          reader.cancel(signal.reason).catch(() => {});
          reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
      })
    : undefined;
  aborted?.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const next = await (aborted ? Promise.race([reader.read(), aborted]) : reader.read());
      if (next.done) break;
      total += next.value.byteLength;
      if (total > limit.maxBytes) {
        chunks.length = 0;
        await reader.cancel().catch(() => {});
        throw limit.tooLarge();
      }
      chunks.push(next.value);
    }
    if (signal?.aborted) throw signal.reason;
    return concat(chunks, total);
  } finally {
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
