/**
 * `createSandbox`: one emulator instance without a socket: the web-standard handler, an
 * in-process `fetch` (follows redirects like fetch does), the personas' tokens, faults,
 * counters, reset and export. `startSandbox` (server.ts) serves it on loopback.
 */

import {
  exportFixtures,
  type FixturesDocument,
  type LoadedPersonas,
  loadFixtures,
  readFixtures,
} from "./data/fixtures.js";
import { DataDir, fixturesDigest } from "./data/persistence.js";
import { seedMarketplace } from "./data/seed/index.js";
import { settle } from "./domain/lifecycle.js";
import { Store } from "./domain/store.js";
import { checkDefinitions } from "./domain/stores/check.js";
import { findInView, openView } from "./domain/view.js";
import { Auth } from "./http/auth.js";
import { DEFAULT_BODY_LIMIT, EMPTY_BODY, readRequestBody } from "./http/body.js";
import {
  type BrowserPolicy,
  checkBrowserPolicy,
  checkHost,
  DEFAULT_CORS_ORIGINS,
  guardControlPlane,
  preflight,
  withCors,
} from "./http/browser.js";
import type { PendingTransition, RequestContext, ResolvedOptions, SandboxContext } from "./http/context.js";
import { ADMIN_PREFIX, type AdminHooks, handleAdmin } from "./http/control-plane.js";
import { Counters } from "./http/counters.js";
import { type FaultSpec, Faults, sleep } from "./http/faults.js";
import { BLOB_PREFIX, blobRedirect } from "./http/files.js";
import { handleAction } from "./http/handlers/actions.js";
import { handleGet, handleList } from "./http/handlers/read.js";
import { handleCreate, handleDelete, handleUpdate } from "./http/handlers/write.js";
import { RequestJournal } from "./http/request-journal.js";
import { matchRoute, type RouteMatch } from "./http/router.js";
import type { JsonObject } from "./shared/json.js";
import { Prng, randomHex } from "./shared/prng.js";
import { notFound, problemResponse, SandboxError } from "./shared/problem.js";

export interface SandboxOptions {
  /** Seed of the built-in marketplace (same seed, same data). Default `"mpt-sandbox"`. */
  seed?: string | number;
  /** Multiplies the big collections (orders, subscriptions, charges, invoices). Default 1. */
  scale?: number;
  /** Faults armed from the start. */
  faults?: readonly FaultSpec[];
  /** `limit` when a list request gives none. Default 10. */
  defaultLimit?: number;
  /** Larger limits are capped silently to this. Default 1000. */
  maxLimit?: number;
  /** Lifetime of issued installation tokens. Default 300 s. */
  tokenTtlSeconds?: number;
  /** Delay before asynchronous statuses settle (`Validating` -> `Validated`). Default 0: next read. */
  settleMs?: number;
  /**
   * Key of the installation tokens (HS256). Default: random per sandbox instance, so no token
   * signed elsewhere is accepted; give one only for reproducible tokens across runs.
   */
  tokenSigningKey?: string;
  /** Largest request body accepted; larger ones answer 413 before more is read. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Clock (ms since epoch); tests can move time to expire tokens. Default `Date.now`. */
  now?: () => number;
  /**
   * Your own data: a fixtures document or the path of a JSON file holding one. Loaded on an empty
   * sandbox (`seed: "none"`, the default) or on the built-in marketplace (`seed: "default"`);
   * an invalid document throws a `FixtureError` naming every problem.
   */
  fixtures?: string | FixturesDocument;
  /**
   * Origins a browser app may call the API from (CORS): exact (`http://localhost:5173`), any port
   * (`http://localhost:*`) or `*`; `[]` turns CORS off. Default: any port of localhost, 127.0.0.1
   * and [::1]. The control plane (`/_sandbox/*`) never answers CORS.
   */
  corsOrigins?: readonly string[];
  /**
   * Host names the control plane answers for besides localhost, `*.localhost` and IP addresses
   * (e.g. a Docker service name). Other `Host`s get 403 (a defence against DNS rebinding).
   */
  allowedHosts?: readonly string[];
  /**
   * `"open"` (default): the control plane needs no token (loopback use). `"token"`: every
   * `/_sandbox/*` route but the blob targets needs the operations token; `startSandbox` sets it
   * when bound to a non-loopback address without `exposeControlPlane`.
   */
  controlPlane?: "open" | "token";
  /**
   * Durable state: a directory where every acknowledged write is journalled (fsync before the
   * answer) and compacted into a snapshot; a restart with the same directory (and the same seed,
   * scale and fixtures) continues from there. Default: memory only.
   */
  dataDir?: string;
  /** Journal entries between two snapshots of `dataDir`. Default 1000. */
  compactEvery?: number;
  /**
   * Check request bodies against the OpenAPI spec (types, enums, formats, required fields) and
   * drop unknown fields, as the platform does. `false` stores what is sent. Default true.
   */
  validate?: boolean;
  /** How many requests `GET /_sandbox/requests` keeps (the newest). Default 1000; 0 keeps none. */
  requestJournal?: number;
}

export interface SandboxTokens {
  /** Bearer API token of the vendor persona's account. */
  vendor: string;
  /** Bearer API token of the client persona's account. */
  client: string;
  /** Bearer API token of the operations account. */
  operations: string;
  /** The persona extension's API key (for `ExtensionFrameworkAuthentication`). */
  extension: string;
}

export type Persona = keyof SandboxTokens;

export type SandboxHandler = (req: Request) => Promise<Response>;
export type SandboxFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Sandbox {
  /** Base URL for clients: the in-process origin, or the server's address once started. */
  url: string;
  tokens: SandboxTokens;
  /** Account ids of the personas, and the persona extension's id. */
  accounts: { vendor: string; client: string; operations: string; extensionId: string };
  handler: SandboxHandler;
  /** A fetch-compatible function that calls the handler in-process (no socket). */
  fetch: SandboxFetch;
  faults: Faults;
  counters: Counters;
  /** Makes a token (or a persona's token) answer 401 until `unrevokeToken`. */
  revokeToken(tokenOrPersona: string): void;
  unrevokeToken(tokenOrPersona?: string): void;
  /** Restores the state loaded at start (data, files, sequences); faults and counters are kept. */
  reset(): void;
  /** The current state as a fixtures document that loads back to the same state. */
  export(): FixturesDocument;
  /** The last requests answered (`GET /_sandbox/requests`): `list(filter?)`, `clear()`. */
  requests: RequestJournal;
  /** Flushes and releases the data dir's journal (nothing to do in memory). */
  close(): void;
  /** Internal store (advanced use and tests). */
  readonly store: Store;
}

export const IN_PROCESS_ORIGIN = "http://mpt-sandbox.local";

function resolve(options: SandboxOptions): ResolvedOptions {
  return {
    seed: String(options.seed ?? "mpt-sandbox"),
    scale: options.scale ?? 1,
    defaultLimit: options.defaultLimit ?? 10,
    maxLimit: options.maxLimit ?? 1000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    settleMs: options.settleMs ?? 0,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_BODY_LIMIT,
    validate: options.validate ?? true,
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  checkDefinitions();
  const signingKey = options.tokenSigningKey ?? randomHex(32);
  const resolved = resolve(options);
  const now = options.now ?? Date.now;
  const faults = new Faults(options.faults ?? []);
  // A creation counted in a write that fails is taken back with it (the current store's rollback).
  const counters = new Counters((undo) => store.onRollback(undo));
  const pending = new Map<string, PendingTransition>();
  const browser: BrowserPolicy = {
    corsOrigins: options.corsOrigins ?? DEFAULT_CORS_ORIGINS,
    allowedHosts: options.allowedHosts ?? [],
    inProcessHost: new URL(IN_PROCESS_ORIGIN).hostname,
  };
  checkBrowserPolicy(browser);

  const fixtures = options.fixtures === undefined ? undefined : readFixtures(options.fixtures);
  const build = (): { store: Store; personas: LoadedPersonas } => {
    const store = new Store(new Prng(`${resolved.seed}:ids`));
    const seeded =
      fixtures === undefined || fixtures.seed === "default"
        ? seedMarketplace(store, resolved.seed, resolved.scale)
        : undefined;
    const personas = fixtures ? loadFixtures(store, fixtures, seeded) : seeded;
    if (!personas) throw new Error("unreachable: no seed and no fixtures");
    return { store, personas };
  };
  let { store, personas } = build();
  const durable =
    options.dataDir === undefined
      ? undefined
      : DataDir.open(
          {
            dir: options.dataDir,
            base: {
              seed: resolved.seed,
              scale: resolved.scale,
              fixtures: fixtures === undefined ? null : fixturesDigest(fixtures),
            },
            compactEvery: options.compactEvery ?? 1000,
          },
          store,
          pending,
        );
  const journal = new RequestJournal(options.requestJournal ?? 1000);
  const ctx: SandboxContext = {
    store,
    auth: new Auth(store, signingKey, now),
    faults,
    counters,
    options: resolved,
    now,
    pending,
  };

  /**
   * The state as a fixtures document, as a read would see it: due asynchronous statuses settle
   * first (`Generating` -> `Generated`), since the document cannot carry them.
   */
  const exportState = (): FixturesDocument => {
    for (const key of new Set([...pending.values()].map((p) => p.store))) settle(ctx, key);
    durable?.flush();
    return exportFixtures(store, personas);
  };

  const personaToken = (value: string): string =>
    value in personas.tokens ? personas.tokens[value as Persona] : value;

  const hooks: AdminHooks = {
    tokens: () => ({
      ...personas.tokens,
      accounts: { ...personas.accounts, extensionId: personas.extensionId },
    }),
    revoke: (t) => ctx.auth.revoke(personaToken(t)),
    unrevoke: (t) => ctx.auth.unrevoke(t === undefined ? undefined : personaToken(t)),
    reset: () => sandbox.reset(),
    exportState: () => exportState() as unknown as JsonObject,
    requests: journal,
  };

  /** Which persona's credentials a request carries (never the credentials themselves). */
  function personaOf(req: Request): string | null {
    const header = req.headers.get("authorization");
    if (header === null) return null;
    const value = header.replace(/^Bearer\s+/i, "");
    for (const [persona, token] of Object.entries(personas.tokens)) if (value === token) return persona;
    return value.startsWith("eyJ") ? "installation" : "other";
  }

  /** Bumped by every reset: a write that started before one fails instead of landing after it. */
  let epoch = 0;

  function resetConflict(): SandboxError {
    return new SandboxError({
      status: 409,
      title: "Conflict",
      detail: "The sandbox was reset while this request was in flight; nothing was written. Send it again.",
    });
  }

  async function dispatch(req: Request, url: URL, match: RouteMatch | undefined): Promise<Response> {
    const started = epoch;
    if (!match) throw notFound(`No API route for ${req.method} ${url.pathname}.`);
    const caller = await ctx.auth.authenticate(req.headers.get("authorization"));
    const endpoint = match.endpoint;
    if (!endpoint) {
      throw new SandboxError({
        status: 405,
        detail: `${req.method} is not allowed on ${url.pathname}; allowed: ${match.allowed.join(", ")}.`,
        headers: { allow: match.allowed.join(", ") },
      });
    }
    const rc: RequestContext = {
      sandbox: ctx,
      req,
      url,
      caller,
      route: match.route,
      params: match.params,
      pattern: match.pattern,
    };
    const writes = endpoint.kind === "create" || endpoint.kind === "update" || endpoint.kind === "delete";
    const acts = endpoint.kind === "action" && endpoint.action.method !== "GET";
    // The whole body first; then check and write in one synchronous step against the current store.
    const body =
      (writes && endpoint.kind !== "delete") || acts
        ? await readRequestBody(req, resolved.maxBodyBytes)
        : EMPTY_BODY;
    if ((writes || acts) && started !== epoch) throw resetConflict();
    const write = <T>(step: () => T): T => ctx.store.transaction(step);
    switch (endpoint.kind) {
      case "list":
        return handleList(rc);
      case "create":
        return write(() => handleCreate(rc, body));
      case "get":
        return handleGet(rc, endpoint.id);
      case "update":
        return write(() => handleUpdate(rc, endpoint.id, body));
      case "delete":
        return write(() => handleDelete(rc, endpoint.id));
      case "action":
        return write(() => handleAction(rc, endpoint, body));
      case "blob": {
        findInView(openView(rc), endpoint.id);
        if (!ctx.store.files.has(endpoint.owner)) throw notFound(`No file at ${url.pathname}.`);
        return blobRedirect(url.origin, endpoint.owner);
      }
    }
  }

  const isOperationsToken = (authorization: string | null): boolean =>
    authorization === `Bearer ${personas.tokens.operations}`;

  /** The control plane: no CORS; the blob routes downloads redirect to are API data (CORS). */
  async function respondControl(req: Request, url: URL): Promise<Response> {
    if (url.pathname.startsWith(BLOB_PREFIX)) {
      checkHost(url, browser);
      const answer = preflight(req, browser) ?? (await handleAdmin(ctx, hooks, req, url).catch(toProblem));
      return withCors(req, answer, browser);
    }
    guardControlPlane(req, url, browser, isOperationsToken);
    if (options.controlPlane === "token" && !isOperationsToken(req.headers.get("authorization"))) {
      throw new SandboxError({
        status: 401,
        title: "Authentication Failed",
        detail:
          "This sandbox listens beyond loopback: its control plane needs the operations token " +
          "(or start it with exposeControlPlane / --expose-control-plane).",
      });
    }
    return await handleAdmin(ctx, hooks, req, url);
  }

  async function respondApi(req: Request, url: URL): Promise<Response> {
    const cors = preflight(req, browser);
    if (cors) return cors;
    const match = matchRoute(req.method, url.pathname);
    counters.request(`${req.method} ${match?.pattern ?? url.pathname}`);
    const info = {
      method: req.method,
      path: url.pathname,
      ...(match ? { service: match.route.name, store: match.route.store } : {}),
    };
    const plan = faults.plan(info);
    for (const id of plan.fired) counters.fault(id);
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    const response = plan.response ?? (await dispatch(req, url, match).catch(toProblem));
    return plan.wrap ? plan.wrap(response) : response;
  }

  /** Answers a request, journals it (API routes), and writes its changes to disk (with a data dir). */
  async function respond(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const refused = refuseMalformed(req, url);
    if (refused) return refused;
    if (url.pathname.startsWith(ADMIN_PREFIX))
      return durably(() => respondControl(req, url).catch(toProblem));
    const who = { persona: personaOf(req), at: new Date(now()).toISOString() };
    return journal.around(req, who, () =>
      durably(async () => withCors(req, await respondApi(req, url).catch(toProblem), browser)),
    );
  }

  /** Answers once the request's writes are on disk (with a data dir). */
  async function durably(answer: () => Promise<Response>): Promise<Response> {
    const response = await answer();
    if (!durable) return response;
    try {
      durable.flush();
    } catch (error) {
      await response.body?.cancel();
      const message = error instanceof Error ? error.message : String(error);
      return problemResponse({ status: 500, detail: `mpt-sandbox could not write its journal: ${message}` });
    }
    return response;
  }

  const fetchImpl: SandboxFetch = async (input, init) => {
    let request = new Request(input instanceof URL ? input.href : input, init);
    for (let hop = 0; ; hop++) {
      const response = await respond(request);
      const location = response.headers.get("location");
      const follow =
        request.redirect !== "manual" && REDIRECTS.has(response.status) && location !== null && hop < 10;
      if (follow && (request.method === "GET" || request.method === "HEAD")) {
        request = new Request(new URL(location, request.url), {
          method: request.method,
          headers: request.headers,
          signal: request.signal,
        });
        continue;
      }
      Object.defineProperty(response, "url", { value: request.url });
      return response;
    }
  };

  const sandbox: Sandbox = {
    url: IN_PROCESS_ORIGIN,
    get tokens() {
      return { ...personas.tokens };
    },
    get accounts() {
      return { ...personas.accounts, extensionId: personas.extensionId };
    },
    handler: respond,
    fetch: fetchImpl,
    faults,
    counters,
    revokeToken: hooks.revoke,
    unrevokeToken: hooks.unrevoke,
    reset() {
      epoch++;
      ({ store, personas } = build());
      ctx.store = store;
      ctx.auth = new Auth(store, signingKey, now);
      pending.clear();
      durable?.rebind(store);
    },
    requests: journal,
    close: () => durable?.close(),
    export: exportState,
    get store() {
      return store;
    },
  };
  return sandbox;
}

/** Methods the sandbox answers; any other gets 405 before authentication or routing. */
const METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A 405 for a method nobody serves, a 400 for a path with a malformed `%` escape. */
function refuseMalformed(req: Request, url: URL): Response | undefined {
  if (!METHODS.has(req.method)) {
    return problemResponse({
      status: 405,
      detail: `The sandbox does not answer ${req.method}; use ${[...METHODS].join(", ")}.`,
      headers: { allow: [...METHODS].join(", ") },
    });
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return problemResponse({
      status: 400,
      detail: `The URL path has a malformed percent-encoding (a '%' not followed by two hex digits of UTF-8): ${url.pathname}`,
    });
  }
  return undefined;
}

function toProblem(error: unknown): Response {
  if (error instanceof SandboxError) return problemResponse(error.init);
  if (error instanceof URIError)
    return problemResponse({ status: 400, detail: `Malformed URL: ${error.message}` });
  const message = error instanceof Error ? error.message : String(error);
  return problemResponse({ status: 500, detail: `mpt-sandbox internal error: ${message}` });
}

/** The web-standard handler of a new sandbox (see `createSandbox` for the rest of it). */
export function createSandboxHandler(options: SandboxOptions = {}): SandboxHandler {
  return createSandbox(options).handler;
}
