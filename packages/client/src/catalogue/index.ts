/**
 * The resource catalogue: the 11 groups of rows that drive the client, the sandbox's router and
 * the CLI. Adding an endpoint is adding a row in `resources/<group>.ts`.
 */
import { accounts } from "../resources/accounts.js";
import { audit } from "../resources/audit.js";
import { billing } from "../resources/billing.js";
import { catalog } from "../resources/catalog.js";
import { commerce } from "../resources/commerce.js";
import { exchange } from "../resources/exchange.js";
import { helpdesk } from "../resources/helpdesk.js";
import { integration } from "../resources/integration.js";
import { notifications } from "../resources/notifications.js";
import { program } from "../resources/program.js";
import { spotlight } from "../resources/spotlight.js";
import type { ServiceDef } from "./types.js";

/** The resource catalogue: every group's service rows, from which the client, sandbox and CLI are built. */
export const catalogue = {
  accounts,
  audit,
  billing,
  catalog,
  commerce,
  exchange,
  helpdesk,
  integration,
  notifications,
  program,
  spotlight,
} as const;

/** The type of `catalogue`: group name -> service name -> row. */
export type Catalogue = typeof catalogue;
/** One of the 11 resource groups (`accounts`, `catalog`, `commerce`, ...). */
export type GroupName = keyof Catalogue;
/** The names of the resource groups, in catalogue order. */
export const groupNames = Object.keys(catalogue) as GroupName[];

/** One service of the catalogue with its dotted name (`catalog.products.items`) and parent chain. */
export interface CatalogueEntry {
  readonly group: GroupName;
  /** Accessor names from the group down, e.g. `["products", "items"]`. */
  readonly names: readonly string[];
  readonly def: ServiceDef;
  /** Rows from the top-level service down to this one's parent. */
  readonly parents: readonly ServiceDef[];
}

/** Every service, nested ones included, depth first. */
export function listServices(): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  const walk = (group: GroupName, names: string[], def: ServiceDef, parents: ServiceDef[]) => {
    out.push({ group, names, def, parents });
    for (const [child, cdef] of Object.entries(def.children ?? {}))
      walk(group, [...names, child], cdef, [...parents, def]);
  };
  for (const group of groupNames) {
    for (const [name, def] of Object.entries(catalogue[group] as Record<string, ServiceDef>))
      walk(group, [name], def, []);
  }
  return out;
}

export * from "./types.js";
