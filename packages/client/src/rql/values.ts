/**
 * How `RQLQuery` writes values and field paths, as the Python builder does (`RQLValue`):
 * strings in single quotes, numbers bare, booleans `true`/`false`, dates as ISO text in quotes,
 * plus what Python cannot do safely. MPT's parser has no escape for quotes, so a string holding
 * `'` is written in double quotes (`"it's"`), and a string holding both quote kinds is refused.
 * Separators (`, ( ) & | ; =`), `#`, `+`, `%` and any unicode are literal inside quotes (the wire
 * encoding in query-string.ts keeps them intact). `''` is read by MPT as the empty string.
 * `null` is written `null()`. NaN, ±Infinity and invalid dates are refused.
 *
 * Dates are written `'YYYY-MM-DDTHH:mm:ss.sssZ'` (UTC, the form MPT's docs recommend); Python
 * writes its `isoformat()` (`...+00:00`, microseconds). Numbers are written by `String(n)`:
 * JavaScript has no int/float split, so Python's `5.0` is `5` here and `1e-07` is `1e-7`.
 */
import { RQLError } from "../errors.js";

/** A plain value: string, number, bigint (Python `Decimal`/`int`), boolean, or `Date`. */
export type RQLScalar = string | number | bigint | boolean | Date;

/** A value an operator accepts: a plain value, a wrapper, or `null` (written `null()`). */
export type RQLInputValue = RQLScalar | RQLValue | RQLProperty | null;

/** A member of an `in`/`out` list (MPT rejects `null()` in lists). */
export type RQLListValue = RQLScalar | RQLValue | RQLProperty;

/** Characters that would break the RQL grammar inside an unquoted path. */
const PATH_BREAKERS = /['"(),&|;=\s]/;

/** Validates a dotted field path (`a.b.c`) the builder writes unquoted; returns it unchanged. */
export function checkPath(path: string, context: string): string {
  if (typeof path !== "string" || path === "" || path.split(".").includes("") || PATH_BREAKERS.test(path)) {
    throw new RQLError(
      `${context}: invalid field path ${JSON.stringify(path)}; a path is dot-separated non-empty names ` +
        `without quotes, spaces or any of , ( ) & | ; =`,
    );
  }
  return path;
}

/** A literal value, written as the builder writes it (Python `RQLValue`). */
export class RQLValue {
  readonly value: RQLScalar;

  constructor(value: RQLScalar) {
    renderScalar(value, "RQLValue");
    this.value = value;
  }

  /** The value as written in an RQL expression. */
  toString(): string {
    return renderScalar(this.value, "RQLValue");
  }
}

/**
 * A right-hand side written bare: a field to compare against (`eq(a,b)` compares field `a` with
 * field `b` in MPT), or one of `null()`, `empty()`, `self()`, `self(path)` (Python `RQLProperty`).
 */
export class RQLProperty {
  readonly value: string;

  constructor(value: string) {
    const fn = /^self\((.*)\)$/s.exec(value);
    const ok =
      value === "null()" ||
      value === "empty()" ||
      (fn ? fn[1] === "" || isPath(fn[1] ?? "") : typeof value === "string" && isPath(value));
    if (!ok) {
      throw new RQLError(
        `RQLProperty: ${JSON.stringify(value)} is neither a field path nor null(), empty(), self() or self(path)`,
      );
    }
    this.value = value;
  }

  /** `null()`. */
  static null(): RQLProperty {
    return new RQLProperty("null()");
  }

  /** The value as written in an RQL expression. */
  toString(): string {
    return this.value;
  }
}

function isPath(text: string): boolean {
  return text !== "" && !text.split(".").includes("") && !PATH_BREAKERS.test(text);
}

/** Writes one operator argument; `op` names the operator in error messages. */
export function renderValue(value: unknown, op: string): string {
  if (value === null) {
    if (op === "like" || op === "ilike") {
      throw new RQLError(`${op}(): null is not a pattern (MPT answers "Null values are not supported.")`);
    }
    return "null()";
  }
  if (value instanceof RQLValue || value instanceof RQLProperty) return value.toString();
  return renderScalar(value, op);
}

/** Writes the members of an `in`/`out` list, without the parentheses. */
export function renderList(values: unknown, op: string): string {
  if (
    typeof values === "string" ||
    values === null ||
    typeof values !== "object" ||
    !(Symbol.iterator in values)
  ) {
    throw new RQLError(
      `${op}(): expects a list of values (an array, Set or other iterable), got ${describe(values)}`,
    );
  }
  const items: string[] = [];
  for (const v of values as Iterable<unknown>) {
    if (v === null) {
      throw new RQLError(
        `${op}(): a list cannot contain null (MPT answers "Null values are not supported.")`,
      );
    }
    items.push(renderValue(v, op));
  }
  if (items.length === 0) {
    throw new RQLError(`${op}(): the list is empty (MPT answers "Value has to be a non empty array.")`);
  }
  return items.join(",");
}

function renderScalar(value: unknown, op: string): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return String(value);
    case "number":
      if (!Number.isFinite(value))
        throw new RQLError(`${op}(): ${value} is not a number MPT can compare with`);
      return String(value);
    default:
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new RQLError(`${op}(): the Date is invalid`);
        return `'${value.toISOString()}'`;
      }
      throw new RQLError(`${op}(): values of type ${describe(value)} are not supported`);
  }
}

function quote(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  if (!text.includes('"')) return `"${text}"`;
  throw new RQLError(
    `Cannot write ${JSON.stringify(text)} as an RQL value: it contains both ' and ". MPT's RQL ` +
      `parser has no escape for quotes; a value may contain one kind of quote only when it is ` +
      `wrapped in the other kind`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return value.constructor?.name ?? "object";
  return typeof value;
}
