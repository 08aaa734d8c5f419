/**
 * The catalogue as a command tree: groups, services, nested services with their parent ids, and
 * the verbs (standard operations and custom actions) of each service. Also the walk that reads a
 * service path with its ids from the command line (`catalog products items PRD-1 list`).
 */
import { type ActionDef, catalogue, type GroupName, groupNames, type ServiceDef } from "mpt-api-client";
import { kebab, placeholder } from "./names.js";

export interface ServiceNode {
  readonly group: GroupName;
  /** Accessor names from the group down, e.g. `["products", "items"]`. */
  readonly names: readonly string[];
  /** Rows from the top-level service down to this one. */
  readonly chain: readonly ServiceDef[];
  readonly def: ServiceDef;
}

/** A standard operation or a custom action, as a command of a service. */
export type Verb =
  | { kind: "list" | "count" | "get" | "create" | "update" | "delete" | "download"; command: string }
  | { kind: "action"; command: string; name: string; action: ActionDef };

export function isGroup(name: string): name is GroupName {
  return (groupNames as readonly string[]).includes(name);
}

export function servicesOf(group: GroupName): Record<string, ServiceDef> {
  return catalogue[group] as Record<string, ServiceDef>;
}

export function topNode(group: GroupName, name: string, def: ServiceDef): ServiceNode {
  return { group, names: [name], chain: [def], def };
}

export function childNode(parent: ServiceNode, name: string, def: ServiceDef): ServiceNode {
  return { group: parent.group, names: [...parent.names, name], chain: [...parent.chain, def], def };
}

/** `/catalog/products/{productId}/items`: an endpoint without the common `/public/v1`. */
export function shortPath(path: string): string {
  return path.replace(/^\/public\/v1/, "");
}

/** `catalog products items <product-id>`: the command line of a service with its ids. */
export function usagePath(node: ServiceNode): string {
  const levels = node.chain.flatMap((def, level) => [
    kebab(node.names[level] ?? ""),
    ...def.params.map(placeholder),
  ]);
  return [node.group, ...levels].join(" ");
}

/** Parameter names of every id the node needs, from the top-level service down. */
export function idParams(node: ServiceNode): string[] {
  return node.chain.flatMap((def) => [...def.params]);
}

const STANDARD = ["get", "create", "update", "delete", "download"] as const;

/** The commands of a service: list/count for collections, the operations, then the actions. */
export function verbsOf(def: ServiceDef): Verb[] {
  const verbs: Verb[] = [];
  if (def.ops.includes("collection")) {
    verbs.push({ kind: "list", command: "list" }, { kind: "count", command: "count" });
  }
  for (const op of STANDARD) if (def.ops.includes(op)) verbs.push({ kind: op, command: op });
  for (const [name, action] of Object.entries(def.actions ?? {})) {
    verbs.push({ kind: "action", command: kebab(name), name, action });
  }
  return verbs;
}

/** Names that may follow a service on the command line: its verbs and nested services. */
export function subcommandNames(def: ServiceDef): Set<string> {
  return new Set([...verbsOf(def).map((v) => v.command), ...Object.keys(def.children ?? {}).map(kebab)]);
}

function findRow(rows: Record<string, ServiceDef>, token: string): [string, ServiceDef] | undefined {
  return Object.entries(rows).find(([name]) => kebab(name) === token);
}

export interface Walk {
  readonly node: ServiceNode | undefined;
  readonly ids: string[];
  /** Indexes in `tokens` of the ids (to take them out of the command line). */
  readonly idIndexes: number[];
  /** Index after the service path and its ids. */
  readonly end: number;
}

/**
 * Reads `<service> [ids] [<child> [ids]]...` from `tokens[start..]` for `group`. An id is any
 * token that is not an option and not a command of the service; it stops at the first missing id.
 */
export function walkServicePath(group: GroupName, tokens: readonly string[], start: number): Walk {
  let rows = servicesOf(group);
  let node: ServiceNode | undefined;
  const ids: string[] = [];
  const idIndexes: number[] = [];
  let i = start;
  while (i < tokens.length) {
    const row = findRow(rows, tokens[i] ?? "");
    if (!row) break;
    const [name, def] = row;
    node = node ? childNode(node, name, def) : topNode(group, name, def);
    i++;
    const commands = subcommandNames(def);
    for (let p = 0; p < def.params.length; p++) {
      const token = tokens[i];
      if (token === undefined || token.startsWith("-") || token === "help" || commands.has(token)) {
        return { node, ids, idIndexes, end: i };
      }
      ids.push(token);
      idIndexes.push(i);
      i++;
    }
    rows = def.children ?? {};
  }
  return { node, ids, idIndexes, end: i };
}
