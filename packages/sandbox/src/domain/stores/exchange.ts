/** Store definitions of the `exchange` group (each field is described in types.ts). */
import { O } from "../machines/types.js";
import { defineStores, random } from "./types.js";

export const exchangeStores = defineStores({
  "exchange/currencies": { id: random("CUR", 1), access: { create: O, update: O, delete: O } },
  "exchange/pairs": { id: random("EXC", 1), access: { create: O, update: O, delete: O } },
});
