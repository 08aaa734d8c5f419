/**
 * `order=` sorting: several keys, `-` descending; nulls and missing values sort first when
 * ascending (as SQL Server does). Paths are found as a filter's are (case-insensitive, not
 * through collections): an unknown one answers 400 `Invalid property path.`, one the caller may
 * not see `Ordering is not permitted.`, keyed by the path up to the failing segment.
 */
import type { OrderEntry } from "mpt-api-client";
import type { AccountType } from "../domain/machines/types.js";
import { type JsonValue, valuesAt } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import type { FieldLookup } from "./fields.js";
import { resolvePath } from "./properties.js";

export type Comparator = (a: JsonValue, b: JsonValue) => number;

function sortKey(record: JsonValue, path: string): string | number | boolean | null {
  const value = valuesAt(record, path)[0];
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return null;
  return value;
}

function compareKeys(a: string | number | boolean | null, b: string | number | boolean | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
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
  const keys: Array<{ path: string; descending: boolean }> = [];
  for (const e of entries) {
    const found = resolvePath(fields, fields.root, e.path, "order", accountType);
    if (found.ok) keys.push({ path: found.info.path, descending: e.descending });
    else errors[found.key] = [...(errors[found.key] ?? []), found.message];
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return (a, b) => {
    for (const k of keys) {
      const c = compareKeys(sortKey(a, k.path), sortKey(b, k.path));
      if (c !== 0) return k.descending ? -c : c;
    }
    return 0;
  };
}
