/**
 * Public entry point of `mpt-sandbox`: a local emulator of the MPT REST API.
 */
export type { CountersSnapshot } from "./counters.js";
export { Counters } from "./counters.js";
export type { FaultAction, FaultMatch, FaultSpec } from "./faults.js";
export { Faults } from "./faults.js";
export {
  exportFixtures,
  FixtureError,
  type FixturesDocument,
  type FixtureToken,
  validateFixtures,
} from "./fixtures.js";
export { NESTED, ROUTES, type ServiceRoute, STORE_KEYS } from "./routes.js";
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
export { type RunningSandbox, type StartOptions, startSandbox } from "./server.js";
export { MACHINES } from "./state-machines/index.js";
