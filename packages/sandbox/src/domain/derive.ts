/**
 * Fields the platform fills on create (behaviour notes §10): references expanded to their short
 * form, owners stamped from the caller's account (the store definition's visibility owners and
 * `stampVendor`), and the derivations a definition names (`derive`): an order's fields
 * (orders.ts), a helpdesk case's defaults, an API token's
 * secret, an invited installation's invitation.
 */
import type { Caller } from "../http/auth.js";
import type { JsonObject } from "../shared/json.js";
import { randomHex } from "../shared/prng.js";
import { newInvitation } from "./invitations.js";
import { deriveOrder } from "./orders.js";
import { expandRefs, shortRef } from "./references.js";
import type { Store } from "./store.js";
import { type DeriveName, storeDef } from "./stores/index.js";
import { ownerPaths } from "./visibility.js";

function callerRef(store: Store, caller: Caller): JsonObject {
  const account = store.collection("accounts/accounts").get(caller.accountId);
  return account
    ? shortRef(account)
    : { id: caller.accountId, name: caller.accountName, type: caller.accountType };
}

function stampOwners(store: Store, key: string, record: JsonObject, caller: Caller): void {
  const paths = [...ownerPaths(key, caller.accountType)];
  if (caller.accountType === "Vendor" && storeDef(key).stampVendor) paths.push("vendor.id");
  for (const path of paths) {
    const field = path.split(".")[0] ?? "";
    if (!path.endsWith(".id") || path.split(".").length !== 2) continue;
    if (record[field] === undefined) record[field] = callerRef(store, caller);
  }
}

/** The derivations a store definition's `derive` names. */
const DERIVERS: Readonly<Record<DeriveName, (store: Store, record: JsonObject) => void>> = {
  orderFromAgreement: deriveOrder,
  caseDefaults: (_store, record) => {
    record["awaiting"] ??= false;
  },
  apiTokenSecret: (_store, record) => {
    record["token"] = `idt:${String(record["id"])}:${randomHex(16)}`;
  },
  installationInvitation: (_store, record) => {
    if (record["status"] === "Invited")
      record["invitation"] = newInvitation(String(record["id"]), record["invitation"]);
  },
};

/** Fills derived fields of a new record (mutates and returns it). `record.id` is already set. */
export function deriveOnCreate(store: Store, key: string, record: JsonObject, caller: Caller): JsonObject {
  stampOwners(store, key, record, caller);
  const derive = storeDef(key).derive;
  if (derive) DERIVERS[derive](store, record);
  return expandRefs(store, record);
}
