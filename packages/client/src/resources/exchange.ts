/**
 * Catalogue rows of the `exchange` group: one row per service of the Python client's
 * `Exchange` group, with its endpoint, operations, actions and nested services.
 */
import { CRUD, READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const exchange = defineGroup({
  currencies: {
    path: "/public/v1/exchange/currencies",
    params: [],
    model: "Currency",
    ops: CRUD,
    upload: { dataKey: "currency", fileKey: "icon", on: ["create", "update"] },
    actions: {
      downloadIcon: { method: "GET", path: "icon", returns: "file" },
    },
  },
  /** Platform's next surface (Python branch `feature/MPT-24264/add-exchange-pairs-service`). */
  pairs: {
    path: "/public/v1/exchange/pairs",
    params: [],
    model: "Pair",
    ops: READ,
  },
});
