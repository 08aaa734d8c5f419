/**
 * Ownership: which records an account sees (lists, gets, writes and nested routes; invisible
 * records answer 404). Operations see everything. Per store, a rule says which paths name the
 * owning accounts of each type, which statuses each type may see (a client sees Published
 * catalogue objects only), and which reference the record inherits its visibility from (an item
 * is visible when its product is). Which account types may read a store at all is access.ts.
 */
import type { Caller } from "../http/auth.js";
import { type JsonObject, valueAt, valuesAt } from "../shared/json.js";
import type { AccountType } from "./machines/types.js";
import { referencedStore } from "./references.js";
import type { Store } from "./store.js";

interface Rule {
  /** Paths holding the ids of accounts that may see a record, by account type. */
  owners?: Partial<Record<AccountType, readonly string[]>>;
  /** Statuses an account type may see (other types see every status). */
  statuses?: Partial<Record<AccountType, readonly string[]>>;
  /** A reference (`product.id`) whose record must be visible too. */
  inherit?: string;
}

const PUBLISHED: Rule["statuses"] = { Client: ["Published"] };
const VENDOR: Rule["owners"] = { Vendor: ["vendor.id"] };

/** A vendor's catalogue object: its own (any status) for vendors, Published for clients. */
const owned: Rule = { owners: VENDOR, statuses: PUBLISHED };
/** Content of a catalogue object: visible with its parent; Published only for clients. */
const content = (inherit: string): Rule => ({ inherit, statuses: PUBLISHED });
const child = (inherit: string): Rule => ({ inherit });

/** Per store; stores without a rule are visible to every account (shared reference data). */
export const VISIBILITY: Readonly<Record<string, Rule>> = {
  "catalog/products": owned,
  "catalog/items": content("product.id"),
  "catalog/products/documents": content("product.id"),
  "catalog/products/media": content("product.id"),
  "catalog/products/terms": content("product.id"),
  "catalog/products/terms/variants": content("term.id"),
  "catalog/products/parameters": child("product.id"),
  "catalog/products/parameter-groups": child("product.id"),
  "catalog/products/item-groups": child("product.id"),
  "catalog/products/templates": child("product.id"),
  "catalog/listings": { owners: VENDOR, inherit: "product.id" },
  "catalog/price-lists": { owners: VENDOR, inherit: "product.id" },
  "catalog/price-lists/items": child("priceList.id"),
  "catalog/authorizations": { owners: VENDOR, inherit: "product.id" },
  "catalog/pricing-policies": { owners: { Client: ["client.id"] } },
  "catalog/pricing-policies/attachments": child("pricingPolicy.id"),
  "program/programs": owned,
  "program/programs/documents": content("program.id"),
  "program/programs/media": content("program.id"),
  "program/programs/terms": content("program.id"),
  "program/programs/terms/variants": content("term.id"),
  "program/programs/parameters": child("program.id"),
  "program/programs/parameter-groups": child("program.id"),
  "program/programs/templates": child("program.id"),
  "integration/extensions": owned,
  "integration/extensions/documents": content("extension.id"),
  "integration/extensions/media": content("extension.id"),
  "integration/extensions/terms": content("extension.id"),
  "integration/extensions/terms/variants": content("term.id"),
  "integration/extensions/instances": child("extension.id"),
  "commerce/orders": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "commerce/agreements": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "commerce/agreements/attachments": child("agreement.id"),
  "commerce/subscriptions": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "commerce/assets": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "billing/invoices": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "billing/statements": { owners: { Client: ["client.id"], Vendor: ["vendor.id"] } },
  "billing/journals": { owners: VENDOR },
  "billing/custom-ledgers": { owners: VENDOR },
  "billing/ledgers": { owners: VENDOR },
  "accounts/buyers": { owners: { Client: ["client.id", "account.id"] } },
  "accounts/licensees": { owners: { Client: ["client.id", "account.id"] } },
  "accounts/api-tokens": { owners: { Client: ["account.id"], Vendor: ["account.id"] } },
  "integration/installations": { owners: { Client: ["account.id"], Vendor: ["account.id", "vendor.id"] } },
};

/** Paths of a store's records that name the owning account of `type` (stamped on create). */
export function ownerPaths(key: string, type: AccountType): readonly string[] {
  return VISIBILITY[key]?.owners?.[type] ?? [];
}

/** True when an account of the caller's type sees every record of the store. */
export function seesAll(caller: Caller, key: string): boolean {
  if (caller.accountType === "Operations") return true;
  const rule = VISIBILITY[key];
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
  const rule = VISIBILITY[key];
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
