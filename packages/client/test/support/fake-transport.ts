/**
 * An in-memory `HttpTransport` for engine tests: records each `HttpRequest` and answers from a
 * handler, so service behaviour is tested without fetch, retries or sockets.
 */
import type { HttpRequest, HttpResponse, HttpTransport, StreamResponse } from "../../src/http/types.js";

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw chunks for stream(); a string chunk is UTF-8 encoded. An Error chunk makes the read fail. */
  chunks?: (string | Error)[];
}

export function fakeTransport(handler: (req: HttpRequest) => FakeAnswer | Promise<FakeAnswer>) {
  const requests: HttpRequest[] = [];
  const encoder = new TextEncoder();
  const toBytes = (body: unknown): Uint8Array =>
    body === undefined
      ? new Uint8Array()
      : body instanceof Uint8Array
        ? body
        : encoder.encode(typeof body === "string" ? body : JSON.stringify(body));
  const transport: HttpTransport = {
    async request(req): Promise<HttpResponse> {
      requests.push(req);
      const a = await handler(req);
      const bytes = toBytes(a.body);
      return {
        status: a.status ?? 200,
        headers: new Headers(a.headers),
        url: `https://api.example.test${req.path}`,
        body: bytes,
        text: () => new TextDecoder().decode(bytes),
        json: () => JSON.parse(new TextDecoder().decode(bytes)),
      };
    },
    async stream(req): Promise<StreamResponse> {
      requests.push(req);
      const a = await handler(req);
      const chunks = a.chunks ?? [typeof a.body === "string" ? a.body : JSON.stringify(a.body)];
      let i = 0;
      let cancelled = false;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const c = chunks[i++];
          if (c === undefined) controller.close();
          else if (c instanceof Error) controller.error(c);
          else controller.enqueue(encoder.encode(c));
        },
        cancel() {
          cancelled = true;
        },
      });
      return {
        status: a.status ?? 200,
        headers: new Headers(a.headers),
        url: `https://api.example.test${req.path}`,
        body,
        cancel: async () => {
          cancelled = true;
          await body.cancel().catch(() => undefined);
        },
        get cancelledFlag() {
          return cancelled;
        },
      } as StreamResponse;
    },
  };
  return { transport, requests };
}

/** A page answer as MPT sends it. */
export function page(data: unknown[], offset: number, limit: number, total: number): FakeAnswer {
  return { body: { $meta: { pagination: { offset, limit, total } }, data } };
}
