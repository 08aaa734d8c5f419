/**
 * A text destination that respects backpressure: stdout (left open at the end) or a file. A
 * closed pipe on stdout (`mpt ... | head`) ends the command quietly (see main.ts).
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

export interface TextOut {
  write(text: string): Promise<void>;
  /** Flushes; closes the destination when it is a file. */
  end(): Promise<void>;
}

/** Resolves on `drain`, or on `close` when the destination went away (the error is kept above). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}

export function streamOut(stream: Writable, close: boolean): TextOut {
  let failure: Error | undefined;
  stream.on("error", (error: Error) => {
    failure = error;
  });
  return {
    async write(text) {
      if (failure) throw failure;
      if (!stream.write(text)) await drained(stream);
    },
    async end() {
      if (failure) throw failure;
      if (close) {
        stream.end();
        await once(stream, "finish");
      } else if (stream.writableNeedDrain) {
        await drained(stream);
      }
    },
  };
}

/** A new file at `path` (replaced if it exists). */
export async function fileOut(path: string): Promise<TextOut> {
  const stream = createWriteStream(path);
  await once(stream, "open");
  return streamOut(stream, true);
}
