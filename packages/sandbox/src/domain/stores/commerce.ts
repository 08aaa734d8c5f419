/** Store definitions of the `commerce` group (each field is described in types.ts). */
import { ANY, C, V } from "../machines/types.js";
import { CLIENT_AND_VENDOR, HEAVY_FIELDS, partOf } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const commerceStores = defineStores({
  "commerce/agreements": {
    id: random("AGR", 3),
    omitted: HEAVY_FIELDS,
    access: { create: C },
    visibility: CLIENT_AND_VENDOR,
    machine: {
      initial: "Draft",
      createStatuses: ["Draft", "Provisioning", "Active"],
      actions: {},
      deleteFrom: ["Draft"],
    },
    special: { getSplit: "getSplit", createSplit: "writeSplit", updateSplit: "writeSplit" },
    answers: {
      getSplit: "SplitBillingAgreement",
      createSplit: "SplitBillingAgreement",
      updateSplit: "SplitBillingAgreement",
    },
  },
  "commerce/agreements/attachments": {
    id: child("ATT", "agreement.id"),
    ownsIdPrefix: true,
    visibility: partOf("agreement.id"),
  },
  "commerce/assets": {
    id: random("AST", 3),
    omitted: ["audit", "lines", "parameters"],
    visibility: CLIENT_AND_VENDOR,
    machine: {
      initial: "Active",
      createStatuses: ["Draft", "Active"],
      actions: { terminate: { from: ["Active", "Draft"], to: "Terminated", by: V } },
    },
    nested: { "commerce/orders/{orderId}/assets": { owned: false } },
  },
  "commerce/orders": {
    id: random("ORD", 3),
    omitted: HEAVY_FIELDS,
    access: { create: C, delete: C },
    visibility: CLIENT_AND_VENDOR,
    machine: {
      initial: "Draft",
      createStatuses: ["Draft", "Quoted"],
      actions: {
        validate: { from: ["Draft", "Quoted", "Querying", "Processing"], by: ANY },
        quote: { from: ["Draft"], to: "Quoted", by: C },
        process: { from: ["Draft", "Quoted", "Querying"], to: "Processing", by: C },
        query: { from: ["Processing"], to: "Querying", by: V },
        complete: { from: ["Processing"], to: "Completed", by: V },
        fail: { from: ["Processing", "Querying"], to: "Failed", by: V },
        notify: { from: "*", by: ANY },
      },
      deleteFrom: ["Draft", "Quoted"],
    },
    /** `agreement` names an agreement or describes a new one by its parts (issue #14). */
    inlineRefs: ["agreement"],
    derive: "orderFromAgreement",
    onAction: { process: "placeOrder", complete: "completeOrder", fail: "failOrder" },
  },
  "commerce/subscriptions": {
    id: random("SUB", 3),
    omitted: ["audit", "lines", "parameters"],
    visibility: CLIENT_AND_VENDOR,
    machine: {
      initial: "Active",
      createStatuses: ["Draft", "Active"],
      actions: { terminate: { from: ["Active", "Updating"], to: "Terminated", by: V } },
    },
    special: { getSplit: "getSplit", updateSplit: "writeSplit" },
    answers: { getSplit: "SplitBillingSubscription", updateSplit: "SplitBillingSubscription" },
    nested: { "commerce/orders/{orderId}/subscriptions": { owned: false } },
  },
  /** OpenAPI only. §6 "Request": `New -> Draft | Processing`, `Processing <-> Querying`, `-> Completed`. */
  "commerce/requests": {
    id: random("REQ", 3),
    // The spec's CreateRequest requires `from`, `name`, `status`, `to`; `from` and `to` are
    // references (RequestFrom/RequestTo hold only `id`), so an empty one names nothing.
    required: ["from.id", "to.id"],
    visibility: { owners: { Client: ["from.id"], Vendor: ["to.id"] } },
    machine: {
      initial: "Draft",
      createStatuses: ["Draft", "Processing"],
      actions: {
        process: { from: ["Draft", "Querying"], to: "Processing", by: C },
        query: { from: ["Processing"], to: "Querying", by: V },
        complete: { from: ["Processing", "Querying"], to: "Completed", by: V },
        validate: { from: "*", by: ANY },
      },
      deleteFrom: ["Draft"],
    },
    special: { validate: "validateRequest" },
    answers: { validate: "Validate" },
  },
  "commerce/requests/attachments": {
    id: child("ATT", "request.id"),
    visibility: partOf("request.id"),
  },
  "commerce/requests/messages": {
    id: child("MSG", "request.id"),
    visibility: partOf("request.id"),
  },
});
