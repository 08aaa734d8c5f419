/** Store definitions of the `helpdesk` group (each field is described in types.ts). */
import { ANY, O, PUBLISHED_CONTENT, TOGGLE } from "../machines/types.js";
import { child, defineStores, random } from "./types.js";

export const helpdeskStores = defineStores({
  "helpdesk/cases": {
    id: random("CAS", 3),
    machine: {
      initial: "New",
      actions: {
        process: { from: ["New", "Querying"], to: "Processing", by: ANY },
        query: { from: ["New", "Processing"], to: "Querying", by: ANY },
        complete: { from: ["New", "Processing", "Querying"], to: "Completed", by: ANY },
      },
    },
    derive: "caseDefaults",
    onCreate: "openCaseChat",
  },
  "helpdesk/channels": { id: random("CHL", 3) },
  "helpdesk/chats": { id: random("CHT", 3) },
  "helpdesk/chats/answers": {
    id: child("CHA", "chat.id"),
    machine: {
      initial: "Draft",
      actions: {
        submit: { from: ["Draft", "Querying"], to: "Submitted", by: ANY },
        query: { from: ["Submitted"], to: "Querying", by: ANY },
        accept: { from: ["Submitted"], to: "Accepted", by: ANY },
        validate: { from: "*", by: ANY },
      },
    },
  },
  "helpdesk/chats/attachments": { id: child("CAT", "chat.id") },
  "helpdesk/chats/links": { id: child("CLK", "chat.id") },
  "helpdesk/chats/participants": { id: child("CHP", "chat.id"), unknownIdIsBadRequest: true },
  "helpdesk/forms": { id: random("FRM", 2), machine: PUBLISHED_CONTENT },
  "helpdesk/messages": { id: random("MSG", 4), ownsIdPrefix: true },
  "helpdesk/parameter-groups": { id: random("HPG", 2) },
  "helpdesk/parameter-groups/parameters": { id: child("HPP", "group.id") },
  "helpdesk/parameters": { id: random("HPR", 2) },
  "helpdesk/queues": {
    id: random("QUE", 2),
    machine: TOGGLE("Active", "Disabled", "activate", "disable", O),
  },
});
