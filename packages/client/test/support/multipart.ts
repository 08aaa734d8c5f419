/**
 * A strict multipart/form-data parser working on raw bytes: every part with its headers, name,
 * filename (plain and RFC 5987 `filename*`), content type and data. It throws on a malformed body
 * (missing or wrong delimiters), so tests also prove the encoding is well formed.
 */

export interface ParsedPart {
  headers: Record<string, string>;
  name: string | undefined;
  filename: string | undefined;
  filenameStar: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** Splits a raw multipart/form-data body (bytes) into parts. */
export function parseMultipart(bytes: Uint8Array, contentType: string): ParsedPart[] {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (!boundary) throw new Error(`no boundary in ${contentType}`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: ParsedPart[] = [];
  let position = body.indexOf(delimiter);
  if (position !== 0) throw new Error("body does not start with the boundary");
  for (;;) {
    const afterDelimiter = position + delimiter.length;
    const tail = body.subarray(afterDelimiter, afterDelimiter + 2).toString();
    if (tail === "--") {
      if (body.subarray(afterDelimiter + 2).toString() !== "\r\n") throw new Error("bad closing delimiter");
      return parts;
    }
    if (tail !== "\r\n") throw new Error("delimiter not followed by CRLF");
    const headerEnd = body.indexOf("\r\n\r\n", afterDelimiter + 2);
    const headerLines = body
      .subarray(afterDelimiter + 2, headerEnd)
      .toString("utf8")
      .split("\r\n");
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delimiter]), headerEnd + 4);
    if (next < 0) throw new Error("unterminated part");
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(":");
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    const disposition = headers["content-disposition"] ?? "";
    parts.push({
      headers,
      name: /;\s*name="([^"]*)"/.exec(disposition)?.[1],
      filename: /;\s*filename="([^"]*)"/.exec(disposition)?.[1],
      filenameStar: /;\s*filename\*=([^;]+)/.exec(disposition)?.[1],
      contentType: headers["content-type"],
      data: body.subarray(headerEnd + 4, next),
    });
    position = next + 2;
  }
}
