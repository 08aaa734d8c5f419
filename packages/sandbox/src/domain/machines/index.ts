/** State machines by store key (from the store definitions), and the lookup the handlers use. */
import { DEFINITIONS, storeDef } from "../stores/index.js";
import type { Machine } from "./types.js";

export type { AccountType, Machine, Transition } from "./types.js";

/** Every store's state machine, by store key. */
export const MACHINES: Readonly<Record<string, Machine>> = Object.fromEntries(
  [...DEFINITIONS].flatMap(([key, definition]) => (definition.machine ? [[key, definition.machine]] : [])),
);

export function machineOf(store: string): Machine | undefined {
  return storeDef(store).machine;
}
