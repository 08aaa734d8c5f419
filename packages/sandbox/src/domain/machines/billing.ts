/** Billing state machines (§6 "Billing"): journals, custom ledgers, statements, ledgers. */
import { type MachineTable, O, V } from "./types.js";

export const billingMachines: MachineTable = {
  "billing/journals": {
    initial: "Draft",
    actions: {
      upload: {
        from: ["Draft", "Validated", "Error", "Review"],
        to: "Validating",
        settles: "Validated",
        by: V,
      },
      submit: { from: ["Validated"], to: "Review", by: V },
      enquiry: { from: ["Review"], to: "Enquiring", by: O },
      accept: { from: ["Review"], to: "Generating", settles: "Generated", by: O },
      regenerate: { from: ["Generated", "Error", "Accepted"], to: "Generating", settles: "Generated", by: O },
    },
    deleteFrom: ["Draft", "Validated", "Error"],
  },
  "billing/custom-ledgers": {
    initial: "Draft",
    actions: {
      upload: { from: ["Draft", "Validated", "Error"], to: "Validating", settles: "Validated", by: V },
      accept: { from: ["Validated"], to: "Generating", settles: "Generated", by: V },
      queue: { from: ["Generated"], to: "Queued", by: V },
    },
    deleteFrom: ["Draft", "Validated", "Error"],
  },
  "billing/ledgers": { initial: "Review", actions: {} },
  "billing/statements": {
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
  "billing/invoices": { initial: "Generated", actions: {} },
  "billing/credit-memos": { initial: "Issued", actions: {} },
  "billing/manual-overrides": { initial: "Active", actions: {} },
};
