/**
 * Test helpers of the transport and auth tests: a scripted fetch, a counting fetch and JWT
 * minting; the loopback server, the multipart parser and the recording logger (shared with the
 * other suites, in ../support/) are re-exported.
 */
import type http from "node:http";

export { type RecordingLogger, recordingLogger } from "../support/logger.js";
export {
  closedPort,
  type Handler,
  type Received,
  sendJson,
  startServer,
  type TestServer,
  withServer,
} from "../support/loopback-server.js";
export { type ParsedPart, parseMultipart } from "../support/multipart.js";

export interface FetchCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | undefined;
}

/** A fetch that answers from a script and records every call (bodies read as text). */
export function scriptedFetch(answer: (call: FetchCall, index: number) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    const call: FetchCall = {
      url: String(input),
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: body instanceof Blob ? await body.text() : typeof body === "string" ? body : undefined,
      redirect: init?.redirect,
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    return answer(call, calls.length - 1);
  };
  return { fetch, calls };
}

/** An undici-like network failure: `TypeError("fetch failed")` with a coded cause. */
export function networkFailure(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
  return new TypeError("fetch failed", { cause });
}

/** An unsigned JWT with `payload` (enough for clients that read `exp` unverified). */
export function makeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}.c2lnbmF0dXJl`;
}

/** Awaits `promise` and returns what it rejected with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** What a counting fetch saw: bytes of response bodies handed to the client (after decompression). */
export interface ByteCount {
  bytes: number;
  requests: number;
}

/** The global fetch, counting every body byte the client pulls (to prove a read stopped early). */
export function countingFetch(): { fetch: typeof fetch; seen: ByteCount } {
  const seen: ByteCount = { bytes: 0, requests: 0 };
  const counting = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.requests++;
    const response = await fetch(input, init);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return { fetch: counting, seen };
}

/** Writes `chunk` again and again (respecting backpressure) until `total` bytes or the client leaves. */
export function writeRepeated(
  res: http.ServerResponse,
  chunk: Buffer,
  total = Number.POSITIVE_INFINITY,
): void {
  let sent = 0;
  const pump = () => {
    while (sent < total && !res.destroyed) {
      const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
      sent += piece.length;
      if (!res.write(piece)) {
        res.once("drain", pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  pump();
}
