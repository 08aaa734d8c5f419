/**
 * Catalogue rows of the `spotlight` group: one row per service of the Python client's
 * `Spotlight` group, with its endpoint, operations, actions and nested services, plus the services
 * and actions only the platform's OpenAPI spec documents (client README, "Beyond the Python client").
 */
import { READ } from "../catalogue/shapes.js";
import { defineGroup } from "../catalogue/types.js";

export const spotlight = defineGroup({
  objects: {
    path: "/public/v1/spotlight/objects",
    params: [],
    model: "SpotlightObject",
    ops: READ,
    actions: {
      refresh: { method: "POST", path: "refresh", returns: "none", defaultId: "-" },
    },
  },
  queries: {
    path: "/public/v1/spotlight/queries",
    params: [],
    model: "SpotlightQuery",
    ops: ["collection", "get", "update"],
  },
});
