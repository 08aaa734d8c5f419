/**
 * The query string of a collection call, in the Python client's order
 * `limit=..&offset=..&order=..&select=..&<rql>&render()`, its wire encoding, and the inverse
 * (`parseQueryString`, used by the sandbox).
 *
 * Encoding rule (`encodeRqlForWire`). A character is sent as it is when it is an ASCII letter or
 * digit or one of `- _ . ~ * :`, or, outside quoted values, one of the structure characters
 * `( ) , | ; =`, a quote that opens or closes a value, or `&` outside every parenthesis (a
 * top-level AND, which is also where a server splits parameters). Everything else is
 * percent-encoded as UTF-8: spaces, `# + % ! / ? \ [ ]`, non-ASCII, any `&` inside parentheses,
 * and inside quoted values also `& | ; , ( ) = '` `"` and the rest. Hence:
 * - `decodeURIComponent` of the encoded text (or of each piece between literal `&`s) gives back
 *   the RQL exactly; `#` never ends the URL, `+` never becomes a space, `%` is never misread;
 * - every literal `&` in the encoded text is a top-level separator, so splitting the raw query
 *   on `&` never cuts a value or a function call.
 * `order` and `select` entries are encoded the same way with `( ) ,` kept (`+audit` is sent as
 * `%2Baudit`, which MPT decodes back to `+audit`).
 *
 * Decoding (`parseQueryString`) follows form rules like the platform's ASP.NET host: a literal
 * `+` is a space (a client that forgets to encode `+` sees it turn into a space, as on MPT).
 */
import { RQLError } from "../errors.js";

/** What a collection call puts in its query string. */
export interface QueryStringState {
  limit?: number;
  offset?: number;
  order?: readonly string[];
  select?: readonly string[];
  /** RQL filter text (as `RQLQuery.toString()` writes it); empty means none. */
  filter?: string;
  render?: boolean;
}

/** A raw query string taken apart; `filter` is decoded RQL text (`""` when none). */
export interface ParsedQueryString {
  limit?: number;
  offset?: number;
  select?: string;
  order?: string;
  render: boolean;
  filter: string;
}

const ALWAYS_LITERAL = /^[A-Za-z0-9\-_.~*:]$/;
const STRUCTURE = new Set(["(", ")", ",", "|", ";", "="]);
const FIELD_STRUCTURE = new Set(["(", ")", ","]);
const RESERVED = /^(limit|offset|select|order)=(.*)$/s;

function percentEncode(ch: string): string {
  try {
    return encodeURIComponent(ch).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch (error) {
    throw new RQLError("Cannot send text with a lone UTF-16 surrogate in a URL", { cause: error });
  }
}

/** Percent-encodes RQL filter text for the query string (rule in the module header). */
export function encodeRqlForWire(text: string): string {
  let out = "";
  let quote: string | null = null;
  let depth = 0;
  for (const ch of text) {
    if (quote !== null) {
      if (ch === quote) {
        quote = null;
        out += ch;
      } else out += ALWAYS_LITERAL.test(ch) ? ch : percentEncode(ch);
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    const literal = ALWAYS_LITERAL.test(ch) || STRUCTURE.has(ch) || (ch === "&" && depth === 0);
    out += literal ? ch : percentEncode(ch);
  }
  return out;
}

/** Encodes one `order`/`select` entry (keeps `( ) ,` for the grouped select form). */
function encodeField(field: string): string {
  let out = "";
  for (const ch of field) out += ALWAYS_LITERAL.test(ch) || FIELD_STRUCTURE.has(ch) ? ch : percentEncode(ch);
  return out;
}

function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RQLError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** Builds `limit=..&offset=..&order=..&select=..&<rql>&render()`, leaving out absent parts. */
export function buildQueryString(state: QueryStringState): string {
  const parts: string[] = [];
  if (state.limit !== undefined) parts.push(`limit=${checkCount("limit", state.limit)}`);
  if (state.offset !== undefined) parts.push(`offset=${checkCount("offset", state.offset)}`);
  if (state.order && state.order.length > 0) parts.push(`order=${state.order.map(encodeField).join(",")}`);
  if (state.select && state.select.length > 0)
    parts.push(`select=${state.select.map(encodeField).join(",")}`);
  if (state.filter) parts.push(encodeRqlForWire(state.filter));
  if (state.render) parts.push("render()");
  return parts.join("&");
}

/** Splits a raw query on `&` outside quotes and parentheses. */
function splitPieces(raw: string): string[] {
  const pieces: string[] = [];
  let quote: string | null = null;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "&" && depth === 0) {
      pieces.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(raw.slice(start));
  return pieces.filter((p) => p !== "");
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll("+", " "));
  } catch (error) {
    throw new RQLError(`Malformed percent-encoding in the query string: ${JSON.stringify(text)}`, {
      cause: error,
    });
  }
}

function parseCount(name: string, text: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new RQLError(`Invalid ${name} value ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * Takes a raw query string (without `?`) apart: the reserved `limit offset select order`
 * parameters, the bare `render()` token, and the RQL filter (every other piece, decoded and
 * joined with `&`). A top-level piece starting `limit=`, `offset=`, `select=` or `order=` is
 * always that parameter (so an equals shortcut on a field of one of those names cannot be a
 * filter). A repeated `select`/`order` is joined with `,`; a repeated `limit`/`offset` is invalid.
 * The filter text is not parsed here: pass it to `parseRQL`.
 * @throws RQLError on malformed percent-encoding or a non-integer limit/offset.
 */
export function parseQueryString(raw: string): ParsedQueryString {
  const reserved = new Map<string, string[]>();
  const filter: string[] = [];
  let render = false;
  for (const piece of splitPieces(raw.startsWith("?") ? raw.slice(1) : raw)) {
    const match = RESERVED.exec(piece);
    if (match) {
      const key = match[1] ?? "";
      reserved.set(key, [...(reserved.get(key) ?? []), formDecode(match[2] ?? "")]);
      continue;
    }
    const decoded = formDecode(piece);
    if (decoded === "render()") render = true;
    else filter.push(decoded);
  }
  const result: ParsedQueryString = { render, filter: filter.join("&") };
  const limit = reserved.get("limit");
  const offset = reserved.get("offset");
  const select = reserved.get("select");
  const order = reserved.get("order");
  if (limit) result.limit = parseCount("limit", limit.join(","));
  if (offset) result.offset = parseCount("offset", offset.join(","));
  if (select) result.select = select.join(",");
  if (order) result.order = order.join(",");
  return result;
}
