/**
 * The loopback `node:http` server of the client's tests, for what needs a real socket. Two ways
 * to start one: `startServer` reads each request's whole body, records it (method, url, headers,
 * body) and then calls the handler; `loopback` calls a plain request listener at once (for
 * tests that answer before the body ends or play socket tricks) and records request lines and
 * connections. `withServer` runs a block against a server and closes it; `sendJson` answers;
 * `closedPort` is a port nothing listens on.
 */
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

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
  const { origin, close } = await listen(server);
  return {
    url: origin,
    origin,
    received,
    count: (path, method) =>
      received.filter((r) => r.url.split("?")[0] === path && (method === undefined || r.method === method))
        .length,
    close,
  };
}

export interface LoopbackServer {
  url: string;
  /** Connections accepted so far. */
  connections: number;
  /** Request lines (`METHOD /path?query`) received so far. */
  requests: string[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 that hands every request to `listener` as it arrives. */
export async function loopback(listener: http.RequestListener): Promise<LoopbackServer> {
  const server = http.createServer(listener);
  const state = { connections: 0, requests: [] as string[] };
  server.on("connection", () => state.connections++);
  server.on("request", (req: http.IncomingMessage) => state.requests.push(`${req.method} ${req.url}`));
  const { origin, close } = await listen(server);
  return Object.assign(state, { url: origin, close });
}

/** Listens on 127.0.0.1 (a free port); `close()` drops open connections and stops listening. */
async function listen(server: http.Server): Promise<{ origin: string; close(): Promise<void> }> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
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

/** A closed port: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
