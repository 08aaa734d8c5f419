/**
 * A node:http answer as the core sees it (`WireResponse`): headers read from the message without
 * a copy (a web `Headers` is built only when asked for), the body read whole as one Buffer (no
 * copy when it came in one chunk; counted against the byte limit as it arrives, decoded bytes
 * included) or handed out as a web stream that pauses the socket when the reader falls behind
 * (backpressure) and fails when the reader waits longer than the idle timeout.
 */
import type { IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import type { AttemptSignal } from "../attempt-signal.js";
import { type BodyLimit, checkDeclaredLength } from "../body-reader.js";
import type { StreamHooks, WireResponse } from "../wire.js";

/** Longest delay `setTimeout` accepts. */
const MAX_TIMER = 2_147_483_647;

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

  bytes(limit: BodyLimit): Promise<Uint8Array> {
    const body = this.#body;
    try {
      checkDeclaredLength(this.header("content-length"), this.header("content-encoding"), limit);
    } catch (error) {
      body.destroy();
      return Promise.reject(error);
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        chunks.length = 0;
        reject(error);
      };
      body.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit.maxBytes) {
          fail(limit.tooLarge());
          body.destroy();
          return;
        }
        chunks.push(chunk);
      });
      body.once("end", () => {
        if (settled) return;
        settled = true;
        resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      });
      body.once("error", fail);
      body.once("close", () => {
        // after "end" this is the normal close: no error object made (it costs a stack trace)
        if (!settled) fail(this.#attempt.cancelled ? this.#attempt.reason : prematureClose());
      });
    });
  }

  stream({ idleTimeout, onIdle, mapError, done }: StreamHooks): ReadableStream<Uint8Array> {
    const body = this.#body;
    const attempt = this.#attempt;
    const idleMs = idleTimeout > 0 && Number.isFinite(idleTimeout) ? Math.min(idleTimeout, MAX_TIMER) : 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let open = true;
    const finish = (): boolean => {
      if (timer !== undefined) clearTimeout(timer);
      if (!open) return false;
      open = false;
      done();
      return true;
    };
    let fail: (error: unknown, mapped: boolean) => void = () => {};
    return new ReadableStream<Uint8Array>({
      start(controller) {
        fail = (error, mapped) => {
          if (!finish()) return;
          controller.error(attempt.callerAborted ? attempt.reason : mapped ? error : mapError(error));
          body.destroy();
        };
        body.on("data", (chunk: Buffer) => {
          if (!open) return;
          if (timer !== undefined) clearTimeout(timer);
          timer = undefined;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) body.pause();
        });
        body.once("end", () => {
          if (finish()) controller.close();
        });
        body.once("error", (error) => fail(error, false));
        body.once("close", () => {
          if (open) fail(prematureClose(), false);
        });
      },
      pull() {
        // the reader waits for the next chunk: that wait is bounded by the idle timeout
        if (idleMs > 0 && timer === undefined && open) timer = setTimeout(() => fail(onIdle(), true), idleMs);
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
