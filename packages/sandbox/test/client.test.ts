/**
 * The real client against the sandbox over loopback: a read path for every service of the
 * catalogue, the state machines of the main objects through the client's action methods, RQL
 * through the query builders, uploads and downloads byte for byte, streaming, installation auth.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  BearerTokenAuthentication,
  ExtensionFrameworkAuthentication,
  MPTAPIError,
  MPTClient,
  RQLQuery,
} from "mpt-api-client";
import { ROUTES, type RunningSandbox, startSandbox } from "../src/index.js";
import { type Dyn, Harness, serviceAt } from "./helpers.js";

let sandbox: RunningSandbox;
let ops: MPTClient;
let vendor: MPTClient;
let client: MPTClient;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  const make = (token: string) =>
    new MPTClient({ baseUrl: sandbox.url, authentication: new BearerTokenAuthentication(token), retries: 0 });
  ops = make(sandbox.tokens.operations);
  vendor = make(sandbox.tokens.vendor);
  client = make(sandbox.tokens.client);
});
after(() => sandbox.close());

/** The client service of a route, its parent ids taken from the first record of each parent. */
async function serviceOf(c: MPTClient, name: string): Promise<Dyn> {
  const route = ROUTES.find((r) => r.name === name);
  assert.ok(route);
  const ids: Record<string, string> = {};
  for (const ref of route.refs) {
    const parentName = ROUTES.find(
      (r) =>
        r.store === ref.store &&
        r.template === route.template.slice(0, route.template.indexOf(`/{${ref.param}}`)),
    )?.name;
    if (!parentName) {
      // notifications.accounts(accountId, categoryId): the client persona's contacts.
      const categories = await serviceOf(c, "notifications.categories");
      ids[ref.param] =
        ref.store === "accounts/accounts"
          ? sandbox.accounts.client
          : (await categories.fetchPage({ limit: 1 })).resources[0].id;
      continue;
    }
    const parent = await serviceOf(c, parentName);
    const page = await parent.fetchPage({ limit: 1 });
    ids[ref.param] = page.resources[0].id;
  }
  return serviceAt(c, name, ids);
}

test("every catalogue service answers its read path through the client", async () => {
  let reads = 0;
  for (const route of ROUTES) {
    if (!route.def.ops.includes("collection")) continue;
    const svc = await serviceOf(ops, route.name);
    const page = await svc.fetchPage({ limit: 2 });
    assert.ok(page.resources.length > 0, `${route.name}: empty page`);
    assert.ok(page.meta.pagination.total >= page.resources.length);
    if (route.def.ops.includes("get")) {
      const one = await svc.get(page.resources[0].id);
      assert.equal(one.id, page.resources[0].id, route.name);
    }
    reads++;
  }
  assert.ok(reads >= 90, `${reads} services read`);
});

test("iterate pages through thousands of orders; count and RQL builders", async () => {
  let n = 0;
  for await (const _order of ops.commerce.orders.iterate({ batchSize: 500 })) n++;
  assert.equal(n, 3000);
  const completed = ops.commerce.orders.filter(new RQLQuery({ status: "Completed" }));
  const total = await completed.count();
  let seen = 0;
  for await (const o of completed.select("-*", "id", "status").iterate({ batchSize: 250 })) {
    assert.equal((o as { status: string }).status, "Completed");
    seen++;
  }
  assert.equal(seen, total);
  const ordered = await ops.catalog.products
    .filter(new RQLQuery("status").in(["Published", "Draft"]).and(new RQLQuery("name").ilike("*a*")))
    .orderBy("-name")
    .fetchPage({ limit: 100 });
  const names = ordered.resources.map((p) => String(p.name));
  assert.deepEqual(names, [...names].sort().reverse());
  await assert.rejects(ops.catalog.products.filter("eq(nope,1)").fetchPage(), (e: unknown) => {
    assert.ok(e instanceof MPTAPIError);
    assert.equal(e.status, 400);
    assert.deepEqual(e.errors, { nope: ["Invalid property path."] });
    return true;
  });
});

test("product lifecycle with an icon through the client (vendor reviews, operations publishes)", async () => {
  const icon = new Uint8Array([137, 80, 78, 71, 1, 2, 3, 4, 5]);
  const product = await vendor.catalog.products.create(
    { name: "Client-made product" },
    { filename: "icon.png", contentType: "image/png", content: icon },
  );
  assert.equal(product.status, "Draft");
  assert.equal((await vendor.catalog.products.review(product.id)).status, "Pending");
  await assert.rejects(
    vendor.catalog.products.publish(product.id),
    (e: unknown) => e instanceof MPTAPIError && e.status === 403,
  );
  assert.equal((await ops.catalog.products.publish(product.id)).status, "Published");
  assert.equal((await vendor.catalog.products.unpublish(product.id)).status, "Unpublished");
  const response = await fetch(`${sandbox.url}/public/v1/catalog/products/${product.id}/icon`, {
    headers: { authorization: `Bearer ${sandbox.tokens.vendor}` },
  });
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), icon);

  const item = await vendor.catalog.items.create(await new Harness({}, sandbox).itemBody(product.id, "Seat"));
  assert.equal((await vendor.catalog.items.review(item.id)).status, "Pending");
  assert.equal((await ops.catalog.items.publish(item.id)).status, "Published");
  assert.equal((await vendor.catalog.items.unpublish(item.id)).status, "Unpublished");
});

test("documents upload and download byte for byte through the client", async () => {
  const [product] = (await vendor.catalog.products.filter("eq(status,Published)").fetchPage({ limit: 1 }))
    .resources;
  assert.ok(product);
  const content = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) % 251);
  const documents = vendor.catalog.products.documents(product.id);
  const doc = await documents.create(
    { name: "Big spec", type: "File" },
    {
      filename: "big-spec.pdf",
      contentType: "application/pdf",
      content,
    },
  );
  assert.equal(doc.size, content.length);
  const file = await documents.download(doc.id);
  assert.equal(file.filename, "big-spec.pdf");
  assert.equal(file.contentType, "application/pdf");
  assert.deepEqual(new Uint8Array(file.fileContents), content);
  for (const [action, status] of [
    ["review", "Pending"],
    ["publish", "Published"],
    ["unpublish", "Unpublished"],
  ] as const) {
    assert.equal((await (documents as Dyn)[action](doc.id)).status, status);
  }
  await documents.delete(doc.id);
  await assert.rejects(documents.get(doc.id), (e: unknown) => e instanceof MPTAPIError && e.status === 404);
});

test("an order from draft to completed through the client", async () => {
  const [agreement] = (
    await client.commerce.agreements.filter("eq(status,Active)").select("+lines").fetchPage({ limit: 1 })
  ).resources;
  assert.ok(agreement);
  const lines = agreement.lines as Array<{ item: { id: string } }>;
  const order = await client.commerce.orders.create({
    agreement: { id: agreement.id },
    lines: [{ item: { id: lines[0]?.item.id }, quantity: 2 }],
  } as Dyn);
  assert.equal(order.status, "Draft");
  assert.equal((await client.commerce.orders.validate(order.id)).status, "Draft");
  assert.equal((await client.commerce.orders.process(order.id)).status, "Processing");
  assert.equal((await vendor.commerce.orders.query(order.id, { parameters: {} } as Dyn)).status, "Querying");
  assert.equal((await client.commerce.orders.process(order.id)).status, "Processing");
  const done = await vendor.commerce.orders.complete(order.id, { template: { id: "TPL-0001" } } as Dyn);
  assert.equal(done.status, "Completed");
  await client.commerce.orders.notify(order.id, { userId: "USR-1", notifyMe: true } as Dyn);
  const text = await client.commerce.orders.render(order.id);
  assert.match(String(text), /Rendered/);
  const subscription = (await ops.commerce.orders.subscriptions(order.id).fetchPage()).resources[0];
  assert.ok(subscription);
  assert.equal(
    (await vendor.commerce.subscriptions.terminate(subscription.id, { description: "done" } as Dyn)).status,
    "Terminated",
  );
});

test("journals: upload, settle, submit, enquiry through the client", async () => {
  const journal = await vendor.billing.journals.create({ name: "Client journal" });
  const jsonl = `${JSON.stringify({ quantity: 1, price: { unitPP: 1 } })}\n${JSON.stringify({ quantity: 2, price: { unitPP: 1 } })}\n`;
  const uploaded = await vendor.billing.journals.upload(journal.id, {
    filename: "charges.jsonl",
    contentType: "application/jsonl",
    content: new TextEncoder().encode(jsonl),
  });
  assert.equal(uploaded.status, "Validating");
  assert.equal((await vendor.billing.journals.get(journal.id)).status, "Validated");
  assert.equal(await vendor.billing.journals.charges(journal.id).count(), 2);
  assert.equal((await vendor.billing.journals.submit(journal.id)).status, "Review");
  assert.equal((await ops.billing.journals.enquiry(journal.id)).status, "Enquiring");
});

test("statement charges stream through the JSONL redirect; orders through MPT-Streaming", async () => {
  const [statement] = (await ops.billing.statements.fetchPage({ limit: 1 })).resources;
  assert.ok(statement);
  const charges = ops.billing.statements.charges(statement.id);
  let streamed = 0;
  for await (const charge of charges.stream()) {
    assert.equal((charge.statement as { id: string }).id, statement.id);
    streamed++;
  }
  assert.equal(streamed, await charges.count());
  let orders = 0;
  for await (const _o of ops.commerce.orders.filter("eq(status,Failed)").stream()) orders++;
  assert.equal(orders, await ops.commerce.orders.filter("eq(status,Failed)").count());
});

test("extension-framework auth gets and refreshes installation tokens", async () => {
  const auth = new ExtensionFrameworkAuthentication({ secret: sandbox.tokens.extension });
  const ext = new MPTClient({ baseUrl: sandbox.url, authentication: auth, retries: 0 });
  const page = await ext.catalog.products.fetchPage({ limit: 1 });
  assert.equal(page.resources.length, 1);
  const before = sandbox.counters.requests("POST /public/v1/integration/installations/-/token");
  sandbox.faults.set({ kind: "status", status: 401, times: 1, service: "catalog.products" });
  await ext.catalog.products.fetchPage({ limit: 1 });
  sandbox.faults.clear();
  assert.equal(sandbox.counters.requests("POST /public/v1/integration/installations/-/token"), before + 1);
  const scoped = new MPTClient({
    baseUrl: sandbox.url,
    authentication: new ExtensionFrameworkAuthentication({
      secret: sandbox.tokens.extension,
      accountId: sandbox.accounts.client,
    }),
  });
  const buyers = await scoped.accounts.buyers.fetchPage({ limit: 5 });
  assert.ok(buyers.resources.every((b) => (b.account as { id: string }).id === sandbox.accounts.client));
});
