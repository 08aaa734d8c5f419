/** Store definitions of the `notifications` group (each field is described in types.ts). */
import { PUBLISHED_CONTENT, TOGGLE } from "../machines/types.js";
import { OPERATIONS_WRITE } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const notificationsStores = defineStores({
  "notifications/accounts/categories/contacts": {
    id: random("CTT", 2),
    nested: {
      "notifications/accounts/{accountId}/categories/{categoryId}/contacts": {
        parents: { accountId: "accounts/accounts", categoryId: "notifications/categories" },
      },
    },
  },
  "notifications/batches": {
    id: random("MST", 3),
    machine: { initial: "Queued", actions: {} },
    embeddedFiles: { list: "attachments", prefix: "BAT" },
    special: { getAttachment: "embeddedFile", downloadAttachment: "embeddedFile" },
    answers: { getAttachment: "Attachment", downloadAttachment: "Attachment" },
  },
  /** Created Published: `unpublish` right after create succeeds on the platform (issue #14). */
  "notifications/categories": {
    id: random("NTC", 2),
    machine: { ...PUBLISHED_CONTENT, initial: "Published" },
  },
  "notifications/contacts": {
    id: random("CTT", 2),
    ownsIdPrefix: true,
    machine: TOGGLE("Active", "Blocked", "unblock", "block"),
  },
  "notifications/directories": { id: random("NDR", 2) },
  "notifications/footers": { id: random("NFT", 2) },
  "notifications/messages": { id: random("MSG", 4), access: OPERATIONS_WRITE },
  "notifications/subscribers": {
    id: random("NTS", 3),
    unknownIdIsBadRequest: true,
    machine: TOGGLE("Active", "Disabled", "enable", "disable"),
  },
  "notifications/templates": {
    id: random("NTT", 2),
    machine: TOGGLE("Active", "Disabled", "activate", "disable"),
  },
  "notifications/templates/variants": {
    id: child("NTV", "template.id"),
    machine: TOGGLE("Active", "Disabled", "activate", "disable"),
  },
  "notifications/webhooks": {
    id: random("WBH", 2),
    machine: TOGGLE("Enabled", "Disabled", "enable", "disable"),
  },
});
