/**
 * Catalogue rows of the `audit` group: one row per service of the Python client's
 * `Audit` group, with its endpoint, operations, actions and nested services.
 */
import { defineGroup } from "../catalogue/types.js";

export const audit = defineGroup({
  eventTypes: {
    path: "/public/v1/audit/event-types",
    params: [],
    model: "EventType",
    ops: ["collection", "get", "update"],
  },
  records: {
    path: "/public/v1/audit/records",
    params: [],
    model: "AuditRecord",
    ops: ["collection", "get", "create"],
  },
});
