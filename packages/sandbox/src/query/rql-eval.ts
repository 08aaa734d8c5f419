/**
 * Evaluates an MPT RQL filter (the AST of the client's parser) over JSON records. The tree is
 * first checked against the collection's fields (unknown paths, operators a field type does not
 * permit, values that do not convert) and compiled into a predicate, so a million records are
 * filtered without re-reading the tree. Messages are mpt-rql-net's.
 */
import type { RqlCompareOp, RqlNode, RqlValue } from "mpt-api-client";
import { type JsonValue, valuesAt } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import type { FieldLookup, FieldType } from "./fields.js";

export type Predicate = (record: JsonValue) => boolean;

type Errors = Record<string, string[]>;

const MESSAGES = {
  invalidPath: "Invalid property path.",
  unknownGroup: "Unknown expression group.",
  emptyList: "Value has to be a non empty array.",
  nullInList: "Null values are not supported.",
  convert: (text: string) => `Cannot convert value: '${text}'.`,
  notPermitted: (op: string) => `Operator '${op}' is not permitted`,
};

/** Operators each field type permits (mpt-rql-net's defaults). */
const PERMITTED: Record<FieldType, ReadonlySet<string>> = {
  string: new Set(["eq", "ne", "gt", "ge", "lt", "le", "like", "ilike", "in", "out"]),
  date: new Set(["eq", "ne", "gt", "ge", "lt", "le", "in", "out", "like", "ilike"]),
  number: new Set(["eq", "ne", "gt", "ge", "lt", "le", "in", "out"]),
  boolean: new Set(["eq", "ne", "in", "out"]),
  null: new Set(["eq", "ne", "gt", "ge", "lt", "le", "like", "ilike", "in", "out"]),
  object: new Set(["eq", "ne"]),
  array: new Set(["any", "all", "eq", "ne"]),
};

const OP_NAMES: Record<string, string> = {
  eq: "Eq",
  ne: "Ne",
  gt: "Gt",
  ge: "Ge",
  lt: "Lt",
  le: "Le",
  like: "Like",
  ilike: "ILike",
  in: "In",
  out: "Out",
  any: "Any",
  all: "All",
};

/** A comparable constant: numbers and dates compare numerically, the rest as text. */
type Constant = { kind: "value"; value: string | number | boolean } | { kind: "null" } | { kind: "empty" };

/** `self()` / `self(path)` / `""` in a path position: the current element (plus a relative path). */
function selfPath(path: string): string | undefined {
  if (path === "") return "";
  const m = /^self\((.*)\)$/i.exec(path);
  return m ? (m[1] ?? "").trim() : undefined;
}

interface Scope {
  /** Prefix of paths relative to the current element, for validation (`lines` inside `any(lines, ...)`). */
  base: string;
}

function join(base: string, path: string): string {
  if (base === "") return path;
  return path === "" ? base : `${base}.${path}`;
}

class Compiler {
  readonly errors: Errors = {};
  constructor(private readonly fields: FieldLookup) {}

  private fail(key: string, message: string): Predicate {
    const list = this.errors[key] ?? [];
    if (!list.includes(message)) list.push(message);
    this.errors[key] = list;
    return () => false;
  }

  /** Type of a path in scope, or undefined when it does not exist. */
  private typeIn(scope: Scope, path: string): FieldType | undefined {
    const self = selfPath(path);
    if (self !== undefined) {
      if (self === "") return this.fields.elementTypeOf(scope.base) ?? "object";
      return this.fields.typeOf(join(scope.base, self));
    }
    return this.fields.typeOf(join(scope.base, path));
  }

  /** Reads values at a (possibly self-relative) path of the current element. */
  private reader(path: string): (element: JsonValue) => JsonValue[] {
    const self = selfPath(path);
    const rel = self ?? path;
    return (element) => valuesAt(element, rel);
  }

  compile(node: RqlNode, scope: Scope): Predicate {
    switch (node.type) {
      case "and": {
        const parts = node.args.map((a) => this.compile(a, scope));
        return (r) => parts.every((p) => p(r));
      }
      case "or": {
        const parts = node.args.map((a) => this.compile(a, scope));
        return (r) => parts.some((p) => p(r));
      }
      case "not": {
        const inner = this.compile(node.arg, scope);
        return (r) => !inner(r);
      }
      case "group":
        if (node.name.toLowerCase() === "filter") return () => true;
        return this.fail(node.name, MESSAGES.unknownGroup);
      case "collection":
        return this.compileCollection(node, scope);
      case "list":
        return this.compileList(node.op, node.path, node.values, scope);
      case "compare":
        return this.compileCompare(node.op, node.path, node.value, scope);
    }
  }

  private compileCollection(node: Extract<RqlNode, { type: "collection" }>, scope: Scope): Predicate {
    const full = join(scope.base, node.path);
    const type = this.typeIn(scope, node.path);
    if (type === undefined) return this.fail(full, MESSAGES.invalidPath);
    if (type !== "array" && type !== "null")
      return this.fail(full, MESSAGES.notPermitted(OP_NAMES[node.op] ?? node.op));
    const read = this.reader(node.path);
    const elements = (r: JsonValue): JsonValue[] => read(r).flatMap((v) => (Array.isArray(v) ? v : []));
    if (!node.predicate) return (r) => elements(r).length > 0;
    const inner = this.compile(node.predicate, { base: full });
    if (node.op === "any") return (r) => elements(r).some(inner);
    return (r) => elements(r).every(inner);
  }

  /** Converts a literal to the field type; records a conversion error and returns undefined. */
  private constant(value: RqlValue, type: FieldType, key: string): Constant | undefined {
    if (value.kind === "null") return { kind: "null" };
    if (value.kind === "empty") return { kind: "empty" };
    if (value.kind === "self") return undefined;
    const text = value.text;
    switch (type) {
      case "number": {
        const n = text.trim() === "" ? Number.NaN : Number(text);
        if (Number.isNaN(n)) {
          this.fail(key, MESSAGES.convert(text));
          return undefined;
        }
        return { kind: "value", value: n };
      }
      case "boolean": {
        const t = text.toLowerCase();
        if (t !== "true" && t !== "false") {
          this.fail(key, MESSAGES.convert(text));
          return undefined;
        }
        return { kind: "value", value: t === "true" };
      }
      case "date": {
        const ms = Date.parse(text);
        if (Number.isNaN(ms)) {
          this.fail(key, MESSAGES.convert(text));
          return undefined;
        }
        return { kind: "value", value: ms };
      }
      default:
        return { kind: "value", value: text };
    }
  }

  private compileCompare(op: RqlCompareOp, path: string, value: RqlValue, scope: Scope): Predicate {
    const key = join(scope.base, selfPath(path) ?? path);
    const type = this.typeIn(scope, path);
    if (type === undefined) return this.fail(key, MESSAGES.invalidPath);
    if (!PERMITTED[type].has(op)) return this.fail(key, MESSAGES.notPermitted(OP_NAMES[op] ?? op));
    const left = this.reader(path);

    // An unquoted right-hand side naming a property is that field (`eq(a,b)`); `self(...)` likewise.
    const fieldRhs =
      value.kind === "self"
        ? (value.path ?? "")
        : value.kind === "literal" && !value.quoted && this.typeIn(scope, value.text) !== undefined
          ? value.text
          : undefined;
    if (fieldRhs !== undefined) {
      const right = this.reader(value.kind === "self" ? `self(${fieldRhs})` : fieldRhs);
      return (r) => {
        const rs = right(r).map(normalise);
        return left(r).some((l) => rs.some((rv) => compareOp(op, normalise(l), rv)));
      };
    }

    if (op === "like" || op === "ilike") {
      if (value.kind !== "literal") return this.fail(key, MESSAGES.notPermitted(OP_NAMES[op] ?? op));
      const match = likeMatcher(value.text, op === "ilike");
      return (r) => left(r).some((v) => typeof v === "string" && match(v));
    }

    const constant = this.constant(value, type === "null" ? "string" : type, key);
    if (!constant) return () => false;
    if (constant.kind === "null" || constant.kind === "empty") {
      const test = constant.kind === "null" ? isNullish : isEmpty;
      const positive = (r: JsonValue) => {
        const values = left(r);
        return values.length === 0 ? true : values.some(test);
      };
      if (op === "eq") return positive;
      if (op === "ne") return (r) => !positive(r);
      return this.fail(key, MESSAGES.notPermitted(OP_NAMES[op] ?? op));
    }
    const rhs = constant.value;
    const comparable = type === "date" ? toEpoch : normalise;
    const positive = (r: JsonValue) =>
      left(r).some((v) => compareOp(op === "ne" ? "eq" : op, comparable(v), rhs));
    return op === "ne" ? (r) => !positive(r) : positive;
  }

  private compileList(op: "in" | "out", path: string, values: RqlValue[], scope: Scope): Predicate {
    const key = join(scope.base, selfPath(path) ?? path);
    const type = this.typeIn(scope, path);
    if (type === undefined) return this.fail(key, MESSAGES.invalidPath);
    if (!PERMITTED[type].has(op)) return this.fail(key, MESSAGES.notPermitted(OP_NAMES[op] ?? op));
    if (values.length === 0) return this.fail(key, MESSAGES.emptyList);
    if (values.some((v) => v.kind === "null")) return this.fail(key, MESSAGES.nullInList);
    const constants: Array<string | number | boolean> = [];
    for (const v of values) {
      const c = this.constant(v, type === "null" ? "string" : type, key);
      if (!c) return () => false;
      constants.push(c.kind === "value" ? c.value : "");
    }
    const set = new Set(constants);
    const left = this.reader(path);
    const comparable = type === "date" ? toEpoch : normalise;
    const member = (r: JsonValue) => left(r).some((v) => set.has(comparable(v) as string | number | boolean));
    return op === "in" ? member : (r) => !member(r);
  }
}

function isNullish(v: JsonValue): boolean {
  return v === null;
}

function isEmpty(v: JsonValue): boolean {
  return v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

type Comparable = string | number | boolean | null | undefined;

function normalise(v: JsonValue): Comparable {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return undefined;
}

function toEpoch(v: JsonValue): Comparable {
  if (typeof v !== "string") return normalise(v);
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? v : ms;
}

function compareOp(op: RqlCompareOp, left: Comparable, right: Comparable): boolean {
  if (left === undefined || right === undefined) return false;
  if (op === "eq") return left === right;
  if (op === "ne") return left !== right;
  if (left === null || right === null) return false;
  if (typeof left !== typeof right) return false;
  switch (op) {
    case "gt":
      return left > right;
    case "ge":
      return left >= right;
    case "lt":
      return left < right;
    case "le":
      return left <= right;
    default:
      return false;
  }
}

/**
 * `like` patterns: only a leading and/or trailing `*` is a wildcard, `\*` at either end is a
 * literal star, a star in the middle is literal, `%` is not special.
 */
export function likeMatcher(pattern: string, insensitive: boolean): (value: string) => boolean {
  let text = pattern;
  let starts = false;
  let ends = false;
  if (text.startsWith("*")) {
    starts = true;
    text = text.slice(1);
  }
  if (text.endsWith("*") && !text.endsWith("\\*")) {
    ends = true;
    text = text.slice(0, -1);
  }
  if (text.startsWith("\\*")) text = `*${text.slice(2)}`;
  if (text.endsWith("\\*")) text = `${text.slice(0, -2)}*`;
  const needle = insensitive ? text.toLowerCase() : text;
  return (raw) => {
    const value = insensitive ? raw.toLowerCase() : raw;
    if (starts && ends) return value.includes(needle);
    if (starts) return value.endsWith(needle);
    if (ends) return value.startsWith(needle);
    return value === needle;
  };
}

/** Compiles a filter against a collection's fields; throws a 400 validation problem on errors. */
export function compileFilter(node: RqlNode | null, fields: FieldLookup): Predicate {
  if (!node) return () => true;
  const compiler = new Compiler(fields);
  const predicate = compiler.compile(node, { base: "" });
  if (Object.keys(compiler.errors).length > 0) throw validationError(compiler.errors);
  return predicate;
}
