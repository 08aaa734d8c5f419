/**
 * `select=` projection: `+path`/`path` include, `-path` exclude, `*` all fields at a level,
 * nested paths (`+subscriptions.id` keeps only `id` in each subscription), and the fields a
 * collection omits by default. `$meta.omitted` lists the top-level properties left out by
 * default or by the select (`-name`, `-*`) and not selected back, as mpt-rql-net's API sample
 * computes it (`Graph.Children` not included, excluded as Default or Unselected); properties the
 * caller may not see are not listed. Names are matched case-insensitively; unknown ones are
 * ignored (mpt-rql-net's select never answers an error). Properties the caller's account type
 * may not see are trimmed from the result.
 */
import type { SelectEntry } from "mpt-api-client";
import type { AccountType } from "../domain/machines/types.js";
import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";
import { schemaTrimmer } from "./access-trim.js";
import type { FieldLookup } from "./fields.js";
import { parentOf, seenBy } from "./properties.js";

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

/**
 * The records' spelling of a select path, as mpt-rql-net's GraphBuilder reads it: each segment
 * is found case-insensitively under the ones before (through collections too); an unknown
 * segment is skipped, so `-value` on an object without `value` selects nothing and
 * `+lines.bogus` is `+lines`. Undefined when nothing is left, or the caller may not see a part.
 */
function canonicalPath(
  path: string,
  defaults: readonly string[],
  fields: FieldLookup,
  accountType: AccountType | undefined,
): string[] | undefined {
  const out: string[] = [];
  let parent = fields.root;
  for (const segment of path.split(".")) {
    if (segment === "*") {
      out.push(segment);
      continue;
    }
    const info = fields.lookup(parent, segment);
    if (!info) {
      const fallback =
        out.length === 0 ? defaults.find((d) => d.toLowerCase() === segment.toLowerCase()) : undefined;
      if (fallback !== undefined) out.push(fallback);
      continue;
    }
    if (!seenBy(info, accountType)) return undefined;
    out.push(info.path.split(".").at(-1) ?? segment);
    parent = parentOf(info);
  }
  return out.length === 0 ? undefined : out;
}

/** The top-level names left out: by default, by `-name`, or (after `-*`) every one not selected back. */
function omittedBy(
  root: Node,
  defaults: readonly string[],
  fields: FieldLookup,
  accountType: AccountType | undefined,
): string[] {
  if (root.mode === "all") return [...root.excluded];
  const candidates = new Set([...defaults, ...root.excluded]);
  if (root.mode === "none") for (const name of fields.rootNames()) candidates.add(name);
  return [...candidates].filter((name) => {
    const info = fields.lookup(fields.root, name);
    return !root.children.has(name) && (!info || seenBy(info, accountType));
  });
}

/**
 * Builds a projection. As on the platform, a select never fails: paths naming no property of
 * the object are ignored, and so are properties `accountType` may not see; those are also left
 * out of the projected records (access-trim.ts), whatever the select.
 */
export function buildProjection(
  entries: readonly SelectEntry[],
  defaults: readonly string[],
  fields: FieldLookup,
  accountType?: AccountType,
): Projection {
  const root = node("default");
  for (const entry of entries) {
    const path = entry.path.trim();
    if (path === "") continue;
    const parts = canonicalPath(path, defaults, fields, accountType);
    if (parts) (entry.include ? include : exclude)(root, parts);
  }
  const omitted = omittedBy(root, defaults, fields, accountType);
  const trim = schemaTrimmer(fields.root.schema, accountType);
  return {
    omitted,
    apply: (record) => trim(project(record, root, defaults) as JsonObject),
  };
}
