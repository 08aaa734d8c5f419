/** Store definitions of the `exchange` group (each field is described in types.ts). */
import { OPERATIONS_WRITE } from "./rules.js";
import { defineStores, random } from "./types.js";

export const exchangeStores = defineStores({
  "exchange/currencies": { id: random("CUR", 1), access: OPERATIONS_WRITE },
  "exchange/pairs": { id: random("EXC", 1), access: OPERATIONS_WRITE },
});
