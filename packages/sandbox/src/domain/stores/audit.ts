/** Store definitions of the `audit` group (each field is described in types.ts). */
import { O } from "../machines/types.js";
import { defineStores, random } from "./types.js";

export const auditStores = defineStores({
  "audit/event-types": { id: random("EVT", 2) },
  "audit/records": { id: random("AUD", 4), access: { create: O, update: O } },
});
