/**
 * A route's view of its store: the parent records must exist, and only records whose parent
 * references match (and that the caller may see) belong to it.
 */

import { UNKNOWN_ID_IS_BAD_REQUEST } from "./collections.js";
import type { RequestContext } from "./context.js";
import { type JsonObject, valuesAt } from "./json.js";
import { settle } from "./lifecycle.js";
import { badRequest, notFound } from "./problem.js";
import type { Collection } from "./store.js";
import { seesAll, visible } from "./visibility.js";

export interface View {
  store: string;
  collection: Collection;
  /** Parent records by placeholder name. */
  parents: Readonly<Record<string, JsonObject>>;
  member(record: JsonObject): boolean;
  /** True when every record of the store is a member (no parent filter, nothing hidden). */
  unfiltered: boolean;
}

export function modelName(store: string): string {
  const last = store.split("/").at(-1) ?? store;
  const camel = last.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/s$/, "");
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

export function openView(rc: RequestContext): View {
  const { sandbox, route, params, caller } = rc;
  const parents: Record<string, JsonObject> = {};
  for (const ref of route.refs) {
    const id = params[ref.param] ?? "";
    settle(sandbox, ref.store);
    const parent = sandbox.store.collection(ref.store).get(id);
    if (!parent || !visible(sandbox.store, caller, ref.store, parent)) {
      throw notFound(`${modelName(ref.store)} with id '${id}' not found.`);
    }
    parents[ref.param] = parent;
  }
  settle(sandbox, route.store);
  const checks = route.refs.map((ref) => ({ path: ref.path, id: params[ref.param] ?? "" }));
  return {
    unfiltered: checks.length === 0 && seesAll(caller, route.store),
    store: route.store,
    collection: sandbox.store.collection(route.store),
    parents,
    member: (record) =>
      checks.every((c) => valuesAt(record, c.path).includes(c.id)) &&
      visible(sandbox.store, caller, route.store, record),
  };
}

/**
 * The record `id` of the view, or 404 `Not Found` (400 `Bad Request` for writes on the stores
 * that answer so: `UNKNOWN_ID_IS_BAD_REQUEST`).
 */
export function findInView(view: View, id: string, write = false): JsonObject {
  const record = view.collection.get(id);
  if (!record || !view.member(record)) {
    const detail = `${modelName(view.store)} with id '${id}' not found`;
    if (write && UNKNOWN_ID_IS_BAD_REQUEST.has(view.store)) throw badRequest(detail);
    throw notFound(`${detail}.`);
  }
  return record;
}
