/** Shared helpers of the sandbox tests: one sandbox per file, request shortcuts per persona. */
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
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

  /**
   * A create body for an item of `productId` that the spec accepts (`unit`, `group`, `terms` and
   * `externalIds` are required): the first unit of measure and item group, created when missing.
   */
  async itemBody(productId: string, name: string): Promise<Record<string, unknown>> {
    let [unit] = await this.ids("/catalog/units-of-measure?limit=1");
    if (!unit)
      unit = (await this.post("/catalog/units-of-measure", { name: "Seat", description: "Seat" })).body.id;
    let [group] = await this.ids(`/catalog/products/${productId}/item-groups?limit=1`);
    if (!group) {
      const created = await this.post(`/catalog/products/${productId}/item-groups`, {
        name: "Default",
        label: "Default",
        description: "Default group",
        displayOrder: 1,
        default: true,
        multiple: true,
        required: false,
      });
      group = created.body.id;
    }
    return {
      name,
      product: { id: productId },
      unit: { id: unit },
      group: { id: group },
      terms: { period: "1m" },
      externalIds: { vendor: name },
    };
  }

  /** Ids of a list answer. */
  async ids(path: string, as: Persona = "operations"): Promise<string[]> {
    const answer = await this.get(path, as);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.text}`);
    return (answer.body.data as Array<{ id: string }>).map((r) => r.id);
  }
}

/** A product parameter create body with the fields the spec requires. */
export function parameterBody(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    type: "SingleLineText",
    scope: "Order",
    phase: "Order",
    description: name,
    displayOrder: 1,
    constraints: {},
    ...extra,
  };
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

/** Real clients of the three personas on a sandbox, in-process, without retries. */
export function personaClients(sandbox: Sandbox): { ops: MPTClient; vendor: MPTClient; client: MPTClient } {
  const make = (token: string) =>
    new MPTClient({
      baseUrl: sandbox.url,
      fetch: sandbox.fetch,
      authentication: new BearerTokenAuthentication(token),
      retries: 0,
    });
  return {
    ops: make(sandbox.tokens.operations),
    vendor: make(sandbox.tokens.vendor),
    client: make(sandbox.tokens.client),
  };
}
