/**
 * `order=` sorting: several keys, `-` descending; nulls and missing values sort first when
 * ascending (as SQL Server does). Enums sort by member order (the order of their .NET values,
 * which the spec lists them in); values the spec's enum does not list sort after its members.
 * Paths are found as a filter's are (case-insensitive, not through collections): an unknown one
 * answers 400 `Invalid property path.`, one the caller may not see `Ordering is not permitted.`,
 * keyed by the path up to the failing segment.
 */
import type { OrderEntry } from "mpt-api-client";
import type { AccountType } from "../domain/machines/types.js";
import { type JsonValue, valuesAt } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import type { FieldLookup } from "./fields.js";
import { type PropertyInfo, resolvePath } from "./properties.js";
import { comparableOf } from "./values.js";

export type Comparator = (a: JsonValue, b: JsonValue) => number;

type SortKey = string | number | boolean | null;

/** Reads a record's sort key at `info.path`: enum members as their position, other values as stored. */
function sortKeyOf(info: PropertyInfo): (record: JsonValue) => SortKey {
  const enumPosition = info.kind === "enum" ? comparableOf(info) : undefined;
  return (record) => {
    const value = valuesAt(record, info.path)[0];
    if (value === undefined || value === null || typeof value === "object") return null;
    return enumPosition ? (enumPosition(value) ?? null) : value;
  };
}

/** Nulls first, numbers (and enum positions) before text, text by code unit. */
function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compileOrder(
  entries: readonly OrderEntry[],
  fields: FieldLookup,
  accountType?: AccountType,
): Comparator | undefined {
  if (entries.length === 0) return undefined;
  const errors: Record<string, string[]> = {};
  const keys: Array<{ read: (record: JsonValue) => SortKey; descending: boolean }> = [];
  for (const e of entries) {
    const found = resolvePath(fields, fields.root, e.path, "order", accountType);
    if (found.ok) keys.push({ read: sortKeyOf(found.info), descending: e.descending });
    else errors[found.key] = [...(errors[found.key] ?? []), found.message];
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return (a, b) => {
    for (const k of keys) {
      const c = compareKeys(k.read(a), k.read(b));
      if (c !== 0) return k.descending ? -c : c;
    }
    return 0;
  };
}
