/** Store definitions of the `billing` group (each field is described in types.ts). */
import { O, V } from "../machines/types.js";
import { CLIENT_AND_VENDOR } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const billingStores = defineStores({
  "billing/charges": {
    id: { prefix: "CHG", parent: ["journal.id", "customLedger.id"], pad: 2 },
    nested: {
      "billing/ledgers/{ledgerId}/charges": { owned: false },
      "billing/statements/{statementId}/charges": { owned: false },
    },
  },
  "billing/credit-memos": {
    id: random("CRD", 4),
    access: { create: O, update: O },
    machine: { initial: "Issued", actions: {} },
  },
  "billing/credit-memos/attachments": { id: child("CMA", "creditMemo.id") },
  "billing/custom-ledgers": {
    id: random("CLE", 2),
    access: { read: V, create: V, update: V, delete: V },
    visibility: { owners: { Vendor: ["vendor.id"] } },
    machine: {
      initial: "Draft",
      actions: {
        upload: { from: ["Draft", "Validated", "Error"], to: "Validating", settles: "Validated", by: V },
        accept: { from: ["Validated"], to: "Generating", settles: "Generated", by: V },
        queue: { from: ["Generated"], to: "Queued", by: V },
      },
      deleteFrom: ["Draft", "Validated", "Error"],
    },
    uploads: { upload: "customLedgerFile" },
  },
  "billing/custom-ledgers/attachments": { id: random("CLA", 2) },
  "billing/invoices": {
    id: random("INV", 4),
    omitted: ["audit", "lines"],
    access: { create: O, update: O },
    visibility: CLIENT_AND_VENDOR,
    machine: { initial: "Generated", actions: {} },
  },
  "billing/invoices/attachments": { id: child("INA", "invoice.id") },
  "billing/journals": {
    id: random("BJO", 2),
    access: { read: V, create: V, update: V, delete: V },
    visibility: { owners: { Vendor: ["vendor.id"] } },
    machine: {
      initial: "Draft",
      actions: {
        upload: {
          from: ["Draft", "Validated", "Error", "Review"],
          to: "Validating",
          settles: "Validated",
          by: V,
        },
        uploadApimTest: {
          from: ["Draft", "Validated", "Error", "Review"],
          to: "Validating",
          settles: "Validated",
          by: V,
        },
        submit: { from: ["Validated"], to: "Review", by: V },
        enquiry: { from: ["Review"], to: "Enquiring", by: O },
        accept: { from: ["Review"], to: "Generating", settles: "Generated", by: O },
        regenerate: {
          from: ["Generated", "Error", "Accepted"],
          to: "Generating",
          settles: "Generated",
          by: O,
        },
      },
      deleteFrom: ["Draft", "Validated", "Error"],
    },
    uploads: { upload: "journalCharges", uploadApimTest: "journalCharges" },
  },
  "billing/journals/attachments": { id: random("JOA", 2) },
  "billing/journals/sellers": { id: child("JSL", "journal.id") },
  "billing/ledgers": {
    id: random("BLE", 4),
    access: { read: V, create: O },
    visibility: { owners: { Vendor: ["vendor.id"] } },
    machine: {
      initial: "Review",
      actions: {
        accept: { from: ["Review"], to: "Generating", settles: "Generated", by: V },
        recalculate: { from: ["Review", "Error"], to: "Rating", settles: "Review", by: V },
      },
    },
    onAction: { recalculate: "recalculateLedger" },
  },
  "billing/ledgers/attachments": { id: random("LEA", 2) },
  "billing/manual-overrides": {
    id: random("BMO", 2),
    access: { read: O, create: O, update: O },
    machine: { initial: "Active", actions: {} },
  },
  "billing/statements": {
    id: random("SOM", 4),
    access: { update: O },
    visibility: CLIENT_AND_VENDOR,
    machine: {
      initial: "Generated",
      actions: {
        queue: { from: ["Generated"], to: "Queued", by: O },
        pending: { from: ["Queued"], to: "Pending", by: O },
        issue: { from: ["Pending"], to: "Issued", by: O },
        error: { from: ["Queued", "Generating"], to: "Error", by: O },
        retry: { from: ["Error"], to: "Queued", by: O },
        cancel: { from: ["Error", "Generated"], to: "Cancelled", by: O },
        recalculate: { from: ["Generated", "Error"], to: "Generating", settles: "Generated", by: O },
      },
    },
  },
  "billing/statements/attachments": { id: child("SOA", "statement.id") },
});
