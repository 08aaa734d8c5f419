/**
 * Referential integrity of writes: a create or update whose references point at objects that do
 * not exist (or that the caller may not see) answers a 400 validation problem naming each field
 * and id, with the same check fixture loading runs (`missingRefs`); a delete takes the records
 * that are part of the deleted one with it (`PARTS`), or is refused (409) while records it does
 * not own still hang off it, so no delete leaves a dangling parent reference.
 */
import type { RequestContext } from "../http/context.js";
import { type JsonObject, valuesAt } from "../shared/json.js";
import { SandboxError, validationError } from "../shared/problem.js";
import { missingRefs } from "./references.js";
import { PARTS, type PartRef } from "./routes.js";
import type { Store } from "./store.js";
import { modelName } from "./view.js";
import { visible } from "./visibility.js";

/** Throws a 400 validation problem (`{agreement: ["Agreement with id '…' not found."]}`). */
export function requireReferences(rc: RequestContext, key: string, record: JsonObject): void {
  const { store } = rc.sandbox;
  const exists = (s: string, id: string): boolean => {
    const target = store.collection(s).get(id);
    return target !== undefined && visible(store, rc.caller, s, target);
  };
  const missing = missingRefs(key, record, exists);
  if (missing.length === 0) return;
  const errors: Record<string, string[]> = {};
  for (const m of missing) {
    const field = m.path.replace(/\.id$/, "");
    errors[field] = [...(errors[field] ?? []), `${modelName(m.store)} with id '${m.id}' not found.`];
  }
  throw validationError(errors);
}

/** Non-owning references of a store's records (a charge's `ledger.id`, `statement.id`). */
function listings(store: string): PartRef[] {
  const out: PartRef[] = [];
  for (const [parent, parts] of PARTS) {
    for (const part of parts) if (part.store === store && !part.owned) out.push({ ...part, store: parent });
  }
  return out;
}

function refused(detail: string, path: string): SandboxError {
  return new SandboxError({
    status: 409,
    title: "Conflict",
    detail,
    errors: [{ message: detail, properties: [path] }],
  });
}

/** Adds `id` of `key` and, recursively, its owned parts to `doomed`; throws 409 when refused. */
function collect(store: Store, key: string, id: string, doomed: Map<string, Set<string>>): void {
  const ids = doomed.get(key) ?? new Set<string>();
  if (ids.has(id)) return;
  ids.add(id);
  doomed.set(key, ids);
  for (const part of PARTS.get(key) ?? []) {
    for (const record of store.collection(part.store).scan()) {
      if (!valuesAt(record, part.path).includes(id)) continue;
      const partId = record["id"] as string;
      if (!part.owned) {
        throw refused(
          `${modelName(key)} ${id} cannot be deleted: ${modelName(part.store)} ${partId} refers to it.`,
          part.path,
        );
      }
      for (const listing of listings(part.store)) {
        for (const holder of valuesAt(record, listing.path)) {
          if (typeof holder === "string" && store.collection(listing.store).has(holder)) {
            throw refused(
              `${modelName(key)} ${id} cannot be deleted: its ${modelName(part.store)} ${partId} is in ${modelName(listing.store)} ${holder}.`,
              listing.path,
            );
          }
        }
      }
      collect(store, part.store, partId, doomed);
    }
  }
}

/**
 * Deletes a record with its parts (a product's items, documents, parameters, terms and their
 * variants…) and their files. Nothing is deleted when the delete is refused.
 */
export function deleteWithParts(store: Store, key: string, id: string): void {
  const doomed = new Map<string, Set<string>>();
  collect(store, key, id, doomed);
  const all = new Set<string>();
  for (const [k, ids] of doomed) {
    const collection = store.collection(k);
    for (const i of ids) {
      collection.delete(i);
      all.add(i);
    }
  }
  // Files are kept by owner: `<id>` or `<id>/icon`, `<id>/image`, `<id>/upload`.
  for (const owner of [...store.files.keys()]) {
    if (all.has(owner.split("/")[0] ?? owner)) store.files.delete(owner);
  }
}
