/**
 * Resolving references between records: which store an id belongs to (by its prefix) and the
 * short form a reference takes inside another object (`{id, name}`, plus `type` for accounts).
 */
import { ID_RULES } from "./collections.js";
import { isObject, type JsonObject, type JsonValue } from "./json.js";
import { parentRefs } from "./routes.js";
import type { Store } from "./store.js";

/** Preferred store when several share a prefix. */
const PREFERRED: Readonly<Record<string, string>> = {
  SEL: "accounts/sellers",
  UGR: "accounts/user-groups",
  CTT: "notifications/contacts",
  MSG: "helpdesk/messages",
};

const BY_PREFIX: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [store, rule] of Object.entries(ID_RULES))
    if (!map.has(rule.prefix)) map.set(rule.prefix, store);
  for (const [prefix, store] of Object.entries(PREFERRED)) map.set(prefix, store);
  return map;
})();

export function storeOfId(id: string): string | undefined {
  return BY_PREFIX.get(id.split("-")[0] ?? "");
}

/**
 * The store a reference of a `key` record points into: the parent store its nested routes
 * declare for `path` (`product.id` of an item -> `catalog/products`), else the store of the id's
 * prefix (`AGR-…` -> `commerce/agreements`).
 */
export function referencedStore(key: string, path: string, id: string): string | undefined {
  return parentRefs(key).find((ref) => ref.path === path)?.store ?? storeOfId(id);
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
