/**
 * `select=` and `order=` values, read as mpt-rql-net reads them (same lexer as filters).
 *
 * select: comma-separated paths, each with an optional sign: `+`, a space (a URL-decoded `+`) or
 * none includes, `-` excludes; `*` is every field at its level; dots nest. The grouped form
 * `name(a,-b)` means `name` itself (with its own sign) and then `name.a`, `name.b`.
 * order: comma-separated paths; `-` descending, `+`, a space or none ascending. Only plain
 * words count (anything else is ignored, as MPT does); no word at all is
 * "No valid ordering properties were detected".
 */
import { RQLError } from "../errors.js";
import type { OrderEntry, SelectEntry } from "./ast.js";
import { parseSyntax, type SyntaxSeq } from "./syntax.js";

/** Splits a leading sign off an entry (mpt-rql-net `StringHelper.ExtractSign`). */
function extractSign(text: string): { path: string; positive: boolean } {
  const sign = text[0];
  if (sign === "+" || sign === " ") return { path: text.slice(1), positive: true };
  if (sign === "-") return { path: text.slice(1), positive: false };
  return { path: text, positive: true };
}

/** Parses a `select=` value. Empty text gives `[]`. */
export function parseSelect(text: string): SelectEntry[] {
  const out: SelectEntry[] = [];
  collectSelect(parseSyntax(text), "", out);
  return out;
}

function collectSelect(seq: SyntaxSeq, prefix: string, out: SelectEntry[]): void {
  for (const { item } of seq) {
    if (item.kind === "paren") {
      collectSelect(item.items, prefix, out);
      continue;
    }
    if (item.kind === "equals") {
      throw new RQLError(`Invalid select: '=' at position ${item.pos} is not allowed in a select list`);
    }
    const raw = item.kind === "word" ? item.text : item.name;
    const { path, positive } = extractSign(raw);
    if (path === "")
      throw new RQLError(`Invalid select entry ${JSON.stringify(raw)} at position ${item.pos}`);
    out.push({ path: prefix + path, include: positive });
    if (item.kind === "call") collectSelect(item.args, `${prefix}${path}.`, out);
  }
}

/** Parses an `order=` value. Empty text gives `[]`. */
export function parseOrder(text: string): OrderEntry[] {
  if (text === "") return [];
  let seq = parseSyntax(text);
  while (seq.length === 1 && seq[0]?.item.kind === "paren") seq = seq[0].item.items;
  const out: OrderEntry[] = [];
  for (const { item } of seq) {
    if (item.kind !== "word") continue;
    const { path, positive } = extractSign(item.text);
    if (path === "") throw new RQLError("Invalid property path.");
    out.push({ path, descending: !positive });
  }
  if (out.length === 0) throw new RQLError("No valid ordering properties were detected");
  return out;
}
