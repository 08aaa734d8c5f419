/**
 * Syntax layer of MPT RQL (the dialect of the platform's .NET parser, mpt-rql-net): turns text
 * into a tree of words, named calls, bare parenthesised groups and `left=right` shortcuts, each
 * tagged with the connector written before it (`,` `&` = and, `|` `;` = or). Meaning (operators,
 * arity, precedence) is given by parser.ts and select-order.ts.
 *
 * Lexical rules, as in mpt-rql-net: `"` or `'` delimit a value and everything up to the same quote
 * character is literal (there is no escape); spaces belong to words; function names are whatever
 * precedes `(`. Where mpt-rql-net silently guesses, this layer is strict and throws an `RQLError`
 * naming the 0-based position: an unterminated quote, a quote inside an unquoted word (MPT would
 * open quote mode there and keep only the quoted part), text glued after a closing quote or `)`,
 * a `)` with no `(` (MPT ignores everything after it) and a `(` never closed.
 */
import { RQLError } from "../errors.js";

export type Connector = "and" | "or";

export type SyntaxItem =
  /** A value or name; `text` has the outer quotes removed. */
  | { kind: "word"; text: string; quoted: boolean; pos: number }
  /** `name(args)`; `name` as written (not lower-cased). */
  | { kind: "call"; name: string; args: SyntaxSeq; pos: number }
  /** `(items)` without a name. */
  | { kind: "paren"; items: SyntaxSeq; pos: number }
  /** The equals shortcut `left=right`; `pos` is the position of `=`. */
  | { kind: "equals"; left: SyntaxItem; right: SyntaxItem; pos: number };

/** One item of a sequence with the connector written before it (`null` for the first). */
export interface SyntaxEntry {
  connector: Connector | null;
  item: SyntaxItem;
}

export type SyntaxSeq = SyntaxEntry[];

/** Deeper nesting than this is refused (mpt-rql-net has no limit; this keeps the stack safe). */
export const MAX_RQL_DEPTH = 256;

const CONNECTORS: Readonly<Record<string, Connector>> = { ",": "and", "&": "and", "|": "or", ";": "or" };
const SPECIAL = new Set([",", "&", "|", ";", "=", "(", ")"]);

function isQuote(ch: string | undefined): ch is "'" | '"' {
  return ch === "'" || ch === '"';
}

/** Splits RQL text into its syntax tree. Empty text gives an empty sequence. */
export function parseSyntax(text: string): SyntaxSeq {
  return new SyntaxReader(text).sequence(null, 0);
}

class SyntaxReader {
  private i = 0;

  constructor(private readonly text: string) {}

  /** Items up to the `)` matching the `(` at `open`, or to the end when `open` is null. */
  sequence(open: number | null, depth: number): SyntaxSeq {
    if (depth > MAX_RQL_DEPTH) {
      throw new RQLError(`RQL is nested deeper than ${MAX_RQL_DEPTH} levels at position ${open ?? 0}`);
    }
    const out: SyntaxSeq = [];
    let connector: Connector | null = null;
    for (;;) {
      const item = this.item(depth);
      if (item) out.push({ connector, item });
      const ch = this.text[this.i];
      if (ch === undefined) {
        if (open !== null) throw new RQLError(`Missing ')' to close the '(' at position ${open}`);
        return out;
      }
      if (ch === ")") {
        if (open === null)
          throw new RQLError(`Unexpected ')' at position ${this.i}: there is no '(' to close`);
        this.i++;
        return out;
      }
      const next = CONNECTORS[ch];
      if (next === undefined) {
        throw new RQLError(`Unexpected ${JSON.stringify(ch)} at position ${this.i}`);
      }
      connector = next;
      this.i++;
    }
  }

  /** One operand, or `operand=operand`; null when the item is empty (e.g. `a,,b`). */
  private item(depth: number): SyntaxItem | null {
    const left = this.operand(depth);
    if (this.text[this.i] !== "=") return left;
    const pos = this.i;
    this.i++;
    const right = this.operand(depth);
    if (!left || left.kind === "paren" || !right || right.kind === "paren" || this.text[this.i] === "=") {
      throw new RQLError("Invalid equals shortcut expression");
    }
    return { kind: "equals", left, right, pos };
  }

  private operand(depth: number): SyntaxItem | null {
    const start = this.i;
    const first = this.text[start];
    if (first === undefined) return null;
    if (first === "(") {
      this.i++;
      const items = this.sequence(start, depth + 1);
      this.checkFollower("')'");
      return { kind: "paren", items, pos: start };
    }
    if (isQuote(first)) {
      const close = this.text.indexOf(first, start + 1);
      if (close < 0) {
        throw new RQLError(
          `Unterminated ${first} quote starting at position ${start} (MPT has no escape for quotes)`,
        );
      }
      this.i = close + 1;
      if (this.text[this.i] === "(") {
        throw new RQLError(`Unexpected '(' at position ${this.i}: a quoted value cannot name a function`);
      }
      this.checkFollower("the closing quote");
      return { kind: "word", text: this.text.slice(start + 1, close), quoted: true, pos: start };
    }
    let ch = this.text[this.i];
    while (ch !== undefined && !SPECIAL.has(ch)) {
      if (isQuote(ch)) {
        throw new RQLError(
          `Quote character ${ch} at position ${this.i} inside an unquoted value: quote the whole value ` +
            `with the other quote character instead (MPT has no escape for quotes)`,
        );
      }
      ch = this.text[++this.i];
    }
    const word = this.text.slice(start, this.i);
    if (ch === "(") {
      const open = this.i;
      this.i++;
      const args = this.sequence(open, depth + 1);
      this.checkFollower("')'");
      return { kind: "call", name: word, args, pos: start };
    }
    return word === "" ? null : { kind: "word", text: word, quoted: false, pos: start };
  }

  /** After a closing quote or `)` only a connector, `=`, `)` or the end may follow. */
  private checkFollower(after: string): void {
    const ch = this.text[this.i];
    if (ch === undefined || (SPECIAL.has(ch) && ch !== "(")) return;
    throw new RQLError(
      `Unexpected ${JSON.stringify(ch)} at position ${this.i} after ${after}: expected , & | ; = or )`,
    );
  }
}
