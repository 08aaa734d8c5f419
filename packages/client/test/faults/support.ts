/**
 * Helpers of the fault suite: a loopback sandbox per test file, clients with small time budgets
 * and a fetch that records what went over the wire (installation tokens, Authorization headers),
 * and a logger that keeps its lines. (A plain loopback server: ../support/loopback-server.ts.)
 */
import assert from "node:assert/strict";
import { after, before, beforeEach } from "node:test";
import {
  type Authentication,
  BearerTokenAuthentication,
  type ClientOptions,
  MPTClient,
} from "mpt-api-client";
import { type RunningSandbox, type StartOptions, startSandbox } from "mpt-sandbox";

export type { RunningSandbox };

export const TOKEN_PATH = "POST /public/v1/integration/installations/-/token";

export async function sandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, ...options });
}

/**
 * One sandbox for the tests of a file: started before them, closed after them, with faults,
 * counters and token revocation cleared before each test. Use it like the sandbox itself.
 */
export function useSandbox(options: StartOptions = {}): RunningSandbox {
  let running: RunningSandbox | undefined;
  before(async () => {
    running = await sandbox(options);
  });
  after(() => running?.close());
  beforeEach(() => {
    running?.faults.clear();
    running?.counters.reset();
    running?.unrevokeToken();
  });
  return new Proxy({} as RunningSandbox, {
    get(_target, key) {
      if (!running) throw new Error("the sandbox is used before the file's before() hook ran");
      const value: unknown = Reflect.get(running, key);
      return typeof value === "function" ? value.bind(running) : value;
    },
  });
}

/** What a recording fetch saw. */
export interface Wire {
  /** `METHOD url` of every request sent. */
  requests: string[];
  /** Installation tokens handed out by the token endpoint, in order. */
  tokens: string[];
  /** Authorization header of every request (undefined when absent). */
  authorizations: Array<string | undefined>;
}

/** Global fetch, recording requests and the installation tokens in the answers. */
export function recordingFetch(): { fetch: typeof fetch; wire: Wire } {
  const wire: Wire = { requests: [], tokens: [], authorizations: [] };
  const recording = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    wire.requests.push(`${init?.method ?? "GET"} ${url}`);
    wire.authorizations.push(new Headers(init?.headers).get("authorization") ?? undefined);
    const response = await fetch(input, init);
    if (url.includes("/installations/-/token") && response.ok) {
      const body = (await response.clone().json()) as { token?: string };
      if (body.token) wire.tokens.push(body.token);
    }
    return response;
  };
  return { fetch: recording, wire };
}

/** A test server: a sandbox, or any loopback server (which gets a dummy token). */
export interface Target {
  url: string;
  tokens?: { operations: string };
}

/** A client of `target` with test-sized retry delays; the operations persona's token unless given. */
export function clientOf(
  target: Target,
  options: Partial<ClientOptions> & { authentication?: Authentication } = {},
): MPTClient {
  return new MPTClient({
    baseUrl: target.url,
    authentication: new BearerTokenAuthentication(target.tokens?.operations ?? "idt:TKN-0000-0000:test"),
    retryBaseDelay: 5,
    // generous: on a loaded machine 200 concurrent requests may take seconds; tests of time budgets set their own
    timeout: 30_000,
    ...options,
  });
}

/** Runs `fn`, returning what it rejected with and how long that took (fails when it resolves). */
export async function timedRejection(fn: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  try {
    await fn();
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
  assert.fail("expected a rejection");
}

/** Resolves once `condition()` holds (polled every 2 ms); rejects after `ms`. */
export async function until(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export { recordingLogger } from "../support/logger.js";
