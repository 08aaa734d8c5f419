/**
 * State machines of the other modules (§6 "Program", "Notifications and system", and the
 * helpdesk / integration objects the docs list).
 */
import { ANY, C, type MachineTable, O, PUBLISHED_CONTENT, TOGGLE, V } from "./types.js";

export const platformMachines: MachineTable = {
  "program/programs": {
    initial: "Draft",
    actions: {
      publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
      unpublish: { from: ["Published"], to: "Unpublished", by: V },
      updateSettings: { from: "*", by: V },
    },
    deleteFrom: ["Draft", "Unpublished"],
  },
  "program/programs/documents": PUBLISHED_CONTENT,
  "program/programs/media": PUBLISHED_CONTENT,
  "program/programs/terms": PUBLISHED_CONTENT,
  "program/programs/terms/variants": PUBLISHED_CONTENT,
  "program/enrollments": {
    initial: "Draft",
    createStatuses: ["Draft", "Processing"],
    actions: {
      submit: { from: ["Draft"], to: "Processing", by: C },
      validate: { from: "*", by: ANY },
      process: { from: ["Draft", "Querying"], to: "Processing", by: V },
      query: { from: ["Processing"], to: "Querying", by: V },
      complete: { from: ["Processing"], to: "Completed", by: V },
      fail: { from: ["Processing", "Querying"], to: "Failed", by: V },
    },
  },
  "program/certificates": {
    initial: "Active",
    createStatuses: ["Pending", "Active"],
    actions: { terminate: { from: ["Pending", "Active", "Updating"], to: "Terminated", by: V } },
  },
  "notifications/webhooks": TOGGLE("Enabled", "Disabled"),
  "notifications/subscribers": TOGGLE("Active", "Disabled"),
  "notifications/contacts": TOGGLE("Active", "Blocked", "unblock", "block"),
  "notifications/categories": PUBLISHED_CONTENT,
  "notifications/templates": TOGGLE("Active", "Disabled", "activate", "disable"),
  "notifications/templates/variants": TOGGLE("Active", "Disabled", "activate", "disable"),
  "notifications/batches": { initial: "Queued", actions: {} },
  "helpdesk/queues": TOGGLE("Active", "Disabled", "activate", "disable", O),
  "helpdesk/forms": PUBLISHED_CONTENT,
  "helpdesk/cases": {
    initial: "New",
    actions: {
      process: { from: ["New", "Querying"], to: "Processing", by: ANY },
      query: { from: ["New", "Processing"], to: "Querying", by: ANY },
      complete: { from: ["New", "Processing", "Querying"], to: "Completed", by: ANY },
    },
  },
  "helpdesk/chats/answers": {
    initial: "Draft",
    actions: {
      submit: { from: ["Draft", "Querying"], to: "Submitted", by: ANY },
      query: { from: ["Submitted"], to: "Querying", by: ANY },
      accept: { from: ["Submitted"], to: "Accepted", by: ANY },
      validate: { from: "*", by: ANY },
    },
  },
  "integration/extensions": {
    initial: "Draft",
    actions: {
      publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
      unpublish: { from: ["Published"], to: "Unpublished", by: V },
      regenerate: { from: "*", by: V },
    },
  },
  "integration/extensions/documents": PUBLISHED_CONTENT,
  "integration/extensions/media": PUBLISHED_CONTENT,
  "integration/extensions/terms": PUBLISHED_CONTENT,
  "integration/extensions/terms/variants": PUBLISHED_CONTENT,
  "integration/installations": {
    initial: "Invited",
    createStatuses: ["Invited", "Installed"],
    actions: { redeem: { from: ["Invited"], to: "Installed", by: ANY } },
  },
};
