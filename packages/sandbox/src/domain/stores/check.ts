/**
 * The start-up check of the store definitions against the routes: what the types of keys.ts
 * cannot see (a key defined twice, a store no route serves, an action of a route whose records
 * live in another store, a nested entry on the wrong store, a shared id prefix without an owner,
 * an embedded-file download without the list it reads).
 * `createSandbox` runs it once and refuses to start with every problem listed.
 */
import { ROUTES, type ServiceRoute, STORE_KEYS } from "../routes.js";
import { DEFINITION_GROUPS } from "./index.js";
import type { StoreDefinition, StoreDefinitions } from "./types.js";

const PLACEHOLDER = /^\{(\w+)\}$/;

/** Every problem of `groups` against `routes` (empty when the definitions are sound). */
export function definitionProblems(
  groups: readonly StoreDefinitions[] = DEFINITION_GROUPS,
  routes: readonly ServiceRoute[] = ROUTES,
): string[] {
  const problems: string[] = [];
  const stores = new Set(routes.map((r) => r.store));
  const known = new Set([...stores, ...STORE_KEYS]);
  const seen = new Set<string>();
  const prefixes = new Map<string, { stores: string[]; owners: string[] }>();
  for (const group of groups) {
    for (const [key, value] of Object.entries(group)) {
      const definition = value as StoreDefinition;
      if (seen.has(key)) problems.push(`${key}: defined twice.`);
      seen.add(key);
      if (!stores.has(key)) {
        problems.push(`${key}: no route of the catalogue keeps its records here (a typo in the store key?).`);
        continue;
      }
      const served = routes.filter((r) => r.store === key);
      const actions = new Set(served.flatMap((r) => Object.keys(r.def.actions ?? {})));
      const named: Array<[string, object | undefined]> = [
        ["machine.actions", definition.machine?.actions],
        ["onAction", definition.onAction],
        ["uploads", definition.uploads],
        ["special", definition.special],
        ["answers", definition.answers],
      ];
      for (const [field, table] of named) {
        for (const action of Object.keys(table ?? {})) {
          if (!actions.has(action)) {
            problems.push(
              `${key}: ${field} names action '${action}', which no route of the store has (actions: ${[...actions].join(", ") || "none"}).`,
            );
          }
        }
      }
      const specials: Readonly<Record<string, string | undefined>> = definition.special ?? {};
      if (Object.values(specials).includes("embeddedFile") && !definition.embeddedFiles) {
        problems.push(`${key}: special 'embeddedFile' needs embeddedFiles (the list holding the files).`);
      }
      for (const [template, nested] of Object.entries(definition.nested ?? {})) {
        const route = served.find((r) => r.template === template);
        if (!route) {
          problems.push(`${key}: nested names '${template}', which is not a route of this store.`);
          continue;
        }
        const params = new Set(route.segments.flatMap((s) => PLACEHOLDER.exec(s)?.[1] ?? []));
        for (const param of [...Object.keys(nested?.refs ?? {}), ...Object.keys(nested?.parents ?? {})]) {
          if (!params.has(param))
            problems.push(`${key}: nested '${template}' has no placeholder '${param}'.`);
        }
        for (const parent of Object.values(nested?.parents ?? {})) {
          if (!known.has(parent))
            problems.push(`${key}: nested '${template}' names unknown store '${parent}'.`);
        }
        if (nested?.link && !known.has(nested.link.store)) {
          problems.push(`${key}: nested '${template}' links unknown store '${nested.link.store}'.`);
        }
      }
      if (definition.id) {
        const entry = prefixes.get(definition.id.prefix) ?? { stores: [], owners: [] };
        entry.stores.push(key);
        if (definition.ownsIdPrefix) entry.owners.push(key);
        prefixes.set(definition.id.prefix, entry);
      } else if (definition.ownsIdPrefix) {
        problems.push(`${key}: ownsIdPrefix without an id rule.`);
      }
    }
  }
  for (const [prefix, { stores: sharing, owners }] of prefixes) {
    if (sharing.length > 1 && owners.length !== 1) {
      problems.push(
        `id prefix ${prefix} is shared by ${sharing.join(", ")}: exactly one needs ownsIdPrefix (has: ${owners.join(", ") || "none"}).`,
      );
    }
  }
  return problems;
}

let checked = false;

/** Throws once, at start-up, when the built-in definitions have problems. */
export function checkDefinitions(): void {
  if (checked) return;
  const problems = definitionProblems();
  if (problems.length > 0) {
    throw new Error(`mpt-sandbox: invalid store definitions:\n  ${problems.join("\n  ")}`);
  }
  checked = true;
}
