/**
 * Test helpers of the transport and auth tests: a loopback `node:http` server that records what
 * it received, a multipart parser working on raw bytes, a scripted fetch, a recording logger and
 * JWT minting.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../src/http/types.js";

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

export interface ParsedPart {
  headers: Record<string, string>;
  name: string | undefined;
  filename: string | undefined;
  filenameStar: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** Splits a raw multipart/form-data body (bytes) into parts. */
export function parseMultipart(body: Buffer, contentType: string): ParsedPart[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: ParsedPart[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new Error("body does not start with the boundary");
  for (;;) {
    const afterDelimiter = position + delimiter.length;
    const tail = body.subarray(afterDelimiter, afterDelimiter + 2).toString();
    if (tail === "--") {
      if (body.subarray(afterDelimiter + 2).toString() !== "\r\n") throw new Error("bad closing delimiter");
      return parts;
    }
    if (tail !== "\r\n") throw new Error("delimiter not followed by CRLF");
    const headerEnd = body.indexOf("\r\n\r\n", afterDelimiter + 2);
    const headerLines = body
      .subarray(afterDelimiter + 2, headerEnd)
      .toString("utf8")
      .split("\r\n");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new Error("unterminated part");
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers["content-disposition"] ?? "";
    parts.push({
      headers,
      name: /;\s*name="([^"]*)"/.exec(disposition)?.[1],
      filename: /;\s*filename="([^"]*)"/.exec(disposition)?.[1],
      filenameStar: /;\s*filename\*=([^;]+)/.exec(disposition)?.[1],
      contentType: headers["content-type"],
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
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

export interface RecordingLogger extends Logger {
  lines: string[];
}

/** A logger keeping every line (message and JSON fields). */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const record = (message: string, fields?: Record<string, unknown>) => {
    lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, debug: record, warn: record };
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
