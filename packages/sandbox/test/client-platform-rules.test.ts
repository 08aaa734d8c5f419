/**
 * The platform rules of platform-rules.test.ts through the real client's typed services
 * (in-process): what a user of `mpt-api-client` writes to use each of them.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { unchecked } from "mpt-api-client";
import { createSandbox } from "../src/index.js";
import { personaClients } from "./helpers.js";

const { ops, vendor, client } = personaClients(createSandbox());

test("client: get with render() renders an audit record", async () => {
  const [record] = (await ops.audit.records.fetchPage({ limit: 1 })).resources;
  assert.ok(record);
  const plain = await ops.audit.records.get(record.id);
  const rendered = await ops.audit.records.options({ render: true }).get(record.id);
  assert.match(String(plain.details), /\{\{/);
  assert.doesNotMatch(String(rendered.details), /\{\{/);
});

test("client: an order from agreement details, placed and completed", async () => {
  const [licensee] = (await client.accounts.licensees.fetchPage({ limit: 1 })).resources;
  const [product] = (await client.catalog.products.filter("eq(status,Published)").fetchPage({ limit: 1 }))
    .resources;
  assert.ok(licensee && product);
  const [item] = (await client.catalog.items.filter(`eq(product.id,${product.id})`).fetchPage({ limit: 1 }))
    .resources;
  assert.ok(item);
  const order = await client.commerce.orders.create({
    agreement: { licensee: { id: licensee.id }, product: { id: product.id } },
    lines: [{ item: { id: item.id, terms: { period: "1y", commitment: "1y" } }, quantity: 3 }],
  });
  assert.equal(order.product?.id, product.id);
  assert.ok(order.seller?.id);
  assert.equal(order.lines?.[0]?.item?.name, item.name);
  const placed = await client.commerce.orders.process(order.id);
  assert.match(String(placed.agreement?.id), /^AGR-/);
  const done = await ops.commerce.orders.complete(order.id);
  assert.equal(done.status, "Completed");
});

test("client: a helpdesk case from a queue and a first message; participants from an array", async () => {
  const [queue] = (await ops.helpdesk.queues.fetchPage({ limit: 1 })).resources;
  assert.ok(queue);
  const kase = await client.helpdesk.cases.create({
    queue: { id: queue.id },
    chat: { lastMessage: { content: "Help, please" } },
  });
  const chatId = String((kase["chat"] as { id: string }).id);
  const messages = await ops.helpdesk.chats.messages(chatId).fetchPage();
  assert.equal(messages.resources[0]?.["content"], "Help, please");
  // Several participants in one POST (a JSON array): all or none, answered in order.
  const [userA, userB] = (await ops.accounts.users.fetchPage({ limit: 2 })).resources;
  assert.ok(userA && userB);
  const participants = ops.helpdesk.chats.participants(chatId);
  const before = await participants.count();
  const created = await participants.create([{ identity: { id: userA.id } }, { identity: { id: userB.id } }]);
  assert.equal(created.length, 2);
  assert.deepEqual(
    created.map((p) => (p["identity"] as { id: string }).id),
    [userA.id, userB.id],
  );
  for (const p of created) assert.match(p.id, /^CHP-/);
  assert.equal(await participants.count(), before + 2);
  await assert.rejects(
    participants.create([]),
    /participants\.create\(data\): the list of records to create is empty/,
  );
  const one = await participants.create({ identity: { id: userA.id } });
  assert.match(one.id, /^CHP-/);
  // a service without bulk create still refuses a list before sending
  await assert.rejects(
    ops.helpdesk.chats.messages(chatId).create(unchecked([{ content: "a" }])),
    /expected an object with the resource's fields, got an array/,
  );
});

test("client: notification category unpublished right after create; vendor audit record; invitation redeem", async () => {
  const category = await ops.notifications.categories.create({ name: "Billing", description: "Invoices" });
  assert.equal(category.status, "Published");
  assert.equal((await ops.notifications.categories.unpublish(category.id)).status, "Unpublished");

  const [own] = (await vendor.catalog.products.fetchPage({ limit: 1 })).resources;
  assert.ok(own);
  const audit = await vendor.audit.records.create({ event: "vendor.checked", object: { id: own.id } });
  assert.equal(audit.object?.id, own.id);

  const [extension] = (await vendor.integration.extensions.fetchPage({ limit: 1 })).resources;
  assert.ok(extension);
  const invite = await vendor.integration.installations.create({
    extension: { id: extension.id },
    invitation: { message: "Join", validity: "7d" },
  });
  const url = String((invite["invitation"] as { url: string }).url);
  const { code } = JSON.parse(Buffer.from(url, "base64url").toString("utf8")) as { code: string };
  const redeemed = await vendor.integration.installations.redeem(invite.id, { code, modules: [] });
  assert.equal(redeemed.status, "Installed");
});
