/**
 * Switchable faults for reliability tests, global or per route (method, path glob, service),
 * set at start (`faults` option) or at run time (`sandbox.faults`, `/_sandbox/faults`):
 * latency, error statuses (429/503 with `Retry-After`, bursts of N), connection reset in the
 * middle of a body, truncated bodies, slow bodies. Body faults wrap the response stream, so they
 * work in-process as well as over the socket (where a reset destroys the connection).
 */
import type { JsonValue } from "../shared/json.js";
import { problemResponse } from "../shared/problem.js";

export interface FaultMatch {
  /** HTTP method; any when absent. */
  method?: string;
  /** Glob on the request path (`*` any characters), with or without the `/public/v1` prefix. */
  path?: string;
  /** Service: dotted name (`catalog.products`) or store key (`catalog/products`). */
  service?: string;
}

export type FaultAction =
  | { kind: "latency"; ms: number }
  | { kind: "status"; status: number; retryAfter?: number; body?: JsonValue }
  | { kind: "reset"; afterBytes?: number }
  | { kind: "truncate"; afterBytes?: number }
  | { kind: "slowBody"; chunkDelayMs: number; chunkBytes?: number };

export type FaultSpec = FaultMatch &
  FaultAction & {
    /** Name used in counters and to clear it; generated when absent. */
    id?: string;
    /** Fire at most this many times (a burst), then let requests through. */
    times?: number;
    /** Let this many matching requests through first. */
    after?: number;
  };

interface Armed {
  spec: FaultSpec;
  id: string;
  seen: number;
  fired: number;
  matches: ((path: string) => boolean) | undefined;
}

export interface RequestInfo {
  method: string;
  path: string;
  /** Dotted service name and store key of the matched route, if any. */
  service?: string;
  store?: string;
}

export interface FaultPlan {
  latencyMs: number;
  /** An error answer replacing the handler's. */
  response?: Response;
  /** Wraps the handler's response body. */
  wrap?: (response: Response) => Response;
  fired: string[];
}

/** Longest fault path glob accepted, and most `*` in one (matching stays linear in the path). */
export const MAX_GLOB_LENGTH = 512;
export const MAX_GLOB_STARS = 32;

/**
 * A matcher for a path glob (`*`: any characters, nothing else special), without regular
 * expressions: the literal pieces between stars are found left to right (the first anchored at
 * the start, the last at the end), which is linear in the path for each piece. Too long a glob, or
 * one with too many stars, is a `RangeError` naming the limit.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  if (glob.length > MAX_GLOB_LENGTH) {
    throw new RangeError(
      `A fault path glob may have at most ${MAX_GLOB_LENGTH} characters (got ${glob.length}).`,
    );
  }
  const normalised = glob.startsWith("/public/v1")
    ? glob
    : `/public/v1${glob.startsWith("/") ? "" : "/"}${glob}`;
  const pieces = normalised.split("*");
  if (pieces.length - 1 > MAX_GLOB_STARS) {
    throw new RangeError(
      `A fault path glob may have at most ${MAX_GLOB_STARS} '*' (got ${pieces.length - 1}).`,
    );
  }
  const first = pieces[0] ?? "";
  if (pieces.length === 1) return (path) => path === first;
  const last = pieces[pieces.length - 1] ?? "";
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  return (path) => {
    if (path.length < first.length + last.length) return false;
    if (!path.startsWith(first) || !path.endsWith(last)) return false;
    let at = first.length;
    const end = path.length - last.length;
    for (const piece of middle) {
      const found = path.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Passes `limit` bytes, then errors (reset) or ends (truncate). */
function cutBody(
  body: ReadableStream<Uint8Array>,
  limit: number,
  mode: "reset" | "truncate",
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sent = 0;
  let cut = false;
  const end = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (mode === "reset")
      controller.error(new TypeError("terminated: connection reset by mpt-sandbox fault"));
    else controller.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Erroring a stream discards what is still queued: the cut comes on the pull after the last
      // bytes, so the client always receives the first `limit` bytes before the reset.
      if (cut) return end(controller);
      const { value, done } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      const room = limit - sent;
      if (value.byteLength < room) {
        sent += value.byteLength;
        controller.enqueue(value);
        return;
      }
      sent = limit;
      await reader.cancel();
      if (room <= 0) return end(controller);
      controller.enqueue(value.subarray(0, room));
      cut = true;
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function slowBody(body: ReadableStream<Uint8Array>, delay: number, size: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let pending: Uint8Array | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!pending || pending.byteLength === 0) {
        const { value, done } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        pending = value;
      }
      await sleep(delay);
      controller.enqueue(pending.subarray(0, size));
      pending = pending.subarray(size);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function rewrap(response: Response, body: ReadableStream<Uint8Array>): Response {
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

export class Faults {
  private armed: Armed[] = [];
  private nextId = 1;

  constructor(initial: readonly FaultSpec[] = []) {
    this.set(initial);
  }

  /** Replaces every fault. */
  set(specs: FaultSpec | readonly FaultSpec[]): string[] {
    const armed = this.arm(specs);
    this.armed = armed;
    return armed.map((a) => a.id);
  }

  /** Adds faults; returns their ids. All or none: a bad glob throws before any is armed. */
  add(specs: FaultSpec | readonly FaultSpec[]): string[] {
    const armed = this.arm(specs);
    this.armed.push(...armed);
    return armed.map((a) => a.id);
  }

  private arm(specs: FaultSpec | readonly FaultSpec[]): Armed[] {
    const list = Array.isArray(specs) ? specs : [specs as FaultSpec];
    const matchers = list.map((spec) => (spec.path ? globMatcher(spec.path) : undefined));
    return list.map((spec, i) => ({
      spec,
      id: spec.id ?? `fault-${this.nextId++}`,
      seen: 0,
      fired: 0,
      matches: matchers[i],
    }));
  }

  /** Removes one fault, or all. */
  clear(id?: string): void {
    this.armed = id === undefined ? [] : this.armed.filter((a) => a.id !== id);
  }

  list(): Array<FaultSpec & { id: string; fired: number }> {
    return this.armed.map((a) => ({ ...a.spec, id: a.id, fired: a.fired }));
  }

  private matches(a: Armed, info: RequestInfo): boolean {
    const { spec } = a;
    if (spec.method && spec.method.toUpperCase() !== info.method) return false;
    if (a.matches && !a.matches(info.path)) return false;
    if (spec.service && spec.service !== info.service && spec.service !== info.store) return false;
    return true;
  }

  /** Decides what happens to a request (counting it against each matching fault). */
  plan(info: RequestInfo): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, fired: [] };
    const wraps: Array<(r: Response) => Response> = [];
    for (const a of this.armed) {
      if (!this.matches(a, info)) continue;
      a.seen++;
      if (a.seen <= (a.spec.after ?? 0)) continue;
      if (a.spec.times !== undefined && a.fired >= a.spec.times) continue;
      if (a.spec.kind === "status" && plan.response) continue;
      a.fired++;
      plan.fired.push(a.id);
      const spec = a.spec;
      switch (spec.kind) {
        case "latency":
          plan.latencyMs += spec.ms;
          break;
        case "status": {
          const headers: Record<string, string> = {};
          if (spec.retryAfter !== undefined) headers["retry-after"] = String(spec.retryAfter);
          plan.response =
            spec.body !== undefined
              ? new Response(JSON.stringify(spec.body), {
                  status: spec.status,
                  headers: { "content-type": "application/json", ...headers },
                })
              : problemResponse({
                  status: spec.status,
                  detail: `Fault injected by mpt-sandbox (${a.id}).`,
                  headers,
                });
          break;
        }
        case "reset":
        case "truncate": {
          const limit = spec.afterBytes ?? 100;
          const mode = spec.kind;
          wraps.push((r) => (r.body ? rewrap(r, cutBody(r.body, limit, mode)) : r));
          break;
        }
        case "slowBody": {
          const { chunkDelayMs, chunkBytes = 256 } = spec;
          wraps.push((r) => (r.body ? rewrap(r, slowBody(r.body, chunkDelayMs, chunkBytes)) : r));
          break;
        }
      }
    }
    if (wraps.length > 0) plan.wrap = (r) => wraps.reduce((acc, w) => w(acc), r);
    return plan;
  }
}

export { sleep };
