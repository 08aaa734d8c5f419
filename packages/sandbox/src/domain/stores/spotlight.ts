/** Store definitions of the `spotlight` group (each field is described in types.ts). */
import { O } from "../machines/types.js";
import { defineStores, random } from "./types.js";

export const spotlightStores = defineStores({
  "spotlight/objects": { id: random("SPO", 5), access: { create: O, update: O, delete: O } },
  "spotlight/queries": { id: random("SPQ", 2), access: { create: O, update: O, delete: O } },
});
