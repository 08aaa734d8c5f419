/** Shared helpers of the sandbox tests: one sandbox per file, request shortcuts per persona. */
import type { MPTClient } from "mpt-api-client";
import { createSandbox, type Persona, ROUTES, type Sandbox, type SandboxOptions } from "../src/index.js";

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
  text: string;
}

export class Harness {
  readonly sandbox: Sandbox;
  /** A new sandbox made with `options`, or `existing` when given. */
  constructor(options: SandboxOptions = {}, existing?: Sandbox) {
    this.sandbox = existing ?? createSandbox(options);
  }

  async call(
    method: string,
    path: string,
    options: { as?: Persona | null; body?: unknown; headers?: Record<string, string>; form?: FormData } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const persona = options.as === undefined ? "operations" : options.as;
    if (persona) headers["authorization"] = `Bearer ${this.sandbox.tokens[persona]}`;
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const url = path.startsWith("/_sandbox") ? path : `/public/v1${path}`;
    const response = await this.sandbox.fetch(`${this.sandbox.url}${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  get = (path: string, as: Persona | null = "operations", headers?: Record<string, string>) =>
    this.call("GET", path, { as, ...(headers ? { headers } : {}) });
  post = (path: string, body?: unknown, as: Persona = "operations") =>
    this.call("POST", path, { as, ...(body !== undefined ? { body } : {}) });
  put = (path: string, body: unknown, as: Persona = "operations") => this.call("PUT", path, { as, body });
  del = (path: string, as: Persona = "operations") => this.call("DELETE", path, { as });

  /** Ids of a list answer. */
  async ids(path: string, as: Persona = "operations"): Promise<string[]> {
    const answer = await this.get(path, as);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    return (answer.body.data as Array<{ id: string }>).map((r) => r.id);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: services are reached dynamically by catalogue name
export type Dyn = any;

/**
 * The client service at a dotted catalogue name (`catalog.products.terms.variants`), walking the
 * client's accessors and passing each level's ids, taken from `ids` by parameter name.
 */
export function serviceAt(client: MPTClient, name: string, ids: Record<string, string>): Dyn {
  const [group, ...parts] = name.split(".");
  let svc: Dyn = (client as Dyn)[group as string];
  let path = group as string;
  for (const part of parts) {
    path = `${path}.${part}`;
    const def = ROUTES.find((r) => r.name === path)?.def;
    const member = svc[part];
    svc =
      typeof member === "function"
        ? member.apply(
            svc,
            (def?.params ?? []).map((p) => ids[p]),
          )
        : member;
  }
  return svc;
}
