/**
 * Who may own a stored file: a record (`<id>`, `<id>/icon`...) or an object embedded in one (a
 * notification batch's attachment). Shared by the fixtures check (a file must have an owner) and
 * the export (a file whose owner is gone, such as an embedded entry an update removed, is left out,
 * so every export loads back).
 */
import type { Store } from "../domain/store.js";
import { storeDef } from "../domain/stores/index.js";
import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";

/** The owner id of a file key: `PRD-1/icon` -> `PRD-1`. */
export const ownerIdOf = (owner: string): string => owner.split("/")[0] ?? owner;

/** Adds the ids among `wanted` of objects embedded in `records` (not the records' own ids) to `found`. */
function embeddedIds(records: Iterable<JsonObject>, wanted: ReadonlySet<string>, found: Set<string>): void {
  const visit = (value: JsonValue, top: boolean): void => {
    if (Array.isArray(value)) {
      for (const element of value) visit(element, false);
      return;
    }
    if (!isObject(value)) return;
    const id = value["id"];
    if (!top && typeof id === "string" && wanted.has(id)) found.add(id);
    for (const [key, field] of Object.entries(value)) if (key !== "id") visit(field, false);
  };
  for (const record of records) {
    if (found.size === wanted.size) return;
    visit(record, true);
  }
}

/**
 * The ids among `owners` that are neither a record nor an object embedded in one, in `store` or
 * in `extra` (a document's records; `isExtraId` tells their ids). Embedded objects are looked for
 * only when needed, in the stores that declare `embeddedFiles` first.
 */
export function missingOwners(
  owners: Iterable<string>,
  store: Store,
  extra: readonly JsonObject[] = [],
  isExtraId: (id: string) => boolean = () => false,
): Set<string> {
  const keys = store.keys();
  const unresolved = new Set<string>();
  for (const id of owners) {
    if (!isExtraId(id) && !keys.some((k) => store.collection(k).has(id))) unresolved.add(id);
  }
  if (unresolved.size === 0) return unresolved;
  const found = new Set<string>();
  embeddedIds(extra, unresolved, found);
  const declared = keys.filter((k) => storeDef(k).embeddedFiles !== undefined);
  for (const key of [...declared, ...keys.filter((k) => !declared.includes(k))]) {
    if (found.size === unresolved.size) break;
    embeddedIds(store.collection(key).scan(), unresolved, found);
  }
  for (const id of found) unresolved.delete(id);
  return unresolved;
}
