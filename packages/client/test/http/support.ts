/**
 * Test helpers of the transport and auth tests: a loopback `node:http` server that records what
 * it received, a scripted fetch and JWT minting; the multipart parser and the recording logger
 * (shared with the other suites, in ../support/) are re-exported.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

export { type RecordingLogger, recordingLogger } from "../support/logger.js";
export { type ParsedPart, parseMultipart } from "../support/multipart.js";

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
  index: number,
) => void;

export interface TestServer {
  url: string;
  origin: string;
  received: Received[];
  /** Requests whose path (without query) is `path`. */
  count(path: string, method?: string): number;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0; the handler sees the whole request body. */
export async function startServer(handler: Handler): Promise<TestServer> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      handler(req, res, body, received.length - 1);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    origin,
    received,
    count: (path, method) =>
      received.filter((r) => r.url.split("?")[0] === path && (method === undefined || r.method === method))
        .length,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs `run` against a server started with `handler`, closing it afterwards. */
export async function withServer(
  handler: Handler,
  run: (server: TestServer) => Promise<void>,
): Promise<void> {
  const server = await startServer(handler);
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

/** Sends a JSON answer. */
export function sendJson(
  res: http.ServerResponse,
  status: number,
  value: unknown,
  headers: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

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

/** A closed port: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
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
