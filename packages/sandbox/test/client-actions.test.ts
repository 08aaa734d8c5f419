/**
 * Every state-machine transition of the tables, called through the real client (in-process):
 * for each action with a target status, a record in an allowed status is found and moved, by a
 * persona the table allows.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
import { createSandbox, MACHINES, ROUTES } from "../src/index.js";
import { serviceAt } from "./helpers.js";

const sandbox = createSandbox();
const clients = {
  Operations: new MPTClient({
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    authentication: new BearerTokenAuthentication(sandbox.tokens.operations),
  }),
  Vendor: new MPTClient({
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    authentication: new BearerTokenAuthentication(sandbox.tokens.vendor),
  }),
  Client: new MPTClient({
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    authentication: new BearerTokenAuthentication(sandbox.tokens.client),
  }),
};

/** The personas' own API tokens must stay enabled. */
const personaTokens = Object.values(sandbox.tokens).map((t) => t.split(":")[1] ?? "");

type Row = Record<string, unknown>;
/** Bodies of the actions whose OpenAPI body schema has required fields. */
const BODIES: Record<string, (record: Row) => Row> = {
  "accounts.accounts.activate": (r) => ({ name: r["name"], externalId: "EXT-1" }),
  "accounts.buyers.activate": (r) => ({ account: r["account"] ?? {}, externalIds: {} }),
  "accounts.buyers.validate": (r) => ({ account: r["account"] ?? {} }),
  "accounts.buyers.transfer": (r) => ({ account: r["account"] ?? {} }),
  "commerce.orders.notify": () => ({ userId: "USR-0000-0000" }),
  // The code an invited installation's `invitation.url` carries (base64url JSON).
  "integration.installations.redeem": (r) => ({
    code: JSON.parse(Buffer.from(String((r["invitation"] as Row)["url"]), "base64url").toString()).code,
    modules: [],
  }),
  "program.certificates.terminate": () => ({ statusNotes: { message: "Terminated by the test." } }),
  "program.enrollments.query": () => ({ template: { id: "TPL-0000-0000-0000" } }),
  "program.enrollments.fail": () => ({ statusNotes: { message: "Failed by the test." } }),
};

interface Pending {
  route: (typeof ROUTES)[number];
  action: string;
  from: readonly string[];
  to: string;
  type: keyof typeof clients;
}

async function attempt(p: Pending): Promise<boolean> {
  // Under the first parent records, else the next ones (two routes may share a store's records).
  for (let offset = 0; offset < 5; offset++) if (await attemptUnder(p, offset)) return true;
  return false;
}

async function attemptUnder(p: Pending, offset: number): Promise<boolean> {
  const c = clients[p.type];
  // Parent ids: the record at `offset` of each parent (visible to that persona).
  const ids: Record<string, string> = {};
  for (const ref of p.route.refs) {
    const parentRoute =
      ROUTES.find((r) => r.store === ref.store && r.refs.length === 0) ??
      ROUTES.find((r) => r.store === ref.store);
    const parent = serviceAt(c, parentRoute?.name ?? "", ids);
    const page = (await parent.fetchPage({ limit: 1, offset })).resources[0];
    if (!page) return false;
    ids[ref.param] = page.id;
  }
  if (offset > 0 && p.route.refs.length === 0) return false;
  const svc = serviceAt(c, p.route.name, ids);
  const statuses = p.from.map((s) => `'${s}'`).join(",");
  const keep = personaTokens.map((id) => `'${id}'`).join(",");
  const [record] = (await svc.filter(`in(status,(${statuses}))&out(id,(${keep}))`).fetchPage({ limit: 1 }))
    .resources;
  if (!record) return false;
  const body = BODIES[`${p.route.name}.${p.action}`];
  // Actions that answer 204 (a request's process/query/complete) are checked by reading back.
  const result =
    (body ? await svc[p.action](record.id, body(record)) : await svc[p.action](record.id)) ??
    (await svc.get(record.id));
  assert.equal(result.status, p.to, `${p.route.name}.${p.action} from ${record.status}`);
  return true;
}

test("every transition of the state-machine tables works through the client", async () => {
  let pending: Pending[] = [];
  for (const route of ROUTES) {
    const machine = MACHINES[route.store];
    if (!machine || !route.def.actions) continue;
    for (const [action, t] of Object.entries(machine.actions)) {
      const def = route.def.actions[action];
      if (!def || !t?.to || t.from === "*" || def.file || def.bodyField) continue;
      const type = (t.by ?? ["Operations"]).includes("Operations")
        ? "Operations"
        : (t.by?.[0] ?? "Operations");
      pending.push({ route, action, from: t.from, to: t.to, type });
    }
  }
  // Actions that keep their status (resend an invite) go first, before others move the record on.
  pending.sort((a, b) => Number(b.from.includes(b.to)) - Number(a.from.includes(a.to)));
  const total = pending.length;
  // Several passes: a transition may first need another one to bring a record into its status.
  for (let pass = 0; pass < 4 && pending.length > 0; pass++) {
    const next: Pending[] = [];
    for (const p of pending) if (!(await attempt(p))) next.push(p);
    pending = next;
  }
  const left = pending.map((p) => `${p.route.name}.${p.action}`);
  assert.deepEqual(left, [], `${total - left.length}/${total} transitions exercised`);
  assert.ok(total >= 90, `${total} transitions`);
});
