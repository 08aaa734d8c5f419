/**
 * A fetch stand-in for tests: records every request (method, path, query, headers, body, and
 * multipart part names as parsed from the encoded body) and answers with a body that every
 * client call can read (a one-record collection, a model, a JSONL line, or a file).
 */

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
      parts: parseMultipart(request.headers.get("content-type"), body),
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

/** Parses a multipart/form-data body into parts (enough for tests: no nested multiparts). */
export function parseMultipart(contentType: string | null, body: Uint8Array): RecordedPart[] | null {
  const m = contentType ? /multipart\/form-data;\s*boundary="?([^";]+)"?/i.exec(contentType) : null;
  if (!m) return null;
  const boundary = Buffer.from(`--${m[1]}`);
  const buf = Buffer.from(body);
  const parts: RecordedPart[] = [];
  let pos = buf.indexOf(boundary);
  while (pos !== -1) {
    const start = pos + boundary.length;
    if (buf.subarray(start, start + 2).toString() === "--") break;
    const next = buf.indexOf(boundary, start);
    if (next === -1) break;
    const chunk = buf.subarray(start + 2, next - 2); // skip CRLF after boundary and before the next
    const headerEnd = chunk.indexOf("\r\n\r\n");
    const head = chunk.subarray(0, headerEnd).toString("utf8");
    const data = new Uint8Array(chunk.subarray(headerEnd + 4));
    const disp = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? "";
    parts.push({
      name: /\bname="([^"]*)"/.exec(disp)?.[1] ?? "",
      filename: /\bfilename="([^"]*)"/.exec(disp)?.[1] ?? null,
      contentType: /content-type:\s*([^\r\n]*)/i.exec(head)?.[1]?.trim() ?? null,
      data,
    });
    pos = next;
  }
  return parts;
}
