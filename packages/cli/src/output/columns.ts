/**
 * Records as rows: dotted paths into nested objects (`product.name`), cell text, and the choice
 * of columns: what `--select` names, else for tables a readable few (id, name, status, the names
 * of referenced objects, short scalar fields) that fit the terminal, and for CSV every field.
 */
import { splitList } from "../names.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at a dotted path, or undefined. */
export function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split(".")) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Every leaf of a record as `path -> value`; arrays are leaves. */
export function flatten(
  record: unknown,
  prefix = "",
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (!isObject(record)) {
    out.set(prefix, record);
    return out;
  }
  for (const [key, value] of Object.entries(record)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && Object.keys(value).length > 0) flatten(value, path, out);
    else out.set(path, value);
  }
  return out;
}

/** Text of one cell: scalars as they are, lists of scalars joined, anything else as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== "object")) {
    return value.map((v) => cellText(v)).join(", ");
  }
  return JSON.stringify(value);
}

/** Plain field names of a `--select` value (`id,name,-audit` -> `id,name`); none when it only adds or removes. */
export function selectedColumns(select: string | undefined): string[] | undefined {
  if (!select) return undefined;
  const fields = splitList(select).filter((f) => !f.startsWith("-") && !f.startsWith("+"));
  return fields.length > 0 ? fields : undefined;
}

/** Every field path of the records, in the order first seen (CSV header). */
export function allColumns(records: readonly unknown[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const path of flatten(record).keys()) seen.add(path);
  return [...seen];
}

const LEADING = ["id", "name", "title", "displayName", "status", "type"];
const SKIPPED = new Set(["href", "icon", "description", "audit", "externalIds", "settings", "$meta"]);
const MAX_COLUMNS = 8;
/** Longest cell shown in a table. */
export const MAX_CELL = 48;

/** The column showing field `key`: itself for scalars, `key.name` (or `key.id`) for referenced objects. */
function columnOf(sample: readonly Json[], key: string): { path: string; reference: boolean } | undefined {
  const value = sample.map((r) => r[key]).find((v) => v !== undefined && v !== null);
  if (isObject(value)) {
    if (typeof value["name"] === "string") return { path: `${key}.name`, reference: true };
    if (typeof value["id"] === "string") return { path: `${key}.id`, reference: true };
    return undefined;
  }
  const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
  return scalar ? { path: key, reference: false } : undefined;
}

/** Columns of a table: leading fields, then names of referenced objects, then short scalars, within `width`. */
export function tableColumns(records: readonly unknown[], width: number): string[] {
  const sample = records.slice(0, 50).filter(isObject);
  const keys: string[] = [];
  for (const record of sample) for (const key of Object.keys(record)) if (!keys.includes(key)) keys.push(key);
  const columns = (wanted: string[]) =>
    wanted.map((k) => columnOf(sample, k)).filter((c): c is { path: string; reference: boolean } => !!c);
  const leading = columns(LEADING.filter((k) => keys.includes(k)));
  const others = columns(keys.filter((k) => !LEADING.includes(k) && !SKIPPED.has(k)));
  const candidates = [
    ...leading,
    ...others.filter((c) => c.reference),
    ...others.filter((c) => !c.reference),
  ].map((c) => c.path);
  const chosen: string[] = [];
  let used = 0;
  for (const column of candidates) {
    if (chosen.length >= MAX_COLUMNS) break;
    const cells = sample.map((r) => cellText(valueAt(r, column)));
    const average = cells.reduce((n, c) => n + c.length, 0) / Math.max(cells.length, 1);
    if (chosen.length > 0 && average > MAX_CELL) continue;
    const columnWidth = Math.min(MAX_CELL, Math.max(column.length, ...cells.map((c) => c.length))) + 2;
    if (chosen.length > 0 && used + columnWidth > width) continue;
    chosen.push(column);
    used += columnWidth;
  }
  return chosen.length > 0 ? chosen : keys.slice(0, 1);
}
