/**
 * Public entry point of `mpt-sandbox`: a local emulator of the MPT REST API.
 */

export {
  exportFixtures,
  FixtureError,
  type FixtureIds,
  type FixturesDocument,
  type FixtureToken,
  validateFixtures,
} from "./data/fixtures.js";
export { MACHINES } from "./domain/machines/index.js";
export { NESTED, ROUTES, type ServiceRoute, STORE_KEYS } from "./domain/routes.js";
export type { CountersSnapshot } from "./http/counters.js";
export { Counters } from "./http/counters.js";
export type { FaultAction, FaultMatch, FaultSpec } from "./http/faults.js";
export { Faults } from "./http/faults.js";
export { type RunningSandbox, type StartOptions, startSandbox } from "./http/server.js";
export {
  createSandbox,
  createSandboxHandler,
  IN_PROCESS_ORIGIN,
  type Persona,
  type Sandbox,
  type SandboxFetch,
  type SandboxHandler,
  type SandboxOptions,
  type SandboxTokens,
} from "./sandbox.js";
