/**
 * JSONL bodies: the platform's streaming read mode (`MPT-Streaming: true` + `Accept:
 * application/jsonl` on a collection route, echoed back) and the statement-charges blob. Records
 * are encoded in chunks as the consumer pulls, never as one big string.
 */
import type { JsonObject } from "../shared/json.js";

const encoder = new TextEncoder();
const CHUNK_RECORDS = 256;

export function wantsJsonl(req: Request): boolean {
  return (req.headers.get("accept") ?? "").toLowerCase().includes("application/jsonl");
}

export function wantsStreaming(req: Request): boolean {
  return (req.headers.get("mpt-streaming") ?? "").trim().toLowerCase() === "true" && wantsJsonl(req);
}

/** A byte stream of one JSON document per line, pulled from `records`. */
export function jsonlStream(records: Iterable<JsonObject>): ReadableStream<Uint8Array> {
  const iterator = records[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let text = "";
        for (let i = 0; i < CHUNK_RECORDS; i++) {
          const next = iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += `${JSON.stringify(next.value)}\n`;
        }
        controller.enqueue(encoder.encode(text));
      },
      cancel() {
        iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

export function jsonlResponse(records: Iterable<JsonObject>, streaming: boolean): Response {
  const headers: Record<string, string> = { "content-type": "application/jsonl; charset=utf-8" };
  if (streaming) headers["mpt-streaming"] = "true";
  return new Response(jsonlStream(records), { status: 200, headers });
}
