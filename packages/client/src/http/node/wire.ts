/**
 * The Node transport: each hop through node:http / node:https with keep-alive agents owned by the
 * client (or the caller's `agent`). Cancellation (time budget, caller's signal) destroys the
 * request through the attempt's cancel hook, so no AbortController is made per request.
 *
 * Stale keep-alive sockets (the server closed an idle connection): a request that fails on a
 * reused socket before its answer began is sent again at once on another connection, without
 * counting as a retry, when that is safe: always for idempotent methods, and for POST/PATCH only
 * when no byte of it was handed to the socket. A POST/PATCH given a pooled socket is written only
 * after the event loop polled once more, so a close that already reached this machine is seen
 * before any byte goes out. Otherwise the failure goes to the retry policy, which never sends a
 * POST twice. Idle sockets are closed after 4 s, before the 5 s keep-alive
 * timeout common on servers, and reused last-in first-out, which makes stale sockets rare.
 */
import type { Agent, ClientRequest, IncomingMessage, RequestOptions } from "node:http";
import type { Socket } from "node:net";
import { markUnsent } from "../network-errors.js";
import { isIdempotent, isRetryableNetworkFailure } from "../retry-policy.js";
import type { Wire, WireRequest, WireResponse } from "../wire.js";
import { type NodeBuiltins, nodeBuiltins } from "./builtins.js";
import { ACCEPT_ENCODING, decodedBody } from "./decompress.js";
import type { NodeWireOptions } from "./options.js";
import { NodeResponse } from "./response.js";
import { writeBody } from "./upload.js";

export { isNodeRuntime } from "./builtins.js";

/** Idle keep-alive sockets are closed after this long, before common servers' 5 s. */
const FREE_SOCKET_TIMEOUT = 4_000;
/** Immediate re-sends of a request that failed on stale sockets (then the retry policy decides). */
const STALE_RESENDS = 3;

interface Origin {
  protocol: string;
  hostname: string;
  port: string;
  /** The `Host` header: hostname, and the port unless it is the scheme's default. */
  host: string;
  /** `protocol//host` as it appears in URLs. */
  key: string;
}

/** Origins parsed so far, and the last one used (most requests go to one origin). */
interface Origins {
  byKey: Map<string, Origin>;
  last: Origin | undefined;
}

/** `url` split into its origin (parsed once per origin) and the path with query. */
function splitUrl(url: string, origins: Origins): { origin: Origin; path: string } {
  const last = origins.last;
  if (last !== undefined && url.startsWith(last.key) && url.charCodeAt(last.key.length) === 47) {
    return { origin: last, path: url.slice(last.key.length) };
  }
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  const key = slash < 0 ? url : url.slice(0, slash);
  let origin = origins.byKey.get(key);
  if (!origin) {
    const parsed = new URL(key);
    const hostname = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
    origin = { protocol: parsed.protocol, hostname, port: parsed.port, host: parsed.host, key };
    if (origins.byKey.size > 64) origins.byKey.clear();
    origins.byKey.set(key, origin);
  }
  origins.last = origin;
  return { origin, path: slash < 0 ? "/" : url.slice(slash) };
}

/** Bytes the socket handed to the system so far (queued bytes not counted). */
function dispatched(socket: Socket): number {
  const value = (socket as unknown as { _bytesDispatched?: unknown })._bytesDispatched;
  return typeof value === "number" ? value : (socket.bytesWritten ?? 0);
}

/**
 * Runs `run` after the event loop's next poll phase: the first immediate runs in this turn's check
 * phase, the second in the next turn's, after a poll that saw whatever reached the sockets.
 */
function afterNextPoll(run: () => void): void {
  setImmediate(() => setImmediate(run));
}

/**
 * The `Content-Length` of one hop where the client sets it: as fetch, a Blob's size and 0 for a
 * bodiless POST or PUT (both replace the caller's), and a string body's byte length unless the
 * caller gave one (as node:http would).
 */
function contentLength(request: WireRequest): string | undefined {
  const body = request.body;
  if (body instanceof Blob) return String(body.size);
  if (body === undefined) return request.method === "POST" || request.method === "PUT" ? "0" : undefined;
  return request.headers["content-length"] === undefined ? String(Buffer.byteLength(body)) : undefined;
}

/** The headers of one hop as a record, for a caller's agent (a proxy agent may still change them). */
function requestHeaders(request: WireRequest): Record<string, string> {
  const length = contentLength(request);
  return length === undefined ? request.headers : { ...request.headers, "content-length": length };
}

/**
 * The headers of one hop as a flat name/value list with `Host` and `Content-Length` filled in,
 * for the client's own agents: node:http writes a list at once instead of recording each header
 * through `setHeader`.
 */
function headerList(request: WireRequest, origin: Origin): string[] {
  const given = request.headers;
  const list: string[] = [];
  if (given.host === undefined) list.push("host", origin.host);
  const length = contentLength(request);
  const names = Object.keys(given);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string;
    if (length !== undefined && name === "content-length") continue;
    list.push(name, given[name] as string);
  }
  if (length !== undefined) list.push("content-length", length);
  return list;
}

/** What fetch sends by default and node:http does not. */
const DEFAULT_HEADERS = { accept: "*/*", "accept-encoding": ACCEPT_ENCODING };

/** Builds the Node transport; its modules are loaded here, not when the bundle loads. */
export function nodeWire(options: NodeWireOptions): Wire {
  const node = nodeBuiltins();
  const origins: Origins = { byKey: new Map(), last: undefined };
  let httpAgent: Agent | undefined;
  let httpsAgent: Agent | undefined;
  const agentFor = (protocol: string): Agent => {
    if (options.agent !== undefined) return options.agent as Agent;
    // as undici: every idle socket is kept (until FREE_SOCKET_TIMEOUT), not only 256 of them
    const common = {
      keepAlive: true,
      scheduling: "lifo" as const,
      timeout: FREE_SOCKET_TIMEOUT,
      maxFreeSockets: Number.POSITIVE_INFINITY,
    };
    if (protocol === "https:") {
      httpsAgent ??= new node.https.Agent({ ...common, ...(options.tls as object | undefined) });
      return httpsAgent;
    }
    httpAgent ??= new node.http.Agent(common);
    return httpAgent;
  };
  const ownAgent = options.agent === undefined;
  const send = (request: WireRequest, resends: number): Promise<WireResponse> =>
    sendOnce(node, request, agentFor, ownAgent, origins, resends, send);
  return { name: "node", defaultHeaders: DEFAULT_HEADERS, send: (request) => send(request, STALE_RESENDS) };
}

/**
 * One hop on one socket. A failure on a stale kept-alive socket that is safe to repeat settles
 * with `again(request, resends - 1)` while `resends` lasts (no extra promise on the usual path).
 */
function sendOnce(
  node: NodeBuiltins,
  request: WireRequest,
  agentFor: (protocol: string) => Agent,
  ownAgent: boolean,
  origins: Origins,
  resends: number,
  again: (request: WireRequest, resends: number) => Promise<WireResponse>,
): Promise<WireResponse> {
  const { origin, path } = splitUrl(request.url, origins);
  if (origin.protocol !== "http:" && origin.protocol !== "https:") {
    return Promise.reject(new TypeError(`unsupported URL scheme ${origin.protocol}`));
  }
  const attempt = request.attempt;
  const init: RequestOptions = {
    protocol: origin.protocol,
    hostname: origin.hostname,
    path,
    method: request.method,
    headers: ownAgent ? headerList(request, origin) : requestHeaders(request),
    agent: agentFor(origin.protocol),
  };
  if (origin.port !== "") init.port = origin.port;
  return new Promise<WireResponse>((resolve, reject) => {
    let req: ClientRequest;
    try {
      req = (origin.protocol === "https:" ? node.https : node.http).request(init);
    } catch (error) {
      reject(error);
      return;
    }
    let res: IncomingMessage | undefined;
    let socket: Socket | undefined;
    let before = 0;
    attempt.onCancel(() => {
      req.destroy();
      res?.destroy();
    });
    // idempotent requests are written at once: on a stale socket they simply go again
    const holdBody = !isIdempotent(request.method);
    req.once("socket", (assigned: Socket) => {
      socket = assigned;
      before = dispatched(assigned);
      if (!holdBody) return;
      if (!req.reusedSocket) {
        writeBody(req, request.body);
        return;
      }
      // A POST/PATCH on a pooled socket waits until the event loop polled the sockets once: a
      // close the server sent meanwhile is read first and fails this request unsent (so it goes
      // again), instead of its bytes going to a dead connection.
      afterNextPoll(() => {
        if (!req.destroyed) writeBody(req, request.body);
      });
    });
    req.once("response", (message: IncomingMessage) => {
      res = message;
      resolve(new NodeResponse(message, decodedBody(node, message), attempt));
    });
    req.on("error", (error: Error) => {
      if (res) return; // the body reader sees the failure
      if (attempt.cancelled) {
        reject(attempt.reason);
        return;
      }
      const unsent = socket !== undefined && dispatched(socket) === before;
      // a kept-alive socket the server had closed: send again at once on another connection
      if (req.reusedSocket && resends > 0 && isRetryableNetworkFailure(request.method, unsent)) {
        resolve(again(request, resends - 1));
        return;
      }
      reject(unsent ? markUnsent(error) : error);
    });
    if (!holdBody) writeBody(req, request.body);
  });
}
