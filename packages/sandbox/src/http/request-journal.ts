/**
 * The request journal (`GET /_sandbox/requests`): the last N API requests with their persona,
 * status, duration, trace id, the problem's title when they failed and the JSON body sent, with
 * credentials masked (the client's `redact`). Like WireMock's journal: it shows what code sent.
 */
import { redact } from "mpt-api-client";
import type { JsonValue } from "../shared/json.js";

/** Bodies longer than this are summarised, not kept. */
const MAX_BODY_BYTES = 64 * 1024;

export interface JournalledRequest {
  /** 1 for the first request the sandbox answered, then 2, 3... */
  seq: number;
  /** When the request arrived (the sandbox's clock). */
  at: string;
  method: string;
  /** Path with the query string. */
  path: string;
  /** `vendor`, `client`, `operations`, `extension`; `installation` for a JWT, `other`, or null without credentials. */
  persona: string | null;
  status: number;
  durationMs: number;
  /** The problem's `traceId`, else the request's `traceparent`, else null. */
  traceId: string | null;
  /** The problem's title and detail when the answer is a ProblemDetails. */
  title?: string;
  detail?: string;
  /** The JSON body (credentials masked), or a summary of another body. */
  body?: JsonValue;
}

export interface RequestFilter {
  method?: string;
  /** Substring of the path, or a glob with `*`. */
  path?: string;
  /** `404`, or a class: `4xx`. */
  status?: string;
  persona?: string;
  /** Only requests after this `seq`. */
  since?: number;
  /** At most this many (newest first). Default 100. */
  limit?: number;
}

function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.includes("*")) return path.includes(pattern);
  const regex = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^(?:/public/v1)?${regex}`).test(path);
}

function statusMatches(pattern: string, status: number): boolean {
  const text = String(status);
  return /^\dxx$/i.test(pattern) ? text[0] === pattern[0] : text === pattern;
}

/**
 * The body a request sent, masked, for the journal: read from a clone alongside the handler (never
 * ahead of it), at most MAX_BODY_BYTES of it, so a slow or oversized body is handled as without
 * the journal.
 */
export function journalBody(req: Request): Promise<JsonValue | undefined> {
  if (req.body === null) return Promise.resolve(undefined);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (!type.includes("json")) return Promise.resolve(`<${type.split(";")[0] || "body"}: not kept>`);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return Promise.resolve(`<${length} bytes: not kept>`);
  const stream = req.clone().body;
  return stream ? readMasked(stream) : Promise.resolve(undefined);
}

async function readMasked(stream: ReadableStream<Uint8Array>): Promise<JsonValue | undefined> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return `<over ${MAX_BODY_BYTES} bytes: not kept>`;
      }
      chunks.push(value);
    }
  } catch {
    return "<body not received>";
  }
  const text = Buffer.concat(chunks).toString("utf8");
  const masked = redact(text);
  try {
    return JSON.parse(masked) as JsonValue;
  } catch {
    return masked;
  }
}

/** Reads title, detail and traceId from a ProblemDetails answer (a clone: the body stays whole). */
export async function problemSummary(
  response: Response,
): Promise<{ title?: string; detail?: string; traceId?: string }> {
  if (!(response.headers.get("content-type") ?? "").includes("problem+json")) return {};
  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    const pick = (key: string) => (typeof body[key] === "string" ? { [key]: body[key] as string } : {});
    return { ...pick("title"), ...pick("detail"), ...pick("traceId") };
  } catch {
    return {};
  }
}

export class RequestJournal {
  private readonly entries: JournalledRequest[] = [];
  private seq = 0;

  /** Keeps the last `capacity` requests; 0 keeps none. */
  constructor(readonly capacity: number) {}

  /** Runs `answer` for `req` and journals the request with the outcome. */
  async around(
    req: Request,
    who: { persona: string | null; at: string },
    answer: () => Promise<Response>,
  ): Promise<Response> {
    if (this.capacity <= 0) return answer();
    const seq = ++this.seq;
    const started = performance.now();
    const body = journalBody(req);
    const response = await answer();
    const problem = await problemSummary(response);
    const url = new URL(req.url);
    const entry: JournalledRequest = {
      seq,
      at: who.at,
      method: req.method,
      path: redact(`${url.pathname}${url.search}`),
      persona: who.persona,
      status: response.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      traceId: problem.traceId ?? req.headers.get("traceparent"),
      ...(problem.title !== undefined ? { title: problem.title } : {}),
      ...(problem.detail !== undefined ? { detail: problem.detail } : {}),
    };
    this.add(entry);
    // The body joins the entry when the clone has been read (the answer does not wait for it).
    void body.then((kept) => {
      if (kept !== undefined) entry.body = kept;
    });
    return response;
  }

  private add(entry: JournalledRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Matching requests, newest first, and how many matched before `limit`. */
  list(filter: RequestFilter = {}): { data: JournalledRequest[]; total: number } {
    const method = filter.method?.toUpperCase();
    const persona = filter.persona?.toLowerCase();
    const matching = this.entries.filter(
      (e) =>
        (method === undefined || e.method === method) &&
        (filter.path === undefined || pathMatches(filter.path, e.path)) &&
        (filter.status === undefined || statusMatches(filter.status, e.status)) &&
        (persona === undefined || e.persona === persona) &&
        (filter.since === undefined || e.seq > filter.since),
    );
    const limit = filter.limit ?? 100;
    return { data: matching.reverse().slice(0, limit), total: matching.length };
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** Reads a filter from the query string of `GET /_sandbox/requests`. */
export function filterFromQuery(params: URLSearchParams): RequestFilter | string {
  const filter: RequestFilter = {};
  for (const [key, value] of params) {
    switch (key) {
      case "method":
      case "path":
      case "persona":
        filter[key] = value;
        break;
      case "status":
        if (!/^\d(?:\d\d|xx)$/i.test(value))
          return `status must be a code (404) or a class (4xx), not '${value}'.`;
        filter.status = value;
        break;
      case "since":
      case "limit": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) return `${key} must be a non-negative integer, not '${value}'.`;
        filter[key] = n;
        break;
      }
      default:
        return `Unknown filter '${key}'; use method, path, status, persona, since, limit.`;
    }
  }
  return filter;
}
