/**
 * A fetch stand-in for tests: records every request (method, path, query, headers, body, and
 * multipart part names as parsed from the encoded body) and answers with a body that every
 * client call can read (a one-record collection, a model, a JSONL line, or a file).
 */

import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
import { parseMultipart } from "./multipart.js";

export interface RecordedPart {
  name: string;
  filename: string | null;
  contentType: string | null;
  data: Uint8Array;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  /** Decoded path. */
  path: string;
  headers: Headers;
  body: Uint8Array;
  parts: RecordedPart[] | null;
}

export type Responder = (req: RecordedRequest) => Response | undefined;

export function recordingFetch(responder?: Responder): { fetch: typeof fetch; calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    const url = new URL(request.url);
    const rec: RecordedRequest = {
      method: request.method,
      url,
      path: decodeURIComponent(url.pathname),
      headers: request.headers,
      body,
      parts: partsOf(request.headers.get("content-type"), body),
    };
    calls.push(rec);
    return responder?.(rec) ?? defaultAnswer(rec);
  };
  return { fetch: fn as typeof fetch, calls };
}

function defaultAnswer(req: RecordedRequest): Response {
  const accept = req.headers.get("accept") ?? "";
  if (accept.includes("application/jsonl")) {
    return new Response('{"id":"X-1"}\n', {
      headers: { "Content-Type": "application/jsonl", "MPT-Streaming": "true" },
    });
  }
  if (req.method === "DELETE") return new Response(null, { status: 204 });
  if (accept && accept !== "application/json" && accept !== "*/*") {
    return new Response(new Uint8Array([1, 2, 3]), {
      headers: { "Content-Type": accept, "Content-Disposition": 'attachment; filename="file.bin"' },
    });
  }
  const body = {
    id: "X-1",
    contentType: "application/pdf",
    $meta: { pagination: { offset: 0, limit: 1, total: 1 } },
    data: [{ id: "X-1" }],
  };
  return Response.json(body);
}

/** The parts of a multipart/form-data body (null for any other body). */
function partsOf(contentType: string | null, body: Uint8Array): RecordedPart[] | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  return parseMultipart(body, contentType).map((part) => ({
    name: part.name ?? "",
    filename: part.filename ?? null,
    contentType: part.contentType ?? null,
    data: new Uint8Array(part.data),
  }));
}

/** A client that sends through `recordingFetch` (no retries), and the calls it recorded. */
export function recordingClient(responder?: Responder): { client: MPTClient; calls: RecordedRequest[] } {
  const { fetch, calls } = recordingFetch(responder);
  const client = new MPTClient({
    baseUrl: "https://api.example.test/public",
    authentication: new BearerTokenAuthentication("test-token"),
    fetch,
    retries: 0,
  });
  return { client, calls };
}
