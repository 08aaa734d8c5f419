/**
 * References between records: which store an id belongs to (by its prefix or the nested-route
 * table), the references of a record that point at nothing (one check for fixture loading and
 * for creates and updates), and the short form a reference takes inside another object
 * (`{id, name}`, plus `type` for accounts).
 */

import { isObject, type JsonObject, type JsonValue, valuesAt } from "../shared/json.js";
import { parentRefs } from "./routes.js";
import type { Store } from "./store.js";
import { DEFINITIONS } from "./stores/index.js";

/** Stores by id prefix, the one that `ownsIdPrefix` first. */
const BY_PREFIX: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [store, definition] of DEFINITIONS) {
    if (!definition.id) continue;
    const list = map.get(definition.id.prefix) ?? [];
    if (definition.ownsIdPrefix) list.unshift(store);
    else list.push(store);
    map.set(definition.id.prefix, list);
  }
  return map;
})();

/** Every store whose ids have this id's prefix (`CTT-…`: two stores). */
export function storesOfId(id: string): readonly string[] {
  return BY_PREFIX.get(id.split("-")[0] ?? "") ?? [];
}

export function storeOfId(id: string): string | undefined {
  return storesOfId(id)[0];
}

/**
 * The store a reference of a `key` record points into: the parent store its nested routes
 * declare for `path` (`product.id` of an item -> `catalog/products`), else the store of the id's
 * prefix (`AGR-…` -> `commerce/agreements`).
 */
export function referencedStore(key: string, path: string, id: string): string | undefined {
  return parentRefs(key).find((ref) => ref.path === path)?.store ?? storeOfId(id);
}

/** A reference of a record to an object that does not exist (or that the caller may not see). */
export interface MissingRef {
  /** Path of the reference in the record: `product.id`, `agreement.id`. */
  path: string;
  id: string;
  /** The store the object should be in. */
  store: string;
}

/** A `{id}` reference at `path` to a store known by the id's prefix that holds no such object. */
function missingByPrefix(
  path: string,
  value: JsonValue,
  exists: (store: string, id: string) => boolean,
): MissingRef | undefined {
  if (!isObject(value) || typeof value["id"] !== "string") return undefined;
  const id = value["id"];
  const stores = storesOfId(id);
  if (stores.length === 0 || stores.some((s) => exists(s, id))) return undefined;
  return { path, id, store: stores[0] as string };
}

/**
 * The references of a `key` record that point at nothing: its parent references (the paths its
 * nested routes declare, e.g. an item's `product.id`), its top-level `{id}` references to a
 * store known by the id's prefix (an order's `agreement`, `listing`), those one level inside
 * lists of objects (an order's `lines[0].item`), and those inside the definition's `inlineRefs`
 * objects that describe a new record (an order's `agreement.licensee`). `exists(store, id)` says whether the object is
 * there.
 */
export function missingRefs(
  key: string,
  record: JsonObject,
  exists: (store: string, id: string) => boolean,
): MissingRef[] {
  const out: MissingRef[] = [];
  const parents = parentRefs(key);
  const inline = DEFINITIONS.get(key)?.inlineRefs ?? [];
  for (const ref of parents) {
    for (const id of valuesAt(record, ref.path)) {
      if (typeof id === "string" && !exists(ref.store, id))
        out.push({ path: ref.path, id, store: ref.store });
    }
  }
  for (const [field, value] of Object.entries(record)) {
    if (field === "id") continue;
    if (Array.isArray(value)) {
      value.forEach((element, index) => {
        if (!isObject(element)) return;
        for (const [inner, ref] of Object.entries(element)) {
          if (inner === "id") continue;
          const missing = missingByPrefix(`${field}[${index}].${inner}.id`, ref, exists);
          if (missing) out.push(missing);
        }
      });
      continue;
    }
    const path = `${field}.id`;
    if (parents.some((ref) => ref.path === path)) continue;
    const missing = missingByPrefix(path, value, exists);
    if (missing) out.push(missing);
    if (inline.includes(field) && isObject(value) && value["id"] === undefined) {
      for (const [inner, ref] of Object.entries(value)) {
        const missingInner = missingByPrefix(`${field}.${inner}.id`, ref, exists);
        if (missingInner) out.push(missingInner);
      }
    }
  }
  return out;
}

export function lookup(store: Store, id: string): JsonObject | undefined {
  const key = storeOfId(id);
  return key ? store.collection(key).get(id) : undefined;
}

const SHORT_FIELDS = ["id", "name", "type", "icon"];

/** The embedded form of a record: its core identifying fields. */
export function shortRef(record: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const f of SHORT_FIELDS) {
    const v = record[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/** A `{id}`-only reference filled with the referenced record's short form (unknown ids stay). */
export function expandRef(store: Store, value: JsonValue | undefined): JsonValue | undefined {
  if (!isObject(value) || typeof value["id"] !== "string") return value;
  if (Object.keys(value).some((k) => k !== "id")) return value;
  const record = lookup(store, value["id"]);
  return record ? { ...shortRef(record), ...value } : value;
}

/** Expands every top-level `{id}` reference of a record. */
export function expandRefs(store: Store, record: JsonObject): JsonObject {
  const out: JsonObject = { ...record };
  for (const [key, value] of Object.entries(out)) {
    if (key === "id") continue;
    const expanded = expandRef(store, value);
    if (expanded !== undefined) out[key] = expanded;
  }
  return out;
}
