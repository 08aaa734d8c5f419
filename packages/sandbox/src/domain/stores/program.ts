/** Store definitions of the `program` group (each field is described in types.ts). */
import { ANY, C, O, PUBLISHED_CONTENT, V } from "../machines/types.js";
import { contentOf, partOf, VENDOR_OWNED, VENDOR_WRITES } from "./rules.js";
import { child, defineStores, random } from "./types.js";

export const programStores = defineStores({
  "program/certificates": {
    id: random("CER", 3),
    omitted: ["audit", "parameters", "terms"],
    access: { create: O },
    machine: {
      initial: "Active",
      createStatuses: ["Pending", "Active"],
      actions: { terminate: { from: ["Pending", "Active", "Updating"], to: "Terminated", by: V } },
    },
  },
  "program/enrollments": {
    id: random("ENR", 3),
    omitted: ["audit", "parameters"],
    machine: {
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
  },
  "program/enrollments/attachments": { id: child("ENA", "enrollment.id") },
  "program/programs": {
    id: random("PRG", 2),
    access: VENDOR_WRITES,
    visibility: VENDOR_OWNED,
    stampVendor: true,
    machine: {
      initial: "Draft",
      actions: {
        publish: { from: ["Draft", "Unpublished"], to: "Published", by: V },
        unpublish: { from: ["Published"], to: "Unpublished", by: V },
        updateSettings: { from: "*", by: V },
      },
      deleteFrom: ["Draft", "Unpublished"],
    },
  },
  "program/programs/documents": {
    id: child("PDM", "program.id"),
    visibility: contentOf("program.id"),
    machine: PUBLISHED_CONTENT,
  },
  "program/programs/media": {
    id: child("PMD", "program.id"),
    visibility: contentOf("program.id"),
    machine: PUBLISHED_CONTENT,
  },
  "program/programs/parameter-groups": {
    id: child("PPG", "program.id"),
    visibility: partOf("program.id"),
  },
  "program/programs/parameters": { id: child("PPM", "program.id"), visibility: partOf("program.id") },
  "program/programs/templates": {
    id: child("PTM", "program.id"),
    access: { read: V },
    visibility: partOf("program.id"),
  },
  "program/programs/terms": {
    id: child("PTC", "program.id"),
    visibility: contentOf("program.id"),
    machine: PUBLISHED_CONTENT,
  },
  "program/programs/terms/variants": {
    id: child("PTV", "term.id"),
    visibility: contentOf("term.id"),
    machine: PUBLISHED_CONTENT,
  },
});
