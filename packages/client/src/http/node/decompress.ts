/**
 * Content decoding on the Node transport, as fetch does it: gzip (x-gzip), deflate and br are
 * decoded as the body streams; any other or stacked coding is passed through as it is. Decoding
 * is lenient about a missing end marker, like undici.
 */
import type { IncomingMessage } from "node:http";
import type { Readable, Transform } from "node:stream";
import type { NodeBuiltins } from "./builtins.js";

/** What the Node transport sends as `Accept-Encoding` unless the caller set one. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

/** The decoded body of `res` (`res` itself when it is not encoded). */
export function decodedBody(node: NodeBuiltins, res: IncomingMessage): Readable {
  const coding = res.headers["content-encoding"]?.trim().toLowerCase();
  if (!coding || coding === "identity") return res;
  const { zlib } = node;
  const sync = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  let decoder: Transform;
  if (coding === "gzip" || coding === "x-gzip") decoder = zlib.createGunzip(sync);
  else if (coding === "deflate") decoder = zlib.createInflate(sync);
  else if (coding === "br") {
    const flush = zlib.constants.BROTLI_OPERATION_FLUSH;
    decoder = zlib.createBrotliDecompress({ flush, finishFlush: flush });
  } else return res;
  node.stream.pipeline(res, decoder, () => {});
  return decoder;
}
