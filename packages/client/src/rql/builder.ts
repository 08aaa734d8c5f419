/**
 * `RQLQuery`: the filter builder, a port of the Python client's `RQLQuery` that writes the same
 * text for the same input. Values are written by values.ts (safe quoting, clear errors).
 *
 * Behaviour kept from Python: operators set the expression on the query they are called on and
 * return it (`q.eq(1)` changes `q`); `and`/`or`/`not` return new queries, flatten nested groups of
 * the same kind, skip a child equal to one already present and ignore empty queries; `not` wraps
 * an AND group (`not(and(or(...)))` for an OR), as Python does.
 * Deliberate fixes where Python writes a different filter than asked: joining a negated query
 * with itself or with an empty query keeps the negation (Python drops it); negating a negated
 * expression gives `not(not(...))` (Python gives `not(...)`); negating an empty query gives an
 * empty query (Python writes `not(and())`); `all()` of an empty query throws and `any()` of one
 * writes `any(coll)` (Python writes `any(coll,)`); an operator without a field, an empty `in`
 * list and a malformed path throw instead of writing broken RQL.
 */
import { RQLError } from "../errors.js";
import { parseRQL } from "./parser.js";
import { checkPath, type RQLInputValue, type RQLListValue, renderList, renderValue } from "./values.js";

/** Value of an object-form lookup: a value, or a list for the `__in` / `__out` lookups. */
export type RQLLookupValue = RQLInputValue | Iterable<RQLListValue>;

/**
 * Object form of `new RQLQuery({...})`, as Python's keyword arguments: `field: value` is
 * `eq(field,value)`; `__` separates path parts (`product__id` is `product.id`); a last part
 * naming an operator applies it: `eq ne lt le gt ge like ilike` (`age__gt: 5`), `in out`
 * (`status__in: ["a", "b"]`), `null empty` (`true` gives `eq(f,null())`, anything else `ne`).
 * Several keys are joined with AND, in key order.
 */
export type RQLLookups = Readonly<Record<string, RQLLookupValue>>;

type GroupOp = "expr" | "and" | "or";

const COMPARE = new Set(["eq", "ne", "lt", "le", "gt", "ge", "like", "ilike"]);
const LIST = new Set(["in", "out"]);
const KEYWORDS = new Set([...COMPARE, ...LIST, "null", "empty"]);

/**
 * Builder of MPT RQL filters.
 *
 * ```ts
 * new RQLQuery({ status: "active", product__id: "PRD-1", age__gt: 5, status__in: ["a", "b"] });
 * new RQLQuery("id").in(["PRD-1", "PRD-2"]).and(new RQLQuery("vendor.name").eq("Microsoft"));
 * new RQLQuery("price.amount").lt(50).or(q).not();
 * RQLQuery.fromString("eq(status,Published)");
 * ```
 *
 * Nested fields: Python's attribute chain `RQLQuery().agreement.product.id` is written
 * `new RQLQuery("agreement.product.id")`, or step by step
 * `new RQLQuery().n("agreement").n("product").n("id")`.
 */
export class RQLQuery {
  #op: GroupOp = "expr";
  #children: RQLQuery[] = [];
  #negated = false;
  #expr: string | undefined;
  readonly #path: string[] = [];
  #field: string | undefined;

  /** An empty query. */
  constructor();
  /** A query on a field (dotted path), ready for an operator: `new RQLQuery("a.b").eq(1)`. */
  constructor(field: string);
  /** `eq`/lookup expressions from an object, joined with AND (see `RQLLookups`). */
  constructor(lookups: RQLLookups);
  constructor(arg?: string | RQLLookups) {
    if (typeof arg === "string") {
      if (arg !== "") this.n(arg);
      return;
    }
    if (arg === undefined) return;
    if (arg === null || typeof arg !== "object" || Array.isArray(arg) || arg instanceof RQLQuery) {
      throw new RQLError("new RQLQuery(arg): arg must be a field path or an object of lookups");
    }
    const exprs = Object.entries(arg).map(([key, value]) => lookupExpression(key, value));
    if (exprs.length === 1) this.#expr = exprs[0];
    else if (exprs.length > 1) {
      this.#op = "and";
      this.#children = exprs.map((e) => RQLQuery.#make("expr", { expr: e }));
    }
  }

  /**
   * A query holding `text` as it is (Python `from_string`), after checking that MPT can parse it.
   * @throws RQLError when `text` is not valid MPT RQL.
   */
  static fromString(text: string): RQLQuery {
    if (typeof text !== "string") throw new RQLError("RQLQuery.fromString(text): text must be a string");
    try {
      parseRQL(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new RQLError(`Invalid RQL ${JSON.stringify(text)}: ${reason}`, { cause: error });
    }
    return text === "" ? new RQLQuery() : RQLQuery.#make("expr", { expr: text });
  }

  static #make(
    op: GroupOp,
    init: { expr?: string; negated?: boolean; children?: RQLQuery[] } = {},
  ): RQLQuery {
    const q = new RQLQuery();
    q.#op = op;
    q.#expr = init.expr;
    q.#negated = init.negated ?? false;
    q.#children = init.children ?? [];
    return q;
  }

  /** Number of expressions: 0 or 1 for a single expression, else the number of children. */
  get length(): number {
    if (this.#op === "expr") return this.#expr ? 1 : 0;
    return this.#children.length;
  }

  /** True when the query has no expression (it writes `""` and filters nothing). */
  isEmpty(): boolean {
    return this.#children.length === 0 && !this.#expr;
  }

  /** Structural equality, as Python's `==` (kind, children, negation, expression). */
  equals(other: RQLQuery): boolean {
    if (!(other instanceof RQLQuery)) return false;
    return (
      this.#op === other.#op &&
      this.#negated === other.#negated &&
      this.#expr === other.#expr &&
      this.#children.length === other.#children.length &&
      this.#children.every((c, i) => c.equals(other.#children[i]!))
    );
  }

  /**
   * Appends to the field path (`"a.b"` adds two parts); chain it for nested fields.
   * @throws RQLError after an operator was applied ("Already evaluated" in Python).
   */
  n(path: string): this {
    if (this.#field !== undefined) {
      throw new RQLError(`Already evaluated: n(${JSON.stringify(path)}) cannot follow an operator`);
    }
    this.#path.push(...checkPath(path, "n()").split("."));
    return this;
  }

  /** `eq(field,value)`; `null` writes `eq(field,null())`. */
  eq(value: RQLInputValue): this {
    return this.#binary("eq", value);
  }

  /** `ne(field,value)`. */
  ne(value: RQLInputValue): this {
    return this.#binary("ne", value);
  }

  /** `lt(field,value)`. */
  lt(value: RQLInputValue): this {
    return this.#binary("lt", value);
  }

  /** `le(field,value)`. */
  le(value: RQLInputValue): this {
    return this.#binary("le", value);
  }

  /** `gt(field,value)`. */
  gt(value: RQLInputValue): this {
    return this.#binary("gt", value);
  }

  /** `ge(field,value)`. */
  ge(value: RQLInputValue): this {
    return this.#binary("ge", value);
  }

  /** `like(field,pattern)`: `*` at the start and/or end is the wildcard. */
  like(value: RQLInputValue): this {
    return this.#binary("like", value);
  }

  /** `ilike(field,pattern)`: case-insensitive `like`. */
  ilike(value: RQLInputValue): this {
    return this.#binary("ilike", value);
  }

  /** `in(field,(v1,v2,...))` (Python `in_`). */
  in(values: Iterable<RQLListValue>): this {
    return this.#list("in", values);
  }

  /** Same as `in`. */
  oneof(values: Iterable<RQLListValue>): this {
    return this.#list("in", values);
  }

  /** `out(field,(v1,v2,...))`. */
  out(values: Iterable<RQLListValue>): this {
    return this.#list("out", values);
  }

  /** `eq(field,null())` when `value` is true, else `ne(field,null())`. */
  null(value: boolean): this {
    return this.#constant("null", value);
  }

  /** `eq(field,empty())` when `value` is true (the default), else `ne(field,empty())`. */
  empty(value = true): this {
    return this.#constant("empty", value);
  }

  /** `ne(field,empty())`. */
  notEmpty(): this {
    return this.#constant("empty", false);
  }

  /** `any(collection,<this query>)`: some element matches; `any(collection)` for an empty query. */
  any(collection: string): RQLQuery {
    return this.#nest("any", collection);
  }

  /** `all(collection,<this query>)`: every element matches. */
  all(collection: string): RQLQuery {
    return this.#nest("all", collection);
  }

  /** A new query: this AND the others (Python `&`). */
  and(other: RQLQuery, ...more: RQLQuery[]): RQLQuery {
    return [other, ...more].reduce<RQLQuery>((acc, q) => acc.#join(q, "and"), this);
  }

  /** A new query: this OR the others (Python `|`). */
  or(other: RQLQuery, ...more: RQLQuery[]): RQLQuery {
    return [other, ...more].reduce<RQLQuery>((acc, q) => acc.#join(q, "or"), this);
  }

  /** A new query: NOT this (Python `~`). */
  not(): RQLQuery {
    if (this.isEmpty()) return this.#copy();
    const expr = this.#expr && this.#negated ? `not(${this.#expr})` : this.#expr;
    const inverted = RQLQuery.#make("and", { negated: true, ...(expr ? { expr } : {}) });
    inverted.#append(this);
    return inverted;
  }

  /** The RQL text (`""` for an empty query). */
  toString(): string {
    if (this.#expr) return this.#negated ? `not(${this.#expr})` : this.#expr;
    const tokens = this.#children.map((c) => c.toString());
    if (tokens.length === 0) return "";
    const inner = `${this.#op}(${tokens.join(",")})`;
    return this.#negated ? `not(${inner})` : inner;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `RQLQuery(${this.#op}) ${this.toString()}`;
  }

  #fieldFor(op: string): string {
    if (this.#path.length === 0) {
      throw new RQLError(`${op}(): no field given; use new RQLQuery("field") or .n("field") first`);
    }
    this.#field = this.#path.join(".");
    return this.#field;
  }

  #binary(op: string, value: RQLInputValue): this {
    const field = this.#fieldFor(op);
    this.#expr = `${op}(${field},${renderValue(value, op)})`;
    return this;
  }

  #list(op: string, values: Iterable<RQLListValue>): this {
    const field = this.#fieldFor(op);
    this.#expr = `${op}(${field},(${renderList(values, op)}))`;
    return this;
  }

  #constant(name: "null" | "empty", value: boolean): this {
    const field = this.#fieldFor(name);
    this.#expr = `${value ? "eq" : "ne"}(${field},${name}())`;
    return this;
  }

  #nest(op: "any" | "all", collection: string): RQLQuery {
    const name = checkPath(
      typeof collection === "string" ? collection.replaceAll("__", ".") : collection,
      `${op}()`,
    );
    const inner = this.toString();
    if (inner === "") {
      if (op === "all")
        throw new RQLError(`all(${name}): the query is empty; MPT needs all(collection,expression)`);
      return RQLQuery.#make("expr", { expr: `any(${name})` });
    }
    return RQLQuery.#make("expr", { expr: `${op}(${name},${inner})` });
  }

  #copy(): RQLQuery {
    return RQLQuery.#make(this.#op, {
      children: [...this.#children],
      negated: this.#negated,
      ...(this.#expr !== undefined ? { expr: this.#expr } : {}),
    });
  }

  #join(other: RQLQuery, op: "and" | "or"): RQLQuery {
    if (!(other instanceof RQLQuery)) throw new RQLError(`${op}(): expected an RQLQuery`);
    if (this.equals(other) || other.isEmpty()) return this.#copy();
    if (this.isEmpty()) return other.#copy();
    const joined = RQLQuery.#make(op);
    joined.#append(this);
    joined.#append(other);
    return joined;
  }

  #append(query: RQLQuery): void {
    if (this.#children.some((c) => c.equals(query))) return;
    const singleGroup = query.length === 1 && query.#op !== "expr";
    if ((query.#op === this.#op || singleGroup) && !query.#negated) this.#children.push(...query.#children);
    else this.#children.push(query);
  }
}

/** One key of the object form (Python `parse_kwargs`). */
function lookupExpression(key: string, value: RQLLookupValue): string {
  const tokens = key.split("__");
  const op = tokens[tokens.length - 1] ?? "";
  if (tokens.length === 1 || !KEYWORDS.has(op)) {
    return `eq(${checkPath(tokens.join("."), key)},${renderValue(value, "eq")})`;
  }
  const field = checkPath(tokens.slice(0, -1).join("."), key);
  if (COMPARE.has(op)) return `${op}(${field},${renderValue(value, op)})`;
  if (LIST.has(op)) return `${op}(${field},(${renderList(value, op)}))`;
  return `${value === true ? "eq" : "ne"}(${field},${op}())`;
}
