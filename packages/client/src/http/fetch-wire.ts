/**
 * The fetch transport: one hop through a fetch-compatible function (`redirect: "manual"`, the
 * client follows redirects itself). It runs wherever fetch runs and whenever the user passes
 * `fetch`.
 *
 * Uploads (a `Blob` body, i.e. multipart) use `redirect: "error"` without a window: Node's fetch
 * (undici) clones every request it may redirect and tees the body for it, and the unused branch
 * buffers the whole upload in memory (nodejs/undici#4058); that mode is the one without the clone.
 */
import type { AttemptSignal } from "./attempt-signal.js";
import { uploadRedirected } from "./redirects.js";
import type { FetchFunction } from "./types.js";
import type { Wire, WireRequest, WireResponse } from "./wire.js";

/**
 * Reads the whole body; rejects with the signal's reason if it aborts first. With `tied` (the
 * platform's fetch, where an abort of the request signal errors the body itself) the body is read
 * directly; otherwise (any fetch implementation) one listener rejects and cancels the body.
 */
export async function readBody(response: Response, signal: AbortSignal, tied = false): Promise<Uint8Array> {
  if (tied && !signal.aborted) return new Uint8Array(await response.arrayBuffer());
  if (signal.aborted) {
    response.body?.cancel(signal.reason).catch(() => {});
    throw signal.reason;
  }
  const reading = response.arrayBuffer();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reading.catch(() => {});
      response.body?.cancel(signal.reason).catch(() => {});
      reject(signal.reason);
    };
  });
  if (onAbort) signal.addEventListener("abort", onAbort, { once: true });
  try {
    return new Uint8Array(await Promise.race([reading, aborted]));
  } finally {
    if (onAbort) signal.removeEventListener("abort", onAbort);
  }
}

function isUnexpectedRedirect(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return error instanceof TypeError && cause instanceof Error && cause.message === "unexpected redirect";
}

class FetchResponse implements WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  followedUrl?: string;
  readonly #response: Response;
  readonly #attempt: AttemptSignal;
  readonly #tied: boolean;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(response: Response, attempt: AttemptSignal, tied: boolean) {
    this.#response = response;
    this.#attempt = attempt;
    this.#tied = tied;
    this.status = response.status;
    this.statusText = response.statusText;
    this.headers = response.headers;
  }

  header(name: string): string | null {
    return this.headers.get(name);
  }

  bytes(): Promise<Uint8Array> {
    return readBody(this.#response, this.#attempt.signal, this.#tied);
  }

  /** The body as a stream whose failures are mapped (one pull per chunk). */
  stream(mapError: (error: unknown) => unknown, done: () => void): ReadableStream<Uint8Array> {
    const source = this.#response.body;
    if (!source) {
      done();
      return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    }
    const reader = source.getReader();
    this.#reader = reader;
    const attempt = this.#attempt;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done: ended, value } = await reader.read();
          if (ended) {
            done();
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          done();
          controller.error(attempt.callerAborted ? attempt.reason : mapError(error));
        }
      },
      async cancel(reason) {
        done();
        await reader.cancel(reason).catch(() => {});
      },
    });
  }

  async discard(): Promise<void> {
    try {
      await (this.#reader ?? this.#response.body)?.cancel();
    } catch {
      // nothing to release
    }
  }
}

/**
 * A wire over `fetchFn`. `platform`: the fetch is the platform's own (spec-compliant), so an
 * abort of the request signal errors the response body too and reading it needs no race.
 */
export function fetchWire(fetchFn: FetchFunction, platform: boolean): Wire {
  return {
    name: "fetch",
    async send(request: WireRequest): Promise<WireResponse> {
      const upload = request.body instanceof Blob;
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        redirect: upload ? "error" : "manual",
        signal: request.attempt.signal,
      };
      if (upload) init.window = null;
      if (request.body !== undefined) init.body = request.body;
      let response: Response;
      try {
        response = await fetchFn(request.url, init);
      } catch (error) {
        if (upload && isUnexpectedRedirect(error)) throw uploadRedirected(request.description);
        throw error;
      }
      if (response.type !== "opaqueredirect") return new FetchResponse(response, request.attempt, platform);
      // browsers hide the Location of manual redirects; let the browser follow (it strips
      // Authorization on cross-origin hops itself)
      const followed = await fetchFn(request.url, { ...init, redirect: "follow" });
      const wire = new FetchResponse(followed, request.attempt, platform);
      wire.followedUrl = followed.url || request.url;
      return wire;
    },
  };
}
