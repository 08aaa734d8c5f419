/**
 * A node:http answer as the core sees it (`WireResponse`): headers read from the message without
 * a copy (a web `Headers` is built only when asked for), the body read whole as one Buffer (no
 * copy when it came in one chunk) or handed out as a web stream that pauses the socket when the
 * reader falls behind (backpressure).
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import type { AttemptSignal } from "../attempt-signal.js";
import type { WireResponse } from "../wire.js";

/** The error of a body that ended early without one of its own. */
function prematureClose(): Error {
  return Object.assign(new Error("the connection closed before the body ended"), { code: "ECONNRESET" });
}

export class NodeResponse implements WireResponse {
  readonly status: number;
  readonly statusText: string;
  readonly #res: IncomingMessage;
  readonly #body: Readable;
  readonly #attempt: AttemptSignal;
  #headers: Headers | undefined;

  constructor(res: IncomingMessage, body: Readable, attempt: AttemptSignal) {
    this.#res = res;
    this.#body = body;
    this.#attempt = attempt;
    this.status = res.statusCode ?? 0;
    this.statusText = res.statusMessage ?? "";
  }

  header(name: string): string | null {
    const value = this.#res.headers[name];
    if (value === undefined) return null;
    return typeof value === "string" ? value : value.join(", ");
  }

  get headers(): Headers {
    if (!this.#headers) {
      const headers = new Headers();
      const raw = this.#res.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        try {
          headers.append(raw[i] as string, raw[i + 1] as string);
        } catch {
          // a header fetch would refuse is left out, as fetch leaves it out
        }
      }
      this.#headers = headers;
    }
    return this.#headers;
  }

  bytes(): Promise<Uint8Array> {
    const body = this.#body;
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let ended = false;
      body.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
      });
      body.once("end", () => {
        ended = true;
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      });
      body.once("error", reject);
      body.once("close", () => {
        if (!ended) reject(this.#attempt.cancelled ? this.#attempt.reason : prematureClose());
      });
    });
  }

  stream(mapError: (error: unknown) => unknown, done: () => void): ReadableStream<Uint8Array> {
    const body = this.#body;
    const attempt = this.#attempt;
    let open = true;
    const finish = (): boolean => {
      if (!open) return false;
      open = false;
      done();
      return true;
    };
    const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown) => {
      if (finish()) controller.error(attempt.callerAborted ? attempt.reason : mapError(error));
    };
    return new ReadableStream<Uint8Array>({
      start(controller) {
        body.on("data", (chunk: Buffer) => {
          if (!open) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) body.pause();
        });
        body.once("end", () => {
          if (finish()) controller.close();
        });
        body.once("error", (error) => fail(controller, error));
        body.once("close", () => fail(controller, prematureClose()));
      },
      pull() {
        body.resume();
      },
      cancel() {
        finish();
        body.destroy();
      },
    });
  }

  async discard(): Promise<void> {
    // a complete body is drained so the socket goes back to the pool; a partial one is dropped
    if (this.#res.complete) this.#body.resume();
    else this.#body.destroy();
  }
}
