/**
 * `parseRQL`: MPT filter text -> `RqlNode` (ast.ts), with the meaning mpt-rql-net gives it.
 *
 * - Top level and bare `( )`: AND (`,` `&`) binds tighter than OR (`|` `;`); one item is itself.
 * - Named functions (names case-insensitive) take their arguments as a flat list: any connector
 *   separates arguments there, as in mpt-rql-net (`and(a=1|b=2)` is `and(a=1,b=2)`).
 * - `eq ne gt ge lt le like ilike` take 2 arguments, `in out` a list `(a,b)` or one bare value,
 *   `and or` any number, `not` exactly 1, `any` 1 or 2, `all` 2, `null() empty()` none,
 *   `self()`/`self(path)` at most 1. Any other name becomes `{ type: "group" }` (MPT answers
 *   "Unknown expression group." for it); its bare-value arguments are dropped.
 * - `path=value` is `eq(path,value)`; the value may be `null()`, `empty()` or `self(...)`.
 * - On the left of an operator `self()` is the current element: path `""`; `self(p)` is path `p`.
 * - `filter(...)` (a platform scope function mpt-rql-net does not know) is a no-op: it parses to
 *   `{ type: "and", args: [] }` (true), is dropped from AND lists, makes an OR list true, and a
 *   filter made only of no-ops parses to `null`, like empty text.
 *
 * Errors are `RQLError`s; where mpt-rql-net (or MPT's filter builder, which reports the same
 * mistakes on the server) has a message, the message is exactly its text.
 */
import { RQLError } from "../errors.js";
import type { RqlCompareOp, RqlListOp, RqlNode, RqlValue } from "./ast.js";
import { parseSyntax, type SyntaxItem, type SyntaxSeq } from "./syntax.js";

const COMPARE_OPS: ReadonlySet<string> = new Set<RqlCompareOp>([
  "eq",
  "ne",
  "gt",
  "ge",
  "lt",
  "le",
  "like",
  "ilike",
]);
const LIST_OPS: ReadonlySet<string> = new Set<RqlListOp>(["in", "out"]);

/** The `filter(...)` no-ops produced by this parse (identity, so an explicit `and()` stays). */
const noops = new WeakSet<RqlNode>();

/** Parses an MPT RQL filter. Empty text (or only `filter(...)` no-ops) gives `null`. */
export function parseRQL(text: string): RqlNode | null {
  if (typeof text !== "string") throw new RQLError("parseRQL(text): text must be a string");
  const seq = parseSyntax(text);
  if (seq.length === 0) return null;
  const node = reduce(seq);
  return noops.has(node) ? null : node;
}

/** Precedence of a top-level or bare-parenthesised sequence: OR of ANDs. */
function reduce(seq: SyntaxSeq): RqlNode {
  const parts: RqlNode[][] = [];
  for (const { connector, item } of seq) {
    const node = toNode(item);
    const last = parts[parts.length - 1];
    if (last === undefined || connector === "or") parts.push([node]);
    else last.push(node);
  }
  const terms = parts.map((p) => (p.length === 1 ? p[0]! : makeGroup("and", p)));
  return terms.length === 1 ? terms[0]! : makeGroup("or", terms);
}

function makeGroup(type: "and" | "or", args: RqlNode[]): RqlNode {
  if (args.length > 0 && args.every((a) => noops.has(a))) return noop();
  if (type === "or" && args.some((a) => noops.has(a))) return noop();
  return { type, args: args.filter((a) => !noops.has(a)) };
}

function noop(): RqlNode {
  const node: RqlNode = { type: "and", args: [] };
  noops.add(node);
  return node;
}

function toNode(item: SyntaxItem): RqlNode {
  switch (item.kind) {
    case "word":
      throw new RQLError("Expression expected.");
    case "paren":
      return item.items.length === 0 ? { type: "or", args: [] } : reduce(item.items);
    case "equals":
      return equalsShortcut(item.left, item.right);
    case "call":
      return callNode(item.name.toLowerCase(), item.args);
  }
}

function equalsShortcut(left: SyntaxItem, right: SyntaxItem): RqlNode {
  const leftOk = left.kind === "word" || (left.kind === "call" && left.name.toLowerCase() === "self");
  if (!leftOk || !isValueItem(right)) throw new RQLError("Invalid equals shortcut expression");
  return { type: "compare", op: "eq", path: pathOf(left), value: argValue(right) };
}

function callNode(name: string, seq: SyntaxSeq): RqlNode {
  const args = seq.map((e) => e.item);
  if (name === "and" || name === "or") return makeGroup(name, args.map(toNode));
  if (name === "not") {
    if (args.length !== 1) throw new RQLError("Unary expression must have 1 argument");
    return { type: "not", arg: toNode(args[0]!) };
  }
  if (COMPARE_OPS.has(name)) {
    const [left, right] = binaryArgs(args);
    const value = argValue(right);
    if ((name === "like" || name === "ilike") && value.kind !== "literal" && value.kind !== "empty") {
      throw new RQLError(
        value.kind === "null" ? "Null values are not supported." : "Unsupported argument type.",
      );
    }
    return { type: "compare", op: name as RqlCompareOp, path: pathOf(left), value };
  }
  if (LIST_OPS.has(name)) {
    const [left, right] = binaryArgs(args);
    return { type: "list", op: name as RqlListOp, path: pathOf(left), values: listOf(right) };
  }
  if (name === "any" || name === "all") return collectionNode(name, args);
  if (name === "null" || name === "empty" || name === "self") {
    if (name !== "self" && args.length > 0) throw new RQLError("Constant functions cannot have arguments");
    if (name === "self" && args.length > 1)
      throw new RQLError("Pointer expression must have 0 or 1 argument");
    throw new RQLError("Expression expected.");
  }
  if (name === "filter") return noop();
  return { type: "group", name, args: args.filter((a) => !isValueItem(a)).map(toNode) };
}

/** A bare value (word, `null()`, `empty()`, `self(...)`): not an expression. */
function isValueItem(item: SyntaxItem): boolean {
  return (
    item.kind === "word" ||
    (item.kind === "call" && ["null", "empty", "self"].includes(item.name.toLowerCase()))
  );
}

function binaryArgs(args: SyntaxItem[]): [SyntaxItem, SyntaxItem] {
  const [left, right] = args;
  if (args.length !== 2 || left === undefined || right === undefined) {
    throw new RQLError("Binary expression must have 2 arguments");
  }
  return [left, right];
}

function collectionNode(op: "any" | "all", args: SyntaxItem[]): RqlNode {
  const [coll, predicate] = args;
  if (coll === undefined) throw new RQLError("Collection expression must have at least 1 argument");
  if (args.length > 2) throw new RQLError(`${op}() takes a collection and at most one expression`);
  if (predicate === undefined) {
    if (op === "all") throw new RQLError("all() function must have 2 arguments");
    return { type: "collection", op, path: pathOf(coll) };
  }
  return { type: "collection", op, path: pathOf(coll), predicate: toNode(predicate) };
}

/** A property path: a word, `self()` (the element itself: `""`) or `self(path)`. */
function pathOf(item: SyntaxItem): string {
  if (item.kind === "word") {
    if (item.text === "") throw new RQLError("Invalid property path.");
    return item.text;
  }
  if (item.kind === "call" && item.name.toLowerCase() === "self") {
    const value = selfValue(item.args);
    return value.kind === "self" ? (value.path ?? "") : "";
  }
  throw new RQLError("Unsupported property node.");
}

/** A right-hand value: a literal, `null()`, `empty()` or `self(...)`. */
function argValue(item: SyntaxItem): RqlValue {
  if (item.kind === "word") return { kind: "literal", text: item.text, quoted: item.quoted };
  if (item.kind === "call") {
    const name = item.name.toLowerCase();
    if (name === "null" || name === "empty") {
      if (item.args.length > 0) throw new RQLError("Constant functions cannot have arguments");
      return { kind: name };
    }
    if (name === "self") return selfValue(item.args);
  }
  throw new RQLError("Unsupported argument type.");
}

function selfValue(seq: SyntaxSeq): RqlValue {
  if (seq.length > 1) throw new RQLError("Pointer expression must have 0 or 1 argument");
  const inner = seq[0]?.item;
  if (inner === undefined) return { kind: "self" };
  const path = pathOf(inner);
  return path === "" ? { kind: "self" } : { kind: "self", path };
}

/** The right side of `in`/`out`: `(v1,v2,...)` or one bare value. */
function listOf(item: SyntaxItem): RqlValue[] {
  let list = item;
  while (list.kind === "paren" && list.items.length === 1 && list.items[0]?.item.kind === "paren") {
    list = list.items[0].item;
  }
  if (list.kind === "word") return [argValue(list)];
  if (list.kind !== "paren" || list.items.length === 0)
    throw new RQLError("Value has to be a non empty array.");
  return list.items.map(({ item: v }) => {
    if (v.kind === "word") return argValue(v);
    if (v.kind === "call") {
      const value = argValue(v);
      if (value.kind === "null") throw new RQLError("Null values are not supported.");
      if (value.kind === "empty") return value;
    }
    throw new RQLError("Unsupported argument type.");
  });
}
