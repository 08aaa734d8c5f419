/**
 * `stream()`: records of a JSONL answer as they arrive. Two modes: the platform's streaming read
 * mode (`MPT-Streaming: true`, which the server must echo) and plain JSONL endpoints
 * (`Accept: application/jsonl`, e.g. statement charges, which redirect to a blob).
 */
import { MPTStreamingNotEnabledError } from "../errors.js";
import type { HttpRequest, HttpTransport } from "../http/types.js";
import { readJsonLines } from "./jsonl.js";
import { toModel } from "./pagination.js";
import type { StreamOptions } from "./types.js";

export async function* streamRecords(
  transport: HttpTransport,
  req: HttpRequest,
  kind: "jsonl" | "mpt-streaming",
  options: StreamOptions,
): AsyncGenerator<unknown, void, undefined> {
  const headers: Record<string, string> =
    kind === "mpt-streaming"
      ? { Accept: "application/jsonl", "MPT-Streaming": "true" }
      : { Accept: "application/jsonl" };
  const res = await transport.stream({ ...req, headers: { ...headers, ...req.headers } });
  if (kind === "mpt-streaming") {
    const echoed = res.headers.get("MPT-Streaming");
    if (echoed?.trim().toLowerCase() !== "true") {
      await res.cancel();
      throw new MPTStreamingNotEnabledError(req.path, echoed);
    }
  }
  const where = `GET ${req.path}`;
  const progress = options.progress;
  const onBytes = progress?.bytesReceived ? (n: number) => progress.bytesReceived?.(n) : undefined;
  for await (const raw of readJsonLines(res.body, where, onBytes, req.signal)) {
    yield toModel(raw, where);
    progress?.itemProcessed?.();
  }
  progress?.completed?.();
}
