/** Store definitions of the `accounts` group (each field is described in types.ts). */
import { ANY, C, O, TOGGLE, V } from "../machines/types.js";
import { OPERATIONS_WRITE } from "./rules.js";
import { defineStores, random } from "./types.js";

/** A shared record a vendor or client may change only in its own account (`path` names it). */
const OWN_ACCOUNT = (path: string) => ({ Vendor: [path], Client: [path] });

export const accountsStores = defineStores({
  "accounts/account-users": {
    id: random("AUSR", 2),
    writers: OWN_ACCOUNT("account.id"),
    machine: {
      initial: "Invited",
      actions: {
        acceptInvite: { from: ["Invited", "Invitation expired"], to: "Active", by: ANY },
        resendInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
        sendNewInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
      },
    },
  },
  "accounts/accounts": {
    id: random("ACC", 2),
    access: { create: O, delete: O },
    // Every account sees the others (references, sellers); each changes only its own, never its type.
    writers: OWN_ACCOUNT("id"),
    immutable: ["type"],
    machine: {
      initial: "Active",
      actions: {
        enable: { from: ["Disabled"], to: "Active", by: O },
        disable: { from: ["Active", "Enabled"], to: "Disabled", by: O },
        activate: { from: ["Enabled"], to: "Active", by: O },
        deactivate: { from: ["Active"], to: "Enabled", by: O },
        validate: { from: "*", by: O },
      },
    },
  },
  /** Legacy account users' groups (OpenAPI only): one link per account user and group. */
  "accounts/account-users/groups": {
    id: { prefix: "UGM", joins: ["accountUser.id", "group.id"] },
    machine: { actions: { update: { from: "*", by: V } } },
    special: { update: "replaceLinks" },
    nested: {
      "accounts/account-users/{accountUserId}/groups": {
        link: { path: "group.id", store: "accounts/user-groups" },
      },
    },
  },
  "accounts/accounts/users/groups": {
    id: { prefix: "UGM", joins: ["user.id", "group.id"] },
    ownsIdPrefix: true,
    machine: { actions: { update: { from: "*", by: V } } },
    special: { update: "replaceLinks" },
    nested: {
      "accounts/accounts/{accountId}/users/{userId}/groups": {
        link: { path: "group.id", store: "accounts/user-groups" },
      },
      // The OpenAPI spec's path of the same links.
      "accounts/{accountId}/users/{userId}/groups": {
        parents: { accountId: "accounts/accounts" },
        link: { path: "group.id", store: "accounts/user-groups" },
      },
    },
  },
  "accounts/api-tokens": {
    id: random("TKN", 2),
    visibility: { owners: { Client: ["account.id"], Vendor: ["account.id"] } },
    // The bearer secret is generated on create (`idt:TKN-…:<secret>`); a token stays in its
    // account, and only names an extension of the caller's own.
    credentials: ["token"],
    derive: "apiTokenSecret",
    immutable: ["account", "extension"],
    ownedRefs: ["extension.id"],
    machine: TOGGLE("Active", "Disabled", "enable", "disable"),
  },
  "accounts/buyers": {
    id: random("BUY", 2),
    access: { read: C, create: C, update: C, delete: C },
    visibility: { owners: { Client: ["client.id", "account.id"] } },
    machine: {
      initial: "Active",
      actions: {
        activate: { from: ["Unassigned", "Enabled", "Mismatch", "Conflict"], to: "Active", by: O },
        deactivate: { from: ["Active"], to: "Unassigned", by: O },
        enable: { from: ["Disabled"], to: "Active", by: C },
        disable: { from: ["Active", "Enabled", "Mismatch"], to: "Disabled", by: C },
        validate: { from: "*", by: C },
        synchronize: { from: ["Active", "Disabled", "Unassigned", "Mismatch", "Conflict"], by: O },
        transfer: { from: ["Active", "Enabled", "Disabled"], by: O },
      },
    },
    special: { getTransfer: "transferDetails" },
    answers: { getTransfer: "BuyerTransferDetails", validate: "BuyerValidate" },
  },
  "accounts/cloud-tenants": { id: random("CLT", 2), machine: { initial: "Active", actions: {} } },
  "accounts/erp-links": { id: random("ERL", 2), machine: TOGGLE("Active", "Blocked", "unblock", "block", O) },
  "accounts/licensees": {
    id: random("LCE", 3),
    access: { create: C, update: C, delete: C },
    visibility: { owners: { Client: ["client.id", "account.id"] } },
    machine: {
      initial: "Enabled",
      actions: {
        enable: { from: ["Disabled"], to: "Enabled", by: C },
        disable: { from: ["Active", "Enabled"], to: "Disabled", by: C },
      },
    },
  },
  "accounts/modules": { id: random("MOD", 1), access: OPERATIONS_WRITE },
  "accounts/sellers": {
    id: random("SEL", 2),
    access: OPERATIONS_WRITE,
    machine: {
      initial: "Active",
      actions: {
        activate: { from: ["Offline", "Disabled"], to: "Active", by: O },
        deactivate: { from: ["Active"], to: "Offline", by: O },
        disable: { from: ["Active", "Offline"], to: "Disabled", by: O },
      },
    },
  },
  "accounts/services": { id: random("SVC", 2), access: OPERATIONS_WRITE },
  "accounts/user-groups": {
    id: random("UGR", 2),
    writers: OWN_ACCOUNT("account.id"),
    machine: { initial: "Active", actions: {} },
  },
  "accounts/users": {
    id: random("USR", 2),
    writers: OWN_ACCOUNT("accounts.id"),
    credentials: ["password"],
    machine: {
      initial: "Invited",
      actions: {
        block: { from: ["Active", "Invited"], to: "Blocked", by: O },
        unblock: { from: ["Blocked"], to: "Active", by: O },
        setPassword: { from: ["Active", "Invited"], by: ANY },
        sso: { from: "*", by: ANY },
        ssoCheck: { from: "*", by: ANY },
        acceptInvite: { from: ["Invited", "Invitation expired"], to: "Active", by: ANY },
        resendInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
        sendNewInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
      },
    },
    special: { getSsoCheck: "ssoCheck" },
    nested: {
      "accounts/accounts/{accountId}/users": { refs: { accountId: "accounts.id" } },
      // The OpenAPI spec's path of the same users (`accounts.usersOf(accountId)`).
      "accounts/{accountId}/users": {
        refs: { accountId: "accounts.id" },
        parents: { accountId: "accounts/accounts" },
      },
    },
  },
});
