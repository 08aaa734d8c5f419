/**
 * Ownership: which records an account sees. Operations see everything; a vendor or client sees
 * the records whose owner references (declared per store) name its account, and records of
 * stores without an owner declaration. Used for lists, gets and writes (404 when invisible).
 */
import type { Caller } from "./auth.js";
import { type JsonObject, valuesAt } from "./json.js";
import type { AccountType } from "./state-machines/types.js";

type Owners = Partial<Record<AccountType, readonly string[]>>;

/**
 * Per store, the paths holding the ids of accounts that may see a record, by account type.
 * A record with none of those paths filled is visible to all (shared reference data).
 */
export const OWNERS: Readonly<Record<string, Owners>> = {
  "catalog/products": { Vendor: ["vendor.id"] },
  "catalog/listings": { Vendor: ["vendor.id"] },
  "catalog/price-lists": { Vendor: ["vendor.id"] },
  "catalog/authorizations": { Vendor: ["vendor.id"] },
  "program/programs": { Vendor: ["vendor.id"] },
  "integration/extensions": { Vendor: ["vendor.id"] },
  "commerce/orders": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "commerce/agreements": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "commerce/subscriptions": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "commerce/assets": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "billing/invoices": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "billing/statements": { Client: ["client.id"], Vendor: ["vendor.id"] },
  "billing/journals": { Vendor: ["vendor.id"] },
  "billing/custom-ledgers": { Vendor: ["vendor.id"] },
  "billing/ledgers": { Vendor: ["vendor.id"] },
  "accounts/buyers": { Client: ["client.id", "account.id"] },
  "accounts/licensees": { Client: ["client.id", "account.id"] },
  "accounts/api-tokens": { Client: ["account.id"], Vendor: ["account.id"] },
  "integration/installations": { Client: ["account.id"], Vendor: ["account.id", "vendor.id"] },
};

export function visible(caller: Caller, store: string, record: JsonObject): boolean {
  if (caller.accountType === "Operations") return true;
  const owners = OWNERS[store];
  if (!owners) return true;
  const paths = owners[caller.accountType];
  if (!paths) return true;
  let owned = false;
  for (const path of paths) {
    const ids = valuesAt(record, path);
    if (ids.includes(caller.accountId)) return true;
    if (ids.length > 0) owned = true;
  }
  return !owned;
}
