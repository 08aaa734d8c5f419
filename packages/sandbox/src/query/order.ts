/**
 * `order=` sorting: several keys, `-` descending; nulls and missing values sort first when
 * ascending (as SQL Server does). Unknown paths answer 400 `Invalid property path.`.
 */
import type { OrderEntry } from "mpt-api-client";
import { type JsonValue, valuesAt } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import type { FieldLookup } from "./fields.js";

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

export function compileOrder(entries: readonly OrderEntry[], fields: FieldLookup): Comparator | undefined {
  if (entries.length === 0) return undefined;
  const errors: Record<string, string[]> = {};
  for (const e of entries) if (!fields.has(e.path)) errors[e.path] = ["Invalid property path."];
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return (a, b) => {
    for (const e of entries) {
      const c = compareKeys(sortKey(a, e.path), sortKey(b, e.path));
      if (c !== 0) return e.descending ? -c : c;
    }
    return 0;
  };
}
