/**
 * Syntax tree of an MPT RQL filter, as produced by the parser (`parseRQL`) and evaluated by the
 * sandbox. Values keep their raw text and whether they were quoted: an unquoted right-hand side
 * that names a property is a field reference in MPT, a quoted one is always a literal.
 */

export type RqlCompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le" | "like" | "ilike";
export type RqlListOp = "in" | "out";

export type RqlValue =
  /** A literal as written, outer quotes removed. */
  | { kind: "literal"; text: string; quoted: boolean }
  | { kind: "null" }
  | { kind: "empty" }
  /** `self()` (the current element) or `self(path)`. */
  | { kind: "self"; path?: string };

/**
 * Paths are dotted property paths relative to the current element (the resource, or the
 * collection element inside `any`/`all`); the path `""` is the element itself (`self()` on the
 * left of an operator). An `and` with no args is true: it is what `filter(...)` (a platform
 * no-op) parses to where it cannot simply be dropped.
 */
export type RqlNode =
  | { type: "and" | "or"; args: RqlNode[] }
  | { type: "not"; arg: RqlNode }
  | { type: "compare"; op: RqlCompareOp; path: string; value: RqlValue }
  | { type: "list"; op: RqlListOp; path: string; values: RqlValue[] }
  /** `any(coll)`, `any(coll,expr)`, `all(coll,expr)`; `predicate` paths are relative to each element. */
  | { type: "collection"; op: "any" | "all"; path: string; predicate?: RqlNode }
  /** A function the dialect does not know; MPT answers "Unknown expression group." for it. */
  | { type: "group"; name: string; args: RqlNode[] };

/** One entry of `select=`: `+path` / `path` include, `-path` exclude; `*` means all at that level. */
export interface SelectEntry {
  path: string;
  include: boolean;
}

/** One key of `order=`: `-path` descending, `+path` / `path` ascending. */
export interface OrderEntry {
  path: string;
  descending: boolean;
}
