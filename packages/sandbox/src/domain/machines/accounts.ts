/** Accounts state machines (§6 "Accounts"): accounts, buyers, sellers, licensees, tokens, users. */
import { ANY, C, type MachineTable, O, TOGGLE, V } from "./types.js";

const INVITES = {
  acceptInvite: { from: ["Invited", "Invitation expired"], to: "Active", by: ANY },
  resendInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
  sendNewInvite: { from: ["Invited", "Invitation expired"], to: "Invited", by: ANY },
};

export const accountsMachines: MachineTable = {
  "accounts/accounts": {
    initial: "Active",
    actions: {
      enable: { from: ["Disabled"], to: "Active", by: O },
      disable: { from: ["Active", "Enabled"], to: "Disabled", by: O },
      activate: { from: ["Enabled"], to: "Active", by: O },
      deactivate: { from: ["Active"], to: "Enabled", by: O },
      validate: { from: "*", by: O },
    },
  },
  "accounts/buyers": {
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
  "accounts/sellers": {
    initial: "Active",
    actions: {
      activate: { from: ["Offline", "Disabled"], to: "Active", by: O },
      deactivate: { from: ["Active"], to: "Offline", by: O },
      disable: { from: ["Active", "Offline"], to: "Disabled", by: O },
    },
  },
  "accounts/licensees": {
    initial: "Enabled",
    actions: {
      enable: { from: ["Disabled"], to: "Enabled", by: C },
      disable: { from: ["Active", "Enabled"], to: "Disabled", by: C },
    },
  },
  "accounts/api-tokens": TOGGLE("Active", "Disabled"),
  "accounts/users": {
    initial: "Invited",
    actions: {
      block: { from: ["Active", "Invited"], to: "Blocked", by: O },
      unblock: { from: ["Blocked"], to: "Active", by: O },
      setPassword: { from: ["Active", "Invited"], by: ANY },
      sso: { from: "*", by: ANY },
      ssoCheck: { from: "*", by: ANY },
      ...INVITES,
    },
  },
  "accounts/account-users": { initial: "Invited", actions: INVITES },
  "accounts/user-groups": { initial: "Active", actions: {} },
  "accounts/erp-links": TOGGLE("Active", "Blocked", "unblock", "block", O),
  "accounts/cloud-tenants": { initial: "Active", actions: {} },
  "accounts/accounts/users/groups": { actions: { update: { from: "*", by: V } } },
};
