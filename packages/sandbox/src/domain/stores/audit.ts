/** Store definitions of the `audit` group (each field is described in types.ts). */
import { O, V } from "../machines/types.js";
import { defineStores, random } from "./types.js";

export const auditStores = defineStores({
  "audit/event-types": { id: random("EVT", 2) },
  /**
   * Vendors record events about their own objects (`object.id` must be a record their account
   * owns), Operations about anything (issue #14: the platform accepts a vendor's audit records).
   */
  "audit/records": {
    id: random("AUD", 4),
    access: { create: V, update: O },
    ownedRefs: ["object.id"],
  },
});
