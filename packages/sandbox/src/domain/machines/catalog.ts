/** Catalog state machines (behaviour notes §6 "Catalog"): products, items and product content. */
import { type MachineTable, O, REVIEWED_CONTENT, V } from "./types.js";

export const catalogMachines: MachineTable = {
  "catalog/products": {
    initial: "Draft",
    actions: {
      review: { from: ["Draft"], to: "Pending", by: V },
      publish: { from: ["Pending", "Unpublished"], to: "Published", by: O },
      unpublish: { from: ["Published"], to: "Unpublished", by: V },
      updateSettings: { from: "*", by: V },
    },
    deleteFrom: ["Draft"],
  },
  "catalog/items": {
    initial: "Draft",
    actions: {
      review: { from: ["Draft", "Unpublished"], to: "Pending", by: V },
      publish: { from: ["Pending", "Unpublished"], to: "Published", by: O },
      unpublish: { from: ["Published"], to: "Unpublished", by: V },
    },
    deleteFrom: ["Draft"],
  },
  "catalog/products/documents": REVIEWED_CONTENT(V),
  "catalog/products/media": REVIEWED_CONTENT(V),
  "catalog/products/terms": REVIEWED_CONTENT(V),
  "catalog/products/terms/variants": REVIEWED_CONTENT(V),
  "catalog/products/templates": { initial: "Active", actions: {} },
  "catalog/products/parameters": { initial: "Active", actions: {} },
  "catalog/pricing-policies": {
    initial: "Active",
    actions: {
      activate: { from: ["Inactive", "None"], to: "Active", by: V },
      disable: { from: ["Active"], to: "Inactive", by: V },
    },
  },
};
