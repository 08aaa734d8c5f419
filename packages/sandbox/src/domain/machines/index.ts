/** All state machines by store key, and the lookups the action handler uses. */
import { accountsMachines } from "./accounts.js";
import { billingMachines } from "./billing.js";
import { catalogMachines } from "./catalog.js";
import { commerceMachines } from "./commerce.js";
import { platformMachines } from "./platform.js";
import type { Machine, MachineTable } from "./types.js";

export type { AccountType, Machine, Transition } from "./types.js";

export const MACHINES: MachineTable = {
  ...catalogMachines,
  ...commerceMachines,
  ...billingMachines,
  ...accountsMachines,
  ...platformMachines,
};

export function machineOf(store: string): Machine | undefined {
  return MACHINES[store];
}
