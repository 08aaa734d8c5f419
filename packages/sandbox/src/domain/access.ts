/**
 * Who may do what, by store: the account types allowed to read, create, update and delete, from
 * the store definitions' `access` (behaviour notes §1: buyers need a client or operations account).
 * Actions are governed by the state machines (`by`). A store without a rule allows every type.
 */
import { forbidden } from "../shared/problem.js";
import { type AccountType, ANY } from "./machines/types.js";
import { type Access, storeDef } from "./stores/index.js";

export type { Access } from "./stores/index.js";

export function allowedTypes(store: string, access: Access): readonly AccountType[] {
  return storeDef(store).access?.[access] ?? ANY;
}

/** Throws 403 unless the account type may perform `access` on `store`. */
export function checkAccess(store: string, access: Access, type: AccountType): void {
  const allowed = allowedTypes(store, access);
  if (!allowed.includes(type)) {
    throw forbidden(`A ${type} account cannot ${access} ${store}; allowed: ${allowed.join(", ")}.`);
  }
}
