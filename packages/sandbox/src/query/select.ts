/**
 * `select=` projection: `+path`/`path` include, `-path` exclude, `*` all fields at a level,
 * nested paths (`+subscriptions.id` keeps only `id` in each subscription), and the fields a
 * collection omits by default (reported in `$meta.omitted` until selected).
 */
import type { SelectEntry } from "mpt-api-client";
import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";
import { validationError } from "../shared/problem.js";
import type { FieldLookup } from "./fields.js";

type Mode = "default" | "all" | "none";

interface Node {
  mode: Mode;
  children: Map<string, Node>;
  excluded: Set<string>;
}

const node = (mode: Mode): Node => ({ mode, children: new Map(), excluded: new Set() });

export interface Projection {
  apply(record: JsonObject): JsonObject;
  /** Default-omitted fields this projection leaves out. */
  readonly omitted: readonly string[];
}

function include(root: Node, parts: string[]): void {
  let current = root;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (part === "*") {
      current.mode = "all";
      return;
    }
    current.excluded.delete(part);
    let child = current.children.get(part);
    if (!child) {
      child = node(last ? "all" : "none");
      current.children.set(part, child);
    } else if (last) {
      child.mode = "all";
    }
    current = child;
  });
}

function exclude(root: Node, parts: string[]): void {
  let current = root;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (part === "*" && last) {
      current.mode = "none";
      current.children.clear();
      return;
    }
    if (last) {
      current.children.delete(part);
      current.excluded.add(part);
      return;
    }
    let child = current.children.get(part);
    if (!child) {
      child = node("all");
      current.children.set(part, child);
    }
    current = child;
  });
}

function project(value: JsonValue, n: Node, omit: readonly string[]): JsonValue {
  if (Array.isArray(value)) return value.map((v) => project(v, n, []));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (n.excluded.has(key)) continue;
    const sub = n.children.get(key);
    if (sub) out[key] = project(child, sub, []);
    else if (n.mode === "all" || (n.mode === "default" && !omit.includes(key))) out[key] = child;
  }
  return out;
}

/** Builds a projection; unknown paths answer 400 `Invalid property path.`. */
export function buildProjection(
  entries: readonly SelectEntry[],
  defaults: readonly string[],
  fields: FieldLookup,
): Projection {
  const root = node("default");
  const errors: Record<string, string[]> = {};
  for (const entry of entries) {
    const path = entry.path.trim();
    if (path === "") continue;
    const concrete = path
      .split(".")
      .filter((p) => p !== "*")
      .join(".");
    if (concrete !== "" && !fields.has(concrete) && !defaults.includes(concrete)) {
      errors[path] = ["Invalid property path."];
      continue;
    }
    (entry.include ? include : exclude)(root, path.split("."));
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  const omitted = defaults.filter((d) => root.mode !== "all" && !root.children.has(d));
  return {
    omitted,
    apply: (record) => project(record, root, defaults) as JsonObject,
  };
}
