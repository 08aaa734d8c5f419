/**
 * RQL values as mpt-rql-net converts them (`ConstantHelper.ChangeType`: the property's type,
 * invariant culture) and record values brought to the same comparable form: numbers and dates
 * as numbers, enums by member, guids lower-cased, strings as written. `like` patterns: only a
 * leading and/or trailing `*` is a wildcard, and which one decides the operator checked.
 */
import type { JsonValue } from "../shared/json.js";
import type { PropertyInfo, RqlOperator } from "./properties.js";

export type Comparable = string | number | boolean | null | undefined;

/** A converted constant, or the conversion error message. */
export type Converted = { ok: true; value: Comparable } | { ok: false; message: string };

const INTEGER = /^\s*[+-]?\d+\s*$/;
const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/;
const GUID = /^\s*\{?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}?\s*$/i;
/** .NET's DateTime.MinValue: what an empty text converts to. */
const MIN_DATE = -62135596800000;

const cannotConvert = (text: string): Converted => ({
  ok: false,
  message: `Cannot convert value: '${text}'.`,
});

function enumIndex(members: readonly string[], text: string): number {
  const wanted = text.trim().toLowerCase();
  return members.findIndex((m) => m.toLowerCase() === wanted);
}

/** Converts a literal (or `empty()`: "") to the property's kind. */
export function convert(text: string, info: PropertyInfo): Converted {
  switch (info.kind) {
    case "integer":
      return INTEGER.test(text) ? { ok: true, value: Number(text) } : cannotConvert(text);
    case "number":
      return NUMBER.test(text) ? { ok: true, value: Number(text) } : cannotConvert(text);
    case "boolean": {
      const t = text.trim().toLowerCase();
      return t === "true" || t === "false" ? { ok: true, value: t === "true" } : cannotConvert(text);
    }
    case "date": {
      if (text.trim() === "") return { ok: true, value: MIN_DATE };
      const ms = Date.parse(text);
      return Number.isNaN(ms) ? cannotConvert(text) : { ok: true, value: ms };
    }
    case "guid":
      return GUID.test(text)
        ? { ok: true, value: text.replace(/[\s{}-]/g, "").toLowerCase() }
        : cannotConvert(text);
    case "enum": {
      // A member (any letter case) compares by position; other text is kept as written: the
      // spec's enums miss some statuses the platform (and the sandbox's state machines) use.
      const index = enumIndex(info.members ?? [], text);
      return { ok: true, value: index >= 0 ? index : text };
    }
    default:
      return { ok: true, value: text };
  }
}

/** A record value in the comparable form of the property's kind. */
export function comparableOf(info: PropertyInfo): (value: JsonValue) => Comparable {
  switch (info.kind) {
    case "date":
      return (v) => {
        if (typeof v !== "string") return plain(v);
        const ms = Date.parse(v);
        return Number.isNaN(ms) ? v : ms;
      };
    case "guid":
      return (v) => (typeof v === "string" ? v.replace(/[{}-]/g, "").toLowerCase() : plain(v));
    case "enum": {
      const members = info.members ?? [];
      return (v) => {
        if (typeof v !== "string") return plain(v);
        const index = enumIndex(members, v);
        return index >= 0 ? index : v;
      };
    }
    default:
      return plain;
  }
}

function plain(v: JsonValue): Comparable {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return undefined;
}

export type CompareOp = "eq" | "ne" | "gt" | "ge" | "lt" | "le";

/** C# comparison semantics: null equals only null, and is neither greater nor less than anything. */
export function compare(op: CompareOp, left: Comparable, right: Comparable): boolean {
  if (left === undefined || right === undefined) return op === "ne";
  if (op === "eq") return left === right;
  if (op === "ne") return left !== right;
  if (left === null || right === null || typeof left !== typeof right) return false;
  switch (op) {
    case "gt":
      return left > right;
    case "ge":
      return left >= right;
    case "lt":
      return left < right;
    default:
      return left <= right;
  }
}

export interface LikePattern {
  /** The operator mpt-rql-net checks for this pattern: `*x*` Contains, `*x` EndsWith, `x*` StartsWith, `x` Eq. */
  operator: RqlOperator;
  /** The text searched for, wildcards removed and `\*` made a literal star. */
  literal: string;
}

/**
 * mpt-rql-net's `Like`, exactly: a leading `*` and a trailing `*` (not `\\*`) are wildcards; a
 * leading `\\*` drops its backslash and a trailing `\\*` is a literal star. Any other backslash is
 * literal: `*With\\**` searches for `With\\*` (mpt-rql-net's tests).
 */
export function likePattern(pattern: string): LikePattern {
  const startsWild = pattern.startsWith("*");
  const startsEscaped = pattern.startsWith("\\*");
  const endsEscaped = pattern.endsWith("\\*");
  const endsWild = !endsEscaped && pattern.endsWith("*");
  const operator: RqlOperator =
    startsWild && endsWild ? "Contains" : startsWild ? "EndsWith" : endsWild ? "StartsWith" : "Eq";
  const start = startsWild || startsEscaped ? 1 : 0;
  let end = pattern.length;
  if (endsEscaped) end = Math.max(start, end - 2);
  else if (endsWild) end = Math.max(start, end - 1);
  const literal = pattern.slice(start, end);
  return { operator, literal: endsEscaped ? `${literal}*` : literal };
}

/** A string test for a pattern; `insensitive` for `ilike`. */
export function likeMatcher(pattern: LikePattern, insensitive: boolean): (value: string) => boolean {
  const needle = insensitive ? pattern.literal.toLowerCase() : pattern.literal;
  const test = {
    Contains: (v: string) => v.includes(needle),
    EndsWith: (v: string) => v.endsWith(needle),
    StartsWith: (v: string) => v.startsWith(needle),
  }[pattern.operator as "Contains" | "EndsWith" | "StartsWith"];
  return (raw) => {
    const value = insensitive ? raw.toLowerCase() : raw;
    return test ? test(value) : value === needle;
  };
}
