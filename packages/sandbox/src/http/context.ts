/**
 * The state one sandbox instance carries (store, auth, faults, counters, options) and the
 * per-request context handlers receive.
 */

import type { ActionDef } from "../domain/catalogue.js";
import type { ServiceRoute } from "../domain/routes.js";
import type { Store } from "../domain/store.js";
import type { Auth, Caller } from "./auth.js";
import type { Counters } from "./counters.js";
import type { Faults } from "./faults.js";

export interface ResolvedOptions {
  seed: string;
  scale: number;
  defaultLimit: number;
  maxLimit: number;
  tokenTtlSeconds: number;
  /** Milliseconds before an asynchronous status (`Validating` -> `Validated`) settles; 0: next read. */
  settleMs: number;
  /** Request bodies are checked against the OpenAPI spec (`validate: false` turns it off). */
  validate: boolean;
  /** Largest request body accepted (413 beyond). */
  maxBodyBytes: number;
}

export interface PendingTransition {
  store: string;
  id: string;
  to: string;
  at: number;
}

export interface SandboxContext {
  store: Store;
  auth: Auth;
  faults: Faults;
  counters: Counters;
  options: ResolvedOptions;
  now(): number;
  /** Status changes that happen after an answer (`settles` of a transition). */
  pending: Map<string, PendingTransition>;
}

export interface RequestContext {
  sandbox: SandboxContext;
  req: Request;
  url: URL;
  caller: Caller;
  route: ServiceRoute;
  /** Template of the matched endpoint (`/public/v1/catalog/products/{id}`). */
  pattern: string;
  /** Values of the template placeholders (`productId`), decoded. */
  params: Readonly<Record<string, string>>;
}

/** A custom action call: the record id (none for collection actions), name and definition. */
export interface ActionCall {
  id: string | undefined;
  name: string;
  action: ActionDef;
  /** Values of the action path's placeholders (`attachmentId`). */
  params: Readonly<Record<string, string>>;
}
