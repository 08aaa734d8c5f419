/**
 * Writing a request body on the Node transport: strings in one write; Blobs (multipart uploads,
 * files from `fs.openAsBlob`) chunk by chunk from `blob.stream()`, waiting for `drain` whenever
 * the socket is full, so a large file is never held in memory.
 */
import type { ClientRequest } from "node:http";

/** Resolves when `req` can take more data; rejects when it closed first. */
function drained(req: ClientRequest): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onDrain = () => {
      req.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      req.off("drain", onDrain);
      reject(new Error("the request closed while its body was being sent"));
    };
    req.once("drain", onDrain);
    req.once("close", onClose);
  });
}

async function pump(req: ClientRequest, blob: Blob): Promise<void> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (req.destroyed) return;
      if (!req.write(value)) await drained(req);
    }
    req.end();
  } finally {
    reader.cancel().catch(() => {});
  }
}

/** Sends `body` on `req` and ends it. A failure reading the Blob destroys the request with it. */
export function writeBody(req: ClientRequest, body: string | Blob | undefined): void {
  if (body === undefined) req.end();
  else if (typeof body === "string") req.end(body);
  else pump(req, body).catch((error: unknown) => req.destroy(error instanceof Error ? error : undefined));
}
