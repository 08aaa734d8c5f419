/**
 * Downloaded files: `FileModel` (bytes in memory) and `FileStream` (an open body for large
 * files), with the `Content-Disposition` parsing both share.
 */

/** A downloaded file held in memory. */
export class FileModel {
  readonly filename: string | null;
  readonly contentType: string | null;
  readonly fileContents: Uint8Array;

  constructor(init: { filename: string | null; contentType: string | null; fileContents: Uint8Array }) {
    this.filename = init.filename;
    this.contentType = init.contentType;
    this.fileContents = init.fileContents;
  }

  /** Size in bytes. */
  get size(): number {
    return this.fileContents.byteLength;
  }

  /** The contents decoded as UTF-8 text. */
  text(): string {
    return new TextDecoder().decode(this.fileContents);
  }
}

/** A download whose body is still open: read `body` to stream the file without holding it whole. */
export interface FileStream {
  readonly filename: string | null;
  readonly contentType: string | null;
  /** Byte length when the server sent `Content-Length`. */
  readonly size: number | null;
  readonly body: ReadableStream<Uint8Array>;
}

/**
 * Extracts the file name of a `Content-Disposition` header: `filename*=` (RFC 5987, UTF-8 or
 * ISO-8859-1, percent-encoded) wins over `filename=` (quoted or bare). Case-insensitive.
 */
export function filenameFromContentDisposition(header: string | null): string | null {
  if (!header) return null;
  const params = parseParams(header);
  const extended = params.get("filename*");
  if (extended !== undefined) {
    const m = /^([\w!#$%&+^`{}~-]*)'[^']*'(.*)$/.exec(extended);
    if (m) {
      const charset = (m[1] ?? "").toLowerCase();
      const decoded = decodeExtended(m[2] ?? "", charset);
      if (decoded !== null) return decoded;
    }
  }
  const plain = params.get("filename");
  return plain === undefined || plain === "" ? null : plain;
}

function parseParams(header: string): Map<string, string> {
  const out = new Map<string, string>();
  // name=value pairs after the disposition type; values may be quoted with \-escapes.
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (let m = re.exec(header); m !== null; m = re.exec(header)) {
    const name = (m[1] ?? "").toLowerCase();
    let value = (m[2] ?? "").trim();
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, "$1");
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

function decodeExtended(value: string, charset: string): string | null {
  try {
    if (charset === "utf-8" || charset === "") return decodeURIComponent(value);
    // ISO-8859-1: each %XX is one code point.
    return value.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  } catch {
    return null;
  }
}
