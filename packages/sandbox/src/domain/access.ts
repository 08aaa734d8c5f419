/**
 * Who may do what, by store: the account types allowed to read, create, update and delete. Kept
 * simple but real (behaviour notes §1: buyers need a client or operations account). Actions are
 * governed by the state-machine tables (`by`). Missing entries allow every account type.
 */
import { forbidden } from "../shared/problem.js";
import { type AccountType, ANY, C, O, V } from "./machines/types.js";

export type Access = "read" | "create" | "update" | "delete";

type Rule = Partial<Record<Access, readonly AccountType[]>>;

const READ_ONLY: Rule = { create: O, update: O, delete: O };

export const ACCESS: Readonly<Record<string, Rule>> = {
  "accounts/accounts": { create: O, delete: O },
  "accounts/buyers": { read: C, create: C, update: C, delete: C },
  "accounts/licensees": { create: C, update: C, delete: C },
  "accounts/sellers": { create: O, update: O, delete: O },
  "accounts/modules": READ_ONLY,
  "accounts/services": READ_ONLY,
  "audit/records": { create: O, update: O },
  "catalog/products": { create: V, update: V, delete: V },
  "catalog/items": { create: V, update: V, delete: V },
  "catalog/products/documents": { create: V, update: V, delete: V },
  "catalog/products/media": { create: V, update: V, delete: V },
  "catalog/products/parameters": { create: V, update: V, delete: V },
  "catalog/products/terms": { create: V, update: V, delete: V },
  "catalog/products/templates": { read: V },
  "catalog/price-lists": { read: V, create: V, update: V, delete: V },
  "catalog/price-lists/items": { read: V },
  "catalog/pricing-policies": { read: C },
  "catalog/listings": { create: V, update: V, delete: V },
  "catalog/authorizations": { read: V, create: V, update: V, delete: V },
  "catalog/units-of-measure": { create: O, update: O, delete: O },
  "commerce/orders": { create: C, delete: C },
  "commerce/agreements": { create: C },
  "billing/journals": { read: V, create: V, update: V, delete: V },
  "billing/custom-ledgers": { read: V, create: V, update: V, delete: V },
  "billing/ledgers": { read: V, create: O },
  "billing/statements": { update: O },
  "billing/invoices": { create: O, update: O },
  "billing/credit-memos": { create: O, update: O },
  "billing/manual-overrides": { read: O, create: O, update: O },
  "exchange/currencies": { create: O, update: O, delete: O },
  "exchange/pairs": READ_ONLY,
  "spotlight/objects": READ_ONLY,
  "spotlight/queries": READ_ONLY,
  "program/programs": { create: V, update: V, delete: V },
  "program/programs/templates": { read: V },
  "program/certificates": { create: O },
  "integration/extensions": { create: V, update: V, delete: V },
  "integration/extensions/instances": { read: V },
  "notifications/messages": READ_ONLY,
};

export function allowedTypes(store: string, access: Access): readonly AccountType[] {
  return ACCESS[store]?.[access] ?? ANY;
}

/** Throws 403 unless the account type may perform `access` on `store`. */
export function checkAccess(store: string, access: Access, type: AccountType): void {
  const allowed = allowedTypes(store, access);
  if (!allowed.includes(type)) {
    throw forbidden(`A ${type} account cannot ${access} ${store}; allowed: ${allowed.join(", ")}.`);
  }
}
