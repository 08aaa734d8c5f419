/**
 * Issue 7's promise: a user's own suite, run twice in a row with a reset between, gets the same
 * results. The same sequence of mutations through the client (creates with generated ids,
 * multipart uploads, state transitions, an order to completion, memberships, a journal upload, a
 * refused transition, deletes, a download) answers identically after `reset()`, generated ids
 * included, and identically on a fresh sandbox loaded with the same fixtures.
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { BearerTokenAuthentication, MPTAPIError, MPTClient } from "mpt-api-client";
import { type FixturesDocument, type RunningSandbox, startSandbox } from "../src/index.js";
import { Harness } from "./helpers.js";

const VENDOR = "ACC-1111-1111";
const CLIENT = "ACC-2222-2222";
const T0 = Date.UTC(2025, 5, 1);

const FIXTURES: FixturesDocument = {
  accounts: [
    { id: VENDOR, name: "Acme", type: "Vendor" },
    { id: CLIENT, name: "Buyer", type: "Client" },
    { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
  ],
  tokens: {
    vendor: { token: "idt:TKN-1111-1111:vendor", accountId: VENDOR },
    client: { token: "idt:TKN-2222-2222:client", accountId: CLIENT },
    operations: { token: "idt:TKN-3333-3333:ops" },
  },
  objects: {
    "catalog/products": [{ id: "PRD-1111-0001", name: "Cloud", status: "Published", vendor: { id: VENDOR } }],
    "catalog/items": [
      { id: "ITM-1111-0001-0001", name: "Seat", status: "Published", product: { id: "PRD-1111-0001" } },
    ],
    "commerce/agreements": [
      {
        id: "AGR-1111-0001-0001",
        status: "Active",
        client: { id: CLIENT },
        vendor: { id: VENDOR },
        product: { id: "PRD-1111-0001" },
      },
    ],
    "accounts/users": [{ id: "USR-2222-0001", name: "Ann", accounts: [{ id: CLIENT }] }],
    "accounts/user-groups": [{ id: "UGR-2222-0001", name: "Buyers", account: { id: CLIENT } }],
  },
};

/** A clock that moves one second per reading, restarted before each run. */
let clock = T0;
let sandbox: RunningSandbox;
after(() => sandbox?.close());

const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    return plain(await call());
  } catch (error) {
    if (!(error instanceof MPTAPIError)) throw error;
    // traceIds are unique per answer by design; everything else must repeat.
    return { status: error.status, title: error.title, detail: error.detail, errors: plain(error.errors) };
  }
}

/** The user's "suite": mutations through the client, every answer recorded. */
async function suite(s: RunningSandbox): Promise<unknown[]> {
  const make = (token: string) =>
    new MPTClient({ baseUrl: s.url, authentication: new BearerTokenAuthentication(token), retries: 0 });
  const [vendor, client, ops] = [make(s.tokens.vendor), make(s.tokens.client), make(s.tokens.operations)];
  const out: unknown[] = [];
  const record = async (call: () => Promise<unknown>) => {
    const value = await outcome(call);
    out.push(value);
    return value as Record<string, unknown> & { id: string };
  };
  const icon = { filename: "icon.png", contentType: "image/png", content: new Uint8Array([137, 80, 78, 71]) };
  const product = await record(() => vendor.catalog.products.create({ name: "Repeatable" }, icon));
  const h = new Harness({}, s);
  const seat = await record(async () => vendor.catalog.items.create(await h.itemBody(product.id, "Seat")));
  const spare = await record(async () => vendor.catalog.items.create(await h.itemBody(product.id, "Spare")));
  const documents = vendor.catalog.products.documents(product.id);
  const pdf = {
    filename: "spec.pdf",
    contentType: "application/pdf",
    content: new TextEncoder().encode("%PDF-1 x"),
  };
  const doc = await record(() => documents.create({ name: "Spec", type: "File" }, pdf));
  await record(() => vendor.catalog.products.review(product.id));
  await record(() => vendor.catalog.products.publish(product.id)); // 403: operations publish
  await record(() => ops.catalog.products.publish(product.id));
  await record(() => vendor.catalog.items.review(seat.id));
  await record(() => ops.catalog.items.publish(seat.id));
  await record(() => ops.catalog.items.publish(seat.id)); // 409: already Published
  await record(() => vendor.catalog.items.delete(spare.id));
  await record(async () => {
    const file = await documents.download(doc.id);
    return { ...file, fileContents: [...new Uint8Array(file.fileContents)] };
  });
  const order = await record(() =>
    client.commerce.orders.create({
      agreement: { id: "AGR-1111-0001-0001" },
      lines: [{ item: { id: "ITM-1111-0001-0001" }, quantity: 3 }],
    } as never),
  );
  await record(() => client.commerce.orders.process(order.id));
  await record(() => vendor.commerce.orders.complete(order.id, {} as never));
  await record(() => ops.commerce.orders.subscriptions(order.id).fetchPage());
  await record(() => client.commerce.orders.create({ agreement: { id: "AGR-0000-0000-0000" } } as never)); // 400
  await record(() =>
    ops.accounts.accounts.users(CLIENT).groups("USR-2222-0001").create({ id: "UGR-2222-0001" }),
  );
  const journal = await record(() => vendor.billing.journals.create({ name: "June" }));
  const jsonl = `${JSON.stringify({ quantity: 1 })}\n${JSON.stringify({ quantity: 2 })}\n`;
  const charges = {
    filename: "c.jsonl",
    contentType: "application/jsonl",
    content: new TextEncoder().encode(jsonl),
  };
  await record(() => vendor.billing.journals.upload(journal.id, charges));
  await record(() => vendor.billing.journals.charges(journal.id).fetchPage());
  await record(() => vendor.catalog.products.fetchPage({ limit: 100 }));
  out.push(plain(s.export()));
  return out;
}

test("the same suite gives the same answers after a reset, generated ids included", async () => {
  sandbox = await startSandbox({ fixtures: FIXTURES, now: () => (clock += 1000) });
  clock = T0;
  const first = await suite(sandbox);
  const product = first[0] as { id: string };
  assert.match(product.id, /^PRD-\d{4}-\d{4}$/);
  assert.deepEqual((first[1] as { id: string }).id, `ITM-${product.id.slice(4)}-0001`);

  sandbox.reset();
  clock = T0;
  const second = await suite(sandbox);
  for (let i = 0; i < first.length; i++) assert.deepEqual(second[i], first[i], `answer ${i}`);

  // A fresh sandbox on the same fixtures answers the same too.
  const fresh = await startSandbox({ fixtures: FIXTURES, now: () => (clock += 1000) });
  try {
    clock = T0;
    assert.deepEqual(await suite(fresh), first);
  } finally {
    await fresh.close();
  }
});

test("on the built-in marketplace too, ids after a reset are the ids of a fresh sandbox", async () => {
  const ids = async (h: Harness) => [
    (await h.post("/catalog/products", { name: "A" }, "vendor")).body.id,
    (await h.post("/billing/journals", { name: "J" }, "vendor")).body.id,
    (await h.post("/helpdesk/cases", { title: "Help" }, "client")).body.chat.id,
  ];
  const h = new Harness();
  const first = await ids(h);
  assert.ok(first.every((id) => typeof id === "string"));
  h.sandbox.reset();
  assert.deepEqual(await ids(h), first);
  assert.deepEqual(await ids(new Harness()), first);
});
