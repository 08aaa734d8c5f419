/**
 * Response helpers: reading a whole body under the attempt's signal, the buffered
 * `HttpResponse`, and the live `StreamResponse` whose body errors are mapped to client errors.
 */
import { MPTConnectionError, MPTHttpError } from "../errors.js";
import type { AttemptSignal } from "./attempt-signal.js";
import { summariseBody } from "./error-mapping.js";
import { describeNetworkFailure } from "./network-errors.js";
import type { HttpResponse, StreamResponse } from "./types.js";

const decoder = new TextDecoder();

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

/** A fully read response. */
export function bufferedResponse(response: Response, url: string, body: Uint8Array): HttpResponse {
  let text: string | undefined;
  const readText = () => {
    text ??= decoder.decode(body);
    return text;
  };
  return {
    status: response.status,
    headers: response.headers,
    url,
    body,
    text: readText,
    json(): unknown {
      const source = readText();
      try {
        return JSON.parse(source);
      } catch (error) {
        const what = source.trim() === "" ? "an empty body" : `not JSON: ${summariseBody(source)}`;
        throw new MPTHttpError(response.status, `Expected a JSON response body but got ${what}`, source, {
          cause: error,
        });
      }
    },
  };
}

/**
 * A response whose body stays open. Read failures surface as `MPTConnectionError` (or the
 * caller's abort reason); the attempt signal is released when the body ends or is cancelled.
 */
export function streamingResponse(
  response: Response,
  url: string,
  attempt: AttemptSignal,
  description: string,
): StreamResponse {
  const source = response.body;
  if (!source) {
    attempt.dispose();
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    return { status: response.status, headers: response.headers, url, body: empty, cancel: async () => {} };
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          attempt.dispose();
          controller.close();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        const aborted = attempt.callerAborted;
        attempt.dispose();
        controller.error(
          aborted
            ? attempt.signal.reason
            : new MPTConnectionError(
                `${description}: the connection failed while reading the stream (${describeNetworkFailure(error)})`,
                { cause: error },
              ),
        );
      }
    },
    async cancel(reason) {
      attempt.dispose();
      await reader.cancel(reason).catch(() => {});
    },
  });
  return {
    status: response.status,
    headers: response.headers,
    url,
    body,
    async cancel() {
      attempt.dispose();
      await reader.cancel().catch(() => {});
    },
  };
}
