/**
 * `startSandbox`: serves a sandbox on loopback with node:http. Requests become web `Request`s,
 * responses are streamed back with backpressure; when a response body fails mid-way (the
 * `reset` fault), the socket is destroyed so the client sees a connection reset.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createSandbox, type Sandbox, type SandboxOptions } from "../sandbox.js";

export interface StartOptions extends SandboxOptions {
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
}

export interface RunningSandbox extends Sandbox {
  /** `http://127.0.0.1:<port>`: the base URL for `MPTClient`. */
  url: string;
  port: number;
  /** Stops the server (open connections are closed). */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (hasBody) {
    init.body = Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>;
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", origin), init);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name === "set-cookie") headers[name] = [...((headers[name] as string[] | undefined) ?? []), value];
    else headers[name] = value;
  });
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
  const sandbox = createSandbox(options);
  const host = options.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    // Redirects point back at the address the client used (Host), else the bound one.
    const host = req.headers.host;
    const request = toRequest(req, host && /^[\w.:[\]-]+$/.test(host) ? `http://${host}` : origin);
    res.on("close", () => {
      if (!res.writableEnded) req.destroy();
    });
    sandbox
      .handler(request)
      .then((response) => writeResponse(response, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
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
