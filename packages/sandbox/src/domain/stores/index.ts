/**
 * The store definitions of every group, merged, and the one lookup the engine uses. A store
 * without a definition behaves generically (see types.ts for each field's default).
 */
import { accountsStores } from "./accounts.js";
import { auditStores } from "./audit.js";
import { billingStores } from "./billing.js";
import { catalogStores } from "./catalog.js";
import { commerceStores } from "./commerce.js";
import { exchangeStores } from "./exchange.js";
import { helpdeskStores } from "./helpdesk.js";
import { integrationStores } from "./integration.js";
import type { StoreKey } from "./keys.js";
import { notificationsStores } from "./notifications.js";
import { programStores } from "./program.js";
import { spotlightStores } from "./spotlight.js";
import type { StoreDefinition, StoreDefinitions } from "./types.js";

export type { ActionName, RouteTemplate, StoreKey } from "./keys.js";
export type * from "./types.js";
export { child, defineStores, random } from "./types.js";

const GROUPS: readonly StoreDefinitions[] = [
  accountsStores,
  auditStores,
  billingStores,
  catalogStores,
  commerceStores,
  exchangeStores,
  helpdeskStores,
  integrationStores,
  notificationsStores,
  programStores,
  spotlightStores,
];

/** Every definition by store key (a key defined twice is an error at start-up, see check.ts). */
export const DEFINITIONS: ReadonlyMap<string, StoreDefinition> = (() => {
  const map = new Map<string, StoreDefinition>();
  for (const group of GROUPS) {
    for (const [key, definition] of Object.entries(group) as Array<[StoreKey, StoreDefinition]>) {
      map.set(key, definition);
    }
  }
  return map;
})();

/** The definition groups as declared (for the start-up check, which sees duplicates). */
export const DEFINITION_GROUPS: readonly StoreDefinitions[] = GROUPS;

const EMPTY: StoreDefinition = {};

/** The definition of a store (an empty one: generic behaviour). */
export function storeDef(key: string): StoreDefinition {
  return DEFINITIONS.get(key) ?? EMPTY;
}
