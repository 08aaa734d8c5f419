/**
 * Ownership: which records an account sees (lists, gets, writes and nested routes; invisible
 * records answer 404). Operations see everything. Per store, the definition's `visibility` says which paths name the
 * owning accounts of each type, which statuses each type may see (a client sees Published
 * catalogue objects only), and which reference the record inherits its visibility from (an item
 * is visible when its product is). Which account types may read a store at all is access.ts.
 */
import type { Caller } from "../http/auth.js";
import { type JsonObject, valueAt, valuesAt } from "../shared/json.js";
import type { AccountType } from "./machines/types.js";
import { referencedStore } from "./references.js";
import type { Store } from "./store.js";
import { storeDef, type VisibilityRule } from "./stores/index.js";

type Rule = VisibilityRule;

/** Paths of a store's records that name the owning account of `type` (stamped on create). */
export function ownerPaths(key: string, type: AccountType): readonly string[] {
  return storeDef(key).visibility?.owners?.[type] ?? [];
}

/** True when an account of the caller's type sees every record of the store. */
export function seesAll(caller: Caller, key: string): boolean {
  if (caller.accountType === "Operations") return true;
  const rule = storeDef(key).visibility;
  if (!rule) return true;
  return (
    rule.inherit === undefined &&
    rule.owners?.[caller.accountType] === undefined &&
    rule.statuses?.[caller.accountType] === undefined
  );
}

function ownedByCaller(caller: Caller, rule: Rule, record: JsonObject): boolean {
  const paths = rule.owners?.[caller.accountType];
  if (!paths) return true;
  let owned = false;
  for (const path of paths) {
    const ids = valuesAt(record, path);
    if (ids.includes(caller.accountId)) return true;
    if (ids.length > 0) owned = true;
  }
  // A record naming no owner of the caller's type is shared.
  return !owned;
}

/** Whether `caller` may see `record` of store `key` (looks up the records it inherits from). */
export function visible(store: Store, caller: Caller, key: string, record: JsonObject): boolean {
  if (caller.accountType === "Operations") return true;
  const rule = storeDef(key).visibility;
  if (!rule) return true;
  const statuses = rule.statuses?.[caller.accountType];
  if (statuses && !statuses.includes(String(record["status"]))) return false;
  if (!ownedByCaller(caller, rule, record)) return false;
  if (rule.inherit === undefined) return true;
  const parentId = valueAt(record, rule.inherit);
  if (typeof parentId !== "string") return true;
  const parentKey = referencedStore(key, rule.inherit, parentId);
  if (parentKey === undefined) return true;
  const parent = store.collection(parentKey).get(parentId);
  return parent !== undefined && visible(store, caller, parentKey, parent);
}
