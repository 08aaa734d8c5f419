/**
 * Calling a service of the client by its catalogue node: walks `client.<group>.<service>(ids)
 * .<child>(ids)` and calls methods by name. The client's types are derived per row; here the
 * row is only known at run time, so services are plain objects of functions.
 */
import type { MPTClient } from "mpt-api-client";
import type { ServiceNode } from "./tree.js";

export type Service = Readonly<Record<string, unknown>>;

type Fn = (...args: unknown[]) => unknown;

function member(target: Service, name: string, where: string): unknown {
  const value = target[name];
  if (value === undefined) throw new Error(`${where} has no ${name}`);
  return value;
}

/** Calls `target[name](...args)`. */
export function call<T>(target: Service, name: string, ...args: unknown[]): T {
  const fn = member(target, name, "the service");
  if (typeof fn !== "function") throw new Error(`${name} is not a method of the service`);
  return (fn as Fn).apply(target, args) as T;
}

/** The client's service object for `node`, bound to `ids` (one per parameter of the chain). */
export function openService(client: MPTClient, node: ServiceNode, ids: readonly string[]): Service {
  let target = (client as unknown as Record<string, Service>)[node.group] as Service;
  let used = 0;
  node.chain.forEach((def, level) => {
    const name = node.names[level] ?? "";
    const own = ids.slice(used, used + def.params.length);
    used += def.params.length;
    const isMethod = level > 0 || def.accessor === "method" || def.params.length > 0;
    target = isMethod ? call<Service>(target, name, ...own) : (member(target, name, node.group) as Service);
  });
  return target;
}
