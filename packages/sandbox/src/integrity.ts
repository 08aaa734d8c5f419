/**
 * Referential integrity of writes: a create or update whose references point at objects that do
 * not exist (or that the caller may not see) answers a 400 validation problem naming each field
 * and id, with the same check fixture loading runs (`missingRefs`).
 */
import type { RequestContext } from "./context.js";
import type { JsonObject } from "./json.js";
import { validationError } from "./problem.js";
import { missingRefs } from "./references.js";
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
