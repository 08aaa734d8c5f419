/** Store definitions of the `spotlight` group (each field is described in types.ts). */
import { OPERATIONS_WRITE } from "./rules.js";
import { defineStores, random } from "./types.js";

export const spotlightStores = defineStores({
  "spotlight/objects": { id: random("SPO", 5), access: OPERATIONS_WRITE },
  "spotlight/queries": { id: random("SPQ", 2), access: OPERATIONS_WRITE },
});
