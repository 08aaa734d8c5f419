/** Commerce state machines (§6 "Commerce"): orders, agreements, subscriptions, assets. */
import { ANY, C, type MachineTable, V } from "./types.js";

export const commerceMachines: MachineTable = {
  "commerce/orders": {
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
  "commerce/agreements": {
    initial: "Draft",
    createStatuses: ["Draft", "Provisioning", "Active"],
    actions: {},
    deleteFrom: ["Draft"],
  },
  "commerce/subscriptions": {
    initial: "Active",
    createStatuses: ["Draft", "Active"],
    actions: { terminate: { from: ["Active", "Updating"], to: "Terminated", by: V } },
  },
  "commerce/assets": {
    initial: "Active",
    createStatuses: ["Draft", "Active"],
    actions: { terminate: { from: ["Active", "Draft"], to: "Terminated", by: V } },
  },
};
