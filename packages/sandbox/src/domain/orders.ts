/**
 * Orders (behaviour notes §10, issue #14): the fields the platform fills on create, from an
 * existing agreement (`agreement: {id}`) or from a new agreement described by its parts
 * (`agreement: {licensee, product, …}`): product, seller, vendor, buyer, licensee, listing,
 * authorization, line ids and each line's `item.name` (also when the item carries more than
 * `{id}`, e.g. `terms`); and the agreement such an order opens when it is placed.
 */
import { isObject, type JsonObject, type JsonValue, valueAt } from "../shared/json.js";
import { childId } from "./ids.js";
import { expandRefs, lookup, shortRef } from "./references.js";
import type { Store } from "./store.js";

/** Fields an order takes from its agreement (existing, or described by its parts). */
const FROM_AGREEMENT = [
  "product",
  "seller",
  "buyer",
  "licensee",
  "client",
  "vendor",
  "listing",
  "authorization",
] as const;

const fill = (record: JsonObject, field: string, value: JsonValue | undefined): void => {
  if (record[field] === undefined && value !== undefined && value !== null) record[field] = value;
};

/** The record a reference field of `record` names, if it exists. */
function referenced(store: Store, record: JsonObject, field: string): JsonObject | undefined {
  const id = valueAt(record, `${field}.id`);
  return typeof id === "string" ? lookup(store, id) : undefined;
}

/** The listing of the order's product (of its authorization or seller when given), if any. */
function listingFor(store: Store, record: JsonObject): JsonObject | undefined {
  const productId = valueAt(record, "product.id");
  if (typeof productId !== "string") return undefined;
  const authorizationId = valueAt(record, "authorization.id");
  const sellerId = valueAt(record, "seller.id");
  let fallback: JsonObject | undefined;
  for (const listing of store.collection("catalog/listings").scan()) {
    if (valueAt(listing, "product.id") !== productId) continue;
    if (authorizationId !== undefined && valueAt(listing, "authorization.id") !== authorizationId) continue;
    if (sellerId === undefined || valueAt(listing, "seller.id") === sellerId) return listing;
    fallback ??= listing;
  }
  return sellerId === undefined ? fallback : undefined;
}

/** A new agreement's parts: each given reference expanded, the rest from what they name. */
function fromDetails(store: Store, record: JsonObject, details: JsonObject): void {
  const parts = expandRefs(store, details);
  record["agreement"] = parts;
  for (const field of FROM_AGREEMENT) fill(record, field, parts[field]);
  const lines = record["lines"];
  const firstItem = Array.isArray(lines) ? valueAt(lines[0], "item.id") : undefined;
  if (typeof firstItem === "string") fill(record, "product", lookup(store, firstItem)?.["product"]);
  const licensee = referenced(store, record, "licensee");
  fill(record, "buyer", licensee?.["buyer"]);
  fill(record, "client", licensee?.["client"] ?? licensee?.["account"]);
  fill(record, "vendor", referenced(store, record, "product")?.["vendor"]);
  fill(record, "seller", referenced(store, record, "authorization")?.["owner"]);
  const listing = record["listing"] === undefined ? listingFor(store, record) : undefined;
  if (listing) {
    record["listing"] = { id: listing["id"] as string };
    fill(record, "authorization", listing["authorization"]);
    fill(record, "seller", listing["seller"]);
  }
  fill(record, "seller", licensee?.["seller"]);
}

/** Fills an order's derived fields on create (mutates it; `record.id` is set). */
export function deriveOrder(store: Store, record: JsonObject): void {
  const given = record["agreement"];
  const agreementId = valueAt(record, "agreement.id");
  const agreement = typeof agreementId === "string" ? lookup(store, agreementId) : undefined;
  if (agreement) {
    for (const field of FROM_AGREEMENT) fill(record, field, agreement[field]);
    record["agreement"] = shortRef(agreement);
    record["type"] ??= agreement["status"] === "Active" ? "Change" : "Purchase";
  } else if (isObject(given) && agreementId === undefined) {
    fromDetails(store, record, given);
  }
  record["type"] ??= "Purchase";
  const lines = record["lines"];
  if (Array.isArray(lines)) {
    const parentId = typeof agreementId === "string" ? agreementId : String(record["id"]);
    record["lines"] = lines.map((line, index): JsonValue => {
      if (!isObject(line)) return line;
      const out: JsonObject = { ...line };
      out["id"] ??= childId("ALI", parentId, index + 1);
      const item = out["item"];
      const itemRecord = isObject(item) ? referenced(store, out, "item") : undefined;
      // The item's short form under what the line gave (its `terms`, …).
      if (isObject(item) && itemRecord) out["item"] = { ...shortRef(itemRecord), ...item };
      out["quantity"] ??= 1;
      return out;
    });
  }
}

/**
 * The agreement an order placed from agreement details opens (its `agreement` has no id yet):
 * the order's parties and product, status `Provisioning`. Undefined for other orders.
 */
export function agreementToOpen(order: JsonObject): JsonObject | undefined {
  const details = order["agreement"];
  if (!isObject(details) || details["id"] !== undefined) return undefined;
  const agreement: JsonObject = { ...details, status: "Provisioning" };
  for (const field of FROM_AGREEMENT) fill(agreement, field, order[field]);
  const product = valueAt(agreement, "product.name");
  const client = valueAt(agreement, "client.name");
  agreement["name"] ??=
    typeof product === "string" && typeof client === "string" ? `${product} for ${client}` : "Agreement";
  return agreement;
}
