/**
 * Per-store facts the engine asks for, read from the store definitions (stores/): the id format
 * of new records (behaviour notes §6), the fields a list or get leaves out unless selected
 * (`$meta.omitted`), required fields, soft deletes and the stores that answer unknown ids with 400.
 */
import { type IdRule, random, storeDef } from "./stores/index.js";

export type { IdRule } from "./stores/index.js";

/** Id rule of a store; stores without one get a prefix from their last segment and two groups. */
export function idRule(store: string): IdRule {
  const rule = storeDef(store).id;
  if (rule) return rule;
  const last = store.split("/").at(-1) ?? "obj";
  return random(
    last
      .replace(/[^a-z]/gi, "")
      .slice(0, 3)
      .toUpperCase()
      .padEnd(3, "X"),
    2,
  );
}

/** Top-level fields omitted by default (lists and gets); `select=+field` brings them back. */
export function defaultOmitted(store: string): readonly string[] {
  return storeDef(store).omitted ?? ["audit"];
}

/** Fields a create must carry (400 validation problem otherwise, as the live API answers). */
export function requiredFields(store: string): readonly string[] {
  return storeDef(store).required ?? [];
}

/** Whether DELETE keeps the record with status `Deleted` (§10: product parameters). */
export function softDeletes(store: string): boolean {
  return storeDef(store).softDelete === true;
}

/** Whether actions and deletes answer an unknown id with 400 instead of 404 (behaviour notes §10). */
export function unknownIdIsBadRequest(store: string): boolean {
  return storeDef(store).unknownIdIsBadRequest === true;
}
