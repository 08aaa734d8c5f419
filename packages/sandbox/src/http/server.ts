/**
 * `startSandbox`: serves a sandbox on loopback with node:http. Requests become web `Request`s,
 * responses are streamed back with backpressure; when a response body fails mid-way (the
 * `reset` fault), the socket is destroyed so the client sees a connection reset.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandbox, type Sandbox, type SandboxOptions } from "../sandbox.js";
import { problemResponse } from "../shared/problem.js";
import { DEFAULT_BODY_LIMIT, tooLarge } from "./body.js";

export interface StartOptions extends SandboxOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. Another than loopback prints a warning. */
  host?: string;
  /**
   * Leaves the control plane (`/_sandbox/*`: tokens, reset, faults) without authentication on a
   * non-loopback `host` (a warning says so). Default false: there it needs the operations token.
   */
  exposeControlPlane?: boolean;
}

/** True for addresses only this machine reaches (`127.0.0.0/8`, `::1`, `localhost`). */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}

export interface RunningSandbox extends Sandbox {
  /** `http://127.0.0.1:<port>`: the base URL for `MPTClient`. */
  url: string;
  port: number;
  /** Stops the server (open connections are closed). */
  close(): Promise<void>;
}

/**
 * The body of `req` as a web stream that errors with a 413 once more than `limit` bytes arrive;
 * the socket stays usable to answer (it is closed after the answer).
 */
function bodyStream(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let total = 0;
  let stopped = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (stopped) return;
        total += chunk.byteLength;
        if (total > limit) {
          stopped = true;
          req.pause();
          controller.error(tooLarge(limit));
          return;
        }
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on("end", () => {
        if (!stopped) controller.close();
      });
      req.on("error", (error) => {
        if (!stopped) controller.error(error);
        stopped = true;
      });
    },
    pull() {
      if (!stopped) req.resume();
    },
    cancel() {
      stopped = true;
      req.pause();
    },
  });
}

/** Methods `new Request` refuses (and HTTP/1.1 tunnelling); they get 501 without a handler. */
const REFUSED_METHODS: ReadonlySet<string> = new Set(["CONNECT", "TRACE", "TRACK"]);

function toRequest(req: IncomingMessage, origin: string, limit: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (hasBody) {
    init.body = bodyStream(req, limit);
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", origin), init);
}

async function writeResponse(response: Response, res: ServerResponse, close: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") headers[name] = [...((headers[name] as string[] | undefined) ?? []), value];
    else headers[name] = value;
  });
  if (close) headers["connection"] = "close";
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once("drain", resolve));
      if (res.destroyed) {
        await reader.cancel();
        return;
      }
    }
    res.end();
  } catch {
    // The body failed mid-way (reset fault or a handler error): cut the connection.
    res.socket?.resetAndDestroy?.();
    res.destroy();
  }
}

export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const exposed = !isLoopback(host);
  if (exposed) {
    process.emitWarning(
      options.exposeControlPlane
        ? `mpt-sandbox listens on ${host}: anyone who reaches it can use its control plane (/_sandbox/*: tokens, reset, faults) without a token.`
        : `mpt-sandbox listens on ${host}: its API is reachable from other machines; the control plane (/_sandbox/*) needs the operations token (exposeControlPlane / --expose-control-plane lifts that).`,
      { code: "MPT_SANDBOX_EXPOSED" },
    );
  }
  const sandbox = createSandbox({
    ...options,
    ...(exposed && !options.exposeControlPlane ? { controlPlane: "token" as const } : {}),
  });
  let origin = "";
  const limit = options.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
  const server = createServer((req, res) => {
    res.on("close", () => {
      if (!res.writableEnded) req.destroy();
    });
    // An answer sent before the body was read whole closes the connection (nothing more is read).
    res.on("finish", () => {
      if (!req.complete) req.socket.destroySoon?.();
    });
    const answer = (response: Response): Promise<void> => writeResponse(response, res, !req.complete);
    let request: Request;
    try {
      if (REFUSED_METHODS.has(req.method ?? "")) {
        answer(
          problemResponse({
            status: 501,
            detail: `The sandbox does not implement ${req.method ?? "this method"}.`,
          }),
        ).catch(() => res.destroy());
        return;
      }
      // Redirects point back at the address the client used (Host), else the bound one.
      const host = req.headers.host;
      request = toRequest(req, host && /^[\w.:[\]-]+$/.test(host) ? `http://${host}` : origin, limit);
    } catch (error) {
      answer(
        problemResponse({
          status: 400,
          detail: `The request could not be read: ${(error as Error).message}`,
        }),
      ).catch(() => res.destroy());
      return;
    }
    sandbox
      .handler(request)
      .then(answer)
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  // Bytes the HTTP parser refuses still get a ProblemDetails answer (501 for unknown methods).
  server.on("clientError", (error: Error & { code?: string; rawPacket?: Buffer }, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === "HPE_INVALID_METHOD" ? 501 : 400;
    const method = /^[A-Z]{1,20}(?= )/.exec(error.rawPacket?.subarray(0, 24).toString("latin1") ?? "")?.[0];
    const body = JSON.stringify({
      type: `https://tools.ietf.org/html/rfc9110#section-15.${status === 501 ? "6.2" : "5.1"}`,
      title: status === 501 ? "Not Implemented" : "Bad Request",
      status,
      detail:
        status === 501
          ? `The sandbox does not implement ${method ?? "this method"}.`
          : `Malformed HTTP request (${error.code ?? error.message}).`,
    });
    socket.end(
      `HTTP/1.1 ${status} ${status === 501 ? "Not Implemented" : "Bad Request"}\r\ncontent-type: application/problem+json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostPart = host.includes(":") ? `[${host}]` : host;
  origin = `http://${hostPart}:${port}`;
  const running = Object.create(sandbox, {
    url: { value: origin, enumerable: true },
    port: { value: port, enumerable: true },
    close: {
      value: () =>
        new Promise<void>((resolve, reject) => {
          server.close((err) => {
            try {
              sandbox.close();
            } catch (closeError) {
              reject(closeError);
              return;
            }
            if (err) reject(err);
            else resolve();
          });
          server.closeAllConnections();
        }),
      enumerable: true,
    },
  }) as RunningSandbox;
  return running;
}
