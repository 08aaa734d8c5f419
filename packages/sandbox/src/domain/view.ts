/**
 * A route's view of its store: the parent records must exist (each one under the earlier
 * parents) and be visible, and only records whose parent references match (and that the caller
 * may see) belong to it. A membership route (`link` in routes.ts) stores links and shows the
 * linked records, addressed by their own ids.
 */

import type { RequestContext } from "../http/context.js";
import { type JsonObject, valueAt, valuesAt } from "../shared/json.js";
import { badRequest, notFound } from "../shared/problem.js";
import { unknownIdIsBadRequest } from "./collections.js";
import { settle } from "./lifecycle.js";
import type { StoreRef } from "./routes.js";
import type { Collection } from "./store.js";
import { seesAll, visible } from "./visibility.js";

export interface View {
  /** Store the route writes to (the links of a membership route). */
  store: string;
  collection: Collection;
  /** Store of the records the route shows: `store`, or the linked store of a membership route. */
  shows: string;
  shown: Collection;
  /** Parent records by placeholder name. */
  parents: Readonly<Record<string, JsonObject>>;
  /** Whether a stored record (a link, for membership routes) belongs to the view. */
  member(record: JsonObject): boolean;
  /** The shown records of the view, in store order (membership fixed when called). */
  records(): Iterable<JsonObject>;
  /** The shown record with this id, if it belongs to the view. */
  find(id: string): JsonObject | undefined;
  /** The link to the shown record `id` (membership routes only). */
  linkOf(id: string): JsonObject | undefined;
  link: StoreRef | undefined;
  /** True when every record of the store is a member (no parent filter, nothing hidden). */
  unfiltered: boolean;
}

export function modelName(store: string): string {
  const last = store.split("/").at(-1) ?? store;
  const camel = last.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/s$/, "");
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

function* filtered(
  source: Iterable<JsonObject>,
  f: (r: JsonObject) => JsonObject | undefined,
): Generator<JsonObject> {
  for (const r of source) {
    const out = f(r);
    if (out) yield out;
  }
}

export function openView(rc: RequestContext): View {
  const { sandbox, route, params, caller } = rc;
  const { store } = sandbox;
  const parents: Record<string, JsonObject> = {};
  for (const ref of route.refs) {
    const id = params[ref.param] ?? "";
    settle(sandbox, ref.store);
    const parent = store.collection(ref.store).get(id);
    const placed = ref.within.every((w) => valuesAt(parent, w.path).includes(params[w.param] ?? ""));
    if (!parent || !placed || !visible(store, caller, ref.store, parent)) {
      throw notFound(`${modelName(ref.store)} with id '${id}' not found.`);
    }
    parents[ref.param] = parent;
  }
  settle(sandbox, route.store);
  const checks = route.refs.map((ref) => ({ path: ref.path, id: params[ref.param] ?? "" }));
  const collection = store.collection(route.store);
  const member = (record: JsonObject): boolean =>
    checks.every((c) => valuesAt(record, c.path).includes(c.id)) &&
    visible(store, caller, route.store, record);
  const link = route.link;
  const base = { store: route.store, collection, parents, member, link };
  if (!link) {
    return {
      ...base,
      shows: route.store,
      shown: collection,
      unfiltered: checks.length === 0 && seesAll(caller, route.store),
      records: () => filtered(collection.scan(), (r) => (member(r) ? r : undefined)),
      find: (id) => {
        const record = collection.get(id);
        return record && member(record) ? record : undefined;
      },
      linkOf: () => undefined,
    };
  }
  const shown = store.collection(link.store);
  const target = (l: JsonObject): JsonObject | undefined => {
    const id = valueAt(l, link.path);
    const record = typeof id === "string" ? shown.get(id) : undefined;
    return record && visible(store, caller, link.store, record) ? record : undefined;
  };
  const linkOf = (id: string): JsonObject | undefined => {
    for (const l of collection.scan()) if (valueAt(l, link.path) === id && member(l) && target(l)) return l;
    return undefined;
  };
  return {
    ...base,
    shows: link.store,
    shown,
    unfiltered: false,
    records: () => filtered(collection.scan(), (l) => (member(l) ? target(l) : undefined)),
    find: (id) => {
      const l = linkOf(id);
      return l ? target(l) : undefined;
    },
    linkOf,
  };
}

/**
 * The record `id` of the view, or 404 `Not Found` (400 `Bad Request` for writes on the stores
 * that answer so: `UNKNOWN_ID_IS_BAD_REQUEST`).
 */
export function findInView(view: View, id: string, write = false): JsonObject {
  const record = view.find(id);
  if (!record) {
    const detail = `${modelName(view.shows)} with id '${id}' not found`;
    if (write && unknownIdIsBadRequest(view.store)) throw badRequest(detail);
    throw notFound(`${detail}.`);
  }
  return record;
}
