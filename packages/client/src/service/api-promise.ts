/**
 * `APIPromise<T, R>`: what every request method of a service returns. Awaiting it gives the data
 * as before; `withResponse()` also gives the HTTP response (status, headers, final URL, trace id)
 * and `asResponse()` the response alone, without reading the body as a model (in the style of
 * openai-node): a buffered `HttpResponse`, or for `downloadStream()` the open `StreamResponse`.
 * The request is sent once, when the method is called.
 */
import type { HttpResponse, StreamResponse } from "../http/types.js";

/** The HTTP side of an answer. */
export interface ResponseInfo {
  readonly status: number;
  readonly headers: Headers;
  /** Final URL after redirects. */
  readonly url: string;
  /** The platform's trace id (`traceparent`, else `x-request-id` / `request-id`), when sent. */
  readonly traceId: string | null;
}

/** Data with the response it was read from. */
export interface WithResponse<T> {
  readonly data: T;
  readonly response: ResponseInfo;
}

const TRACE_HEADERS = ["traceparent", "x-request-id", "request-id"] as const;

/** Status, headers, URL and trace id of a response. */
export function responseInfo(
  res: Pick<HttpResponse | StreamResponse, "status" | "headers" | "url">,
): ResponseInfo {
  let traceId: string | null = null;
  for (const name of TRACE_HEADERS) {
    traceId ??= res.headers.get(name);
  }
  return { status: res.status, headers: res.headers, url: res.url, traceId };
}

/**
 * The promise every request method returns: await it for the data, or call `withResponse()` /
 * `asResponse()` for the HTTP response too. The request is sent once, when the method is called.
 * `R` is what `asResponse()` gives: the buffered `HttpResponse`, or the open `StreamResponse` of
 * `downloadStream()` (its body not yet read).
 */
export class APIPromise<T, R extends HttpResponse | StreamResponse = HttpResponse> implements Promise<T> {
  readonly #response: Promise<R>;
  readonly #parse: (res: R) => T | Promise<T>;
  #data: Promise<T> | undefined;
  #parsed: Promise<WithResponse<T>> | undefined;

  constructor(response: Promise<R>, parse: (res: R) => T | Promise<T>) {
    this.#response = response;
    this.#parse = parse;
  }

  /** The data together with the response's status, headers, URL and trace id. */
  withResponse(): Promise<WithResponse<T>> {
    this.#parsed ??= this.#response.then(async (res) => ({
      data: await this.#read(),
      response: responseInfo(res),
    }));
    return this.#parsed;
  }

  /** The data, read once; a plain `await` never builds the response info (nor its `Headers`). */
  #read(): Promise<T> {
    this.#data ??= this.#response.then(this.#parse);
    return this.#data;
  }

  /** The HTTP response, its body not read as a model (still open for `downloadStream()`). */
  asResponse(): Promise<R> {
    return this.#response;
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a promise
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#read().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return "APIPromise";
  }
}
