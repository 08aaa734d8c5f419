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
import type { BodyLimit } from "./body-reader.js";
import { readWithin } from "./idle-timeout.js";
import { uploadRedirected } from "./redirects.js";
import { readBody } from "./response.js";
import type { FetchFunction } from "./types.js";
import type { StreamHooks, Wire, WireRequest, WireResponse } from "./wire.js";

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
  readonly #signalBound: boolean;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(response: Response, attempt: AttemptSignal, signalBound: boolean) {
    this.#response = response;
    this.#attempt = attempt;
    this.#signalBound = signalBound;
    this.status = response.status;
    this.statusText = response.statusText;
    this.headers = response.headers;
  }

  header(name: string): string | null {
    return this.headers.get(name);
  }

  bytes(limit: BodyLimit): Promise<Uint8Array> {
    return readBody(this.#response, this.#attempt.signal, limit, this.#signalBound);
  }

  /** The body as a stream whose failures are mapped (one pull per chunk, each within the idle budget). */
  stream({ idleTimeout, onIdle, mapError, done }: StreamHooks): ReadableStream<Uint8Array> {
    const source = this.#response.body;
    if (!source) {
      done();
      return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    }
    const reader = source.getReader();
    this.#reader = reader;
    const attempt = this.#attempt;
    let idle: unknown;
    const idleError = () => {
      idle = onIdle();
      return idle;
    };
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done: ended, value } = await readWithin(() => reader.read(), idleTimeout, idleError);
          if (ended) {
            done();
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (error) {
          done();
          if (idle !== undefined && error === idle) reader.cancel(error).catch(() => {});
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
 * A wire over `fetchFn` (the global fetch or the user's). `signalBound`: `fetchFn` is the
 * platform's fetch, whose bodies fail as soon as the request's signal aborts, so a body is read
 * without racing the signal.
 */
export function fetchWire(fetchFn: FetchFunction, signalBound = false): Wire {
  /** The response of `init`; a browser's opaque manual redirect is followed by the browser. */
  const answer = async (request: WireRequest, init: RequestInit): Promise<WireResponse> => {
    // browsers hide the Location of manual redirects; let the browser follow (it strips
    // Authorization on cross-origin hops itself)
    const followed = await fetchFn(request.url, { ...init, redirect: "follow" });
    const wire = new FetchResponse(followed, request.attempt, signalBound);
    wire.followedUrl = followed.url || request.url;
    return wire;
  };
  return {
    name: "fetch",
    // not async: one promise less per request on the hot path
    send(request: WireRequest): Promise<WireResponse> {
      const upload = request.body instanceof Blob;
      const init: RequestInit = {
        method: request.method,
        headers: request.headers,
        redirect: upload ? "error" : "manual",
        signal: request.attempt.signal,
      };
      if (upload) init.window = null;
      if (request.body !== undefined) init.body = request.body;
      let sent: Promise<Response>;
      try {
        sent = fetchFn(request.url, init);
      } catch (error) {
        return Promise.reject(error);
      }
      return sent.then(
        (response) =>
          response.type === "opaqueredirect"
            ? answer(request, init)
            : new FetchResponse(response, request.attempt, signalBound),
        (error: unknown) => {
          throw upload && isUnexpectedRedirect(error) ? uploadRedirected(request.description) : error;
        },
      );
    },
  };
}
