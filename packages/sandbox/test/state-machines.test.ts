/** Creates, updates, deletes and the state machines: allowed and disallowed transitions, who may call. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Harness, parameterBody } from "./helpers.js";

const h = new Harness();

test("a product goes Draft -> Pending (vendor) -> Published (operations) <-> Unpublished", async () => {
  const created = await h.post(
    "/catalog/products",
    { name: "Sandbox Widget", shortDescription: "x" },
    "vendor",
  );
  assert.equal(created.status, 201);
  const product = created.body;
  assert.match(product.id, /^PRD-\d{4}-\d{4}$/);
  assert.equal(product.status, "Draft");
  assert.equal(product.vendor.id, h.sandbox.accounts.vendor);
  assert.ok(product.audit.created.at);

  const early = await h.post(`/catalog/products/${product.id}/publish`);
  assert.equal(early.status, 409);
  assert.match(early.body.detail, /Cannot publish Product .* in status 'Draft'/);

  const reviewed = await h.post(`/catalog/products/${product.id}/review`, undefined, "vendor");
  assert.equal(reviewed.body.status, "Pending");
  assert.ok(reviewed.body.audit.pending.at);
  const vendorPublish = await h.post(`/catalog/products/${product.id}/publish`, undefined, "vendor");
  assert.equal(vendorPublish.status, 403);
  const published = await h.post(`/catalog/products/${product.id}/publish`, undefined, "operations");
  assert.equal(published.body.status, "Published");
  assert.equal(
    (await h.post(`/catalog/products/${product.id}/unpublish`, undefined, "vendor")).body.status,
    "Unpublished",
  );
  assert.equal((await h.post(`/catalog/products/${product.id}/publish`)).body.status, "Published");

  const deleteDenied = await h.del(`/catalog/products/${product.id}`, "vendor");
  assert.equal(deleteDenied.status, 409);
  assert.match(deleteDenied.body.detail, /status 'Published'/);
  assert.equal(h.sandbox.counters.createdCount("catalog/products"), 1);
});

test("update is a partial merge; read-only fields are ignored; drafts delete to 404", async () => {
  const { body: product } = await h.post(
    "/catalog/products",
    { name: "Mergeable", shortDescription: "short", website: "https://example.com" },
    "vendor",
  );
  const updated = await h.put(
    `/catalog/products/${product.id}`,
    { website: "https://example.org", status: "Published", id: "X", bogusField: 1 },
    "vendor",
  );
  assert.equal(updated.status, 200);
  assert.equal(updated.body.name, "Mergeable");
  assert.equal(updated.body.shortDescription, "short");
  assert.equal(updated.body.website, "https://example.org");
  assert.equal(updated.body.bogusField, undefined, "unknown fields are ignored");
  assert.equal(updated.body.status, "Draft");
  assert.equal(updated.body.id, product.id);
  assert.equal((await h.del(`/catalog/products/${product.id}`, "vendor")).status, 204);
  assert.equal((await h.get(`/catalog/products/${product.id}`)).status, 404);
});

test("child ids embed the parent's digits; product parameters are soft-deleted", async () => {
  const [productId] = await h.ids("/catalog/products?eq(status,Published)&limit=1");
  const digits = productId?.slice(4);
  const item = await h.post("/catalog/items", await h.itemBody(productId as string, "Extra seat"), "vendor");
  assert.equal(item.status, 201);
  assert.match(item.body.id, new RegExp(`^ITM-${digits}-\\d{4}$`));
  assert.equal(item.body.product.name.length > 0, true, "reference expanded to {id, name}");
  const nested = await h.ids(`/catalog/products/${productId}/items?limit=100`);
  assert.ok(nested.includes(item.body.id));

  const parameter = await h.call("POST", `/catalog/products/${productId}/parameters`, {
    as: "vendor",
    body: parameterBody("Seats"),
  });
  assert.match(parameter.body.id, new RegExp(`^PAR-${digits}-\\d{4}$`));
  assert.equal(parameter.body.product.id, productId);
  assert.equal(
    (await h.del(`/catalog/products/${productId}/parameters/${parameter.body.id}`, "vendor")).status,
    204,
  );
  const after = await h.get(`/catalog/products/${productId}/parameters/${parameter.body.id}`);
  assert.equal(after.status, 200);
  assert.equal(after.body.status, "Deleted");
});

test("required fields answer a validation problem", async () => {
  const answer = await h.post("/catalog/price-lists", { notes: "no currency" }, "vendor");
  assert.equal(answer.status, 400);
  assert.equal(answer.body.title, "One or more validation errors occurred.");
  // The spec's CreatePriceListRequest requires precision and product (not currency).
  assert.deepEqual(answer.body.errors, {
    precision: ["The Precision field is required."],
    product: ["The Product field is required."],
  });
});

test("an order goes Draft -> Processing -> Querying -> Processing -> Completed with derived fields", async () => {
  const agreement = (await h.get("/commerce/agreements?eq(status,Active)&limit=1&select=lines", "client"))
    .body.data[0];
  const itemId = agreement.lines[0].item.id;
  const created = await h.post(
    "/commerce/orders",
    { agreement: { id: agreement.id }, lines: [{ item: { id: itemId }, quantity: 3 }] },
    "client",
  );
  assert.equal(created.status, 201);
  const order = created.body;
  assert.match(order.id, /^ORD-\d{4}-\d{4}-\d{4}$/);
  assert.equal(order.status, "Draft");
  assert.equal(order.product.id, agreement.product.id);
  assert.equal(order.seller.id, agreement.seller.id);
  assert.equal(order.client.id, h.sandbox.accounts.client);
  assert.match(order.lines[0].id, /^ALI-/);
  assert.ok(order.lines[0].item.name);

  assert.equal((await h.post(`/commerce/orders/${order.id}/complete`, undefined, "vendor")).status, 409);
  assert.equal((await h.post(`/commerce/orders/${order.id}/process`, undefined, "vendor")).status, 403);
  assert.equal(
    (await h.post(`/commerce/orders/${order.id}/process`, undefined, "client")).body.status,
    "Processing",
  );
  const queried = await h.post(
    `/commerce/orders/${order.id}/query`,
    { parameters: { ordering: [] } },
    "vendor",
  );
  assert.equal(queried.body.status, "Querying");
  assert.equal(
    (await h.post(`/commerce/orders/${order.id}/process`, undefined, "client")).body.status,
    "Processing",
  );
  const completed = await h.post(
    `/commerce/orders/${order.id}/complete`,
    { template: { id: "TPL-1" } },
    "vendor",
  );
  assert.equal(completed.body.status, "Completed");
  assert.equal(completed.body.template.id, "TPL-1");
  const subscriptions = await h.get(`/commerce/orders/${order.id}/subscriptions`);
  assert.equal(subscriptions.body.$meta.pagination.total, 1);
  assert.equal(subscriptions.body.data[0].status, "Active");
  const notify = await h.post(
    `/commerce/orders/${order.id}/notify`,
    { userId: "USR-1", notifyMe: true },
    "client",
  );
  assert.equal(notify.status, 204);
  const render = await h.get(`/commerce/orders/${order.id}/render`);
  assert.equal(typeof render.body, "string");
});

test("orders: fail from Querying, quote, delete only drafts", async () => {
  const agreement = (await h.get("/commerce/agreements?eq(status,Active)&limit=1", "client")).body.data[0];
  const make = async () =>
    (await h.post("/commerce/orders", { agreement: { id: agreement.id } }, "client")).body;
  const a = await make();
  await h.post(`/commerce/orders/${a.id}/process`, undefined, "client");
  await h.post(`/commerce/orders/${a.id}/query`, undefined, "vendor");
  const failed = await h.post(
    `/commerce/orders/${a.id}/fail`,
    { statusNotes: { message: "No stock" } },
    "vendor",
  );
  assert.equal(failed.body.status, "Failed");
  assert.equal(failed.body.statusNotes.message, "No stock");
  assert.equal((await h.del(`/commerce/orders/${a.id}`, "client")).status, 409);
  const b = await make();
  assert.equal((await h.post(`/commerce/orders/${b.id}/quote`, undefined, "client")).body.status, "Quoted");
  assert.equal((await h.del(`/commerce/orders/${b.id}`, "client")).status, 204);
  assert.equal((await h.get(`/commerce/orders/${b.id}`)).status, 404);
});

test("a journal uploads charges, validates asynchronously, is submitted and accepted", async () => {
  const created = await h.post("/billing/journals", { name: "Sandbox usage" }, "vendor");
  const journal = created.body;
  assert.match(journal.id, /^BJO-\d{4}-\d{4}$/);
  assert.equal(journal.vendor.id, h.sandbox.accounts.vendor);
  const lines = [1, 2, 3].map((n) =>
    JSON.stringify({ externalIds: { vendor: `L${n}` }, quantity: n, price: { unitPP: 2, PPx1: 2 * n } }),
  );
  const form = new FormData();
  form.append("_attachment_data", new Blob(["{}"], { type: "application/json" }));
  form.append("file", new File([`${lines.join("\n")}\n`], "charges.jsonl", { type: "application/jsonl" }));
  const uploaded = await h.call("POST", `/billing/journals/${journal.id}/upload`, { as: "vendor", form });
  assert.equal(uploaded.status, 200, uploaded.text);
  assert.equal(uploaded.body.status, "Validating");
  assert.deepEqual(uploaded.body.upload, { total: 3, ready: 3, error: 0, split: 0, ignore: 0 });
  const settled = await h.get(`/billing/journals/${journal.id}`, "vendor");
  assert.equal(settled.body.status, "Validated");
  const charges = await h.ids(`/billing/journals/${journal.id}/charges?limit=10`, "vendor");
  assert.equal(charges.length, 3);
  assert.match(charges[0] ?? "", new RegExp(`^CHG-${journal.id.slice(4)}-0000-0000-\\d{4}$`));
  assert.equal(
    (await h.post(`/billing/journals/${journal.id}/submit`, undefined, "vendor")).body.status,
    "Review",
  );
  assert.equal((await h.post(`/billing/journals/${journal.id}/accept`, undefined, "vendor")).status, 403);
  assert.equal((await h.post(`/billing/journals/${journal.id}/enquiry`)).body.status, "Enquiring");
});

test("statements, subscriptions, accounts, buyers, sellers, licensees, tokens, users, webhooks", async () => {
  const statement = (await h.get("/billing/statements?eq(status,Generated)&limit=1")).body.data[0];
  for (const [action, status] of [
    ["queue", "Queued"],
    ["error", "Error"],
    ["retry", "Queued"],
    ["pending", "Pending"],
    ["issue", "Issued"],
  ] as const) {
    assert.equal((await h.post(`/billing/statements/${statement.id}/${action}`)).body.status, status, action);
  }
  assert.equal((await h.post(`/billing/statements/${statement.id}/cancel`)).status, 409);

  const subscription = (await h.get("/commerce/subscriptions?eq(status,Active)&limit=1")).body.data[0];
  assert.equal(
    (await h.post(`/commerce/subscriptions/${subscription.id}/terminate`, { description: "bye" }, "client"))
      .status,
    403,
  );
  assert.equal(
    (await h.post(`/commerce/subscriptions/${subscription.id}/terminate`, { description: "bye" }, "vendor"))
      .body.status,
    "Terminated",
  );

  const account = (await h.get("/accounts/accounts?eq(type,Client)&limit=1")).body.data[0];
  assert.equal((await h.post(`/accounts/accounts/${account.id}/disable`)).body.status, "Disabled");
  assert.equal((await h.post(`/accounts/accounts/${account.id}/disable`)).status, 409);
  assert.equal((await h.post(`/accounts/accounts/${account.id}/enable`)).body.status, "Active");

  const buyer = (
    await h.post(
      "/accounts/buyers",
      {
        name: "New buyer",
        address: {
          addressLine1: "1 Main St",
          city: "Springfield",
          state: "IL",
          postCode: "62701",
          country: "US",
        },
      },
      "client",
    )
  ).body;
  assert.match(buyer.id, /^BUY-/);
  assert.equal(
    (await h.post(`/accounts/buyers/${buyer.id}/disable`, undefined, "client")).body.status,
    "Disabled",
  );
  assert.equal(
    (await h.post(`/accounts/buyers/${buyer.id}/enable`, undefined, "client")).body.status,
    "Active",
  );

  const seller = (await h.get("/accounts/sellers?limit=1")).body.data[0];
  assert.equal((await h.post(`/accounts/sellers/${seller.id}/deactivate`)).body.status, "Offline");
  assert.equal((await h.post(`/accounts/sellers/${seller.id}/activate`)).body.status, "Active");

  const licensee = (
    await h.post(
      "/accounts/licensees",
      { name: "New licensee", buyer: { id: buyer.id }, seller: { id: seller.id }, useBuyerAddress: true },
      "client",
    )
  ).body;
  assert.equal(licensee.status, "Enabled");
  assert.equal(
    (await h.post(`/accounts/licensees/${licensee.id}/disable`, undefined, "client")).body.status,
    "Disabled",
  );

  const user = (await h.get("/accounts/users?eq(status,Active)&limit=1")).body.data[0];
  assert.equal((await h.post(`/accounts/users/${user.id}/block`)).body.status, "Blocked");
  assert.equal((await h.post(`/accounts/users/${user.id}/unblock`)).body.status, "Active");
  const password = await h.post(`/accounts/users/${user.id}/set-password`, { password: "s3cret!" });
  assert.equal(password.status, 200);
  assert.equal(password.body.password, undefined);

  const webhook = (await h.get("/notifications/webhooks?limit=1")).body.data[0];
  assert.equal((await h.post(`/notifications/webhooks/${webhook.id}/disable`)).body.status, "Disabled");
  assert.equal((await h.post(`/notifications/webhooks/${webhook.id}/enable`)).body.status, "Enabled");
});

test("a helpdesk case opens its chat with one message and one participant", async () => {
  const created = await h.post("/helpdesk/cases", { title: "Broken", description: "It broke" }, "client");
  assert.equal(created.status, 201);
  assert.equal(created.body.awaiting, false);
  const chatId = created.body.chat.id;
  assert.equal((await h.get(`/helpdesk/chats/${chatId}/messages`)).body.$meta.pagination.total, 1);
  assert.equal((await h.get(`/helpdesk/chats/${chatId}/participants`)).body.$meta.pagination.total, 1);
  assert.equal((await h.post(`/helpdesk/cases/${created.body.id}/process`)).body.status, "Processing");
});

test("live API quirks: unknown subscriber actions answer 400, empty names 400", async () => {
  const unknown = await h.post("/notifications/subscribers/NTS-0000-0000-0000/enable");
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.title, "Bad Request");
  assert.equal(unknown.body.detail, "Subscriber with id 'NTS-0000-0000-0000' not found");
  const [accountId] = await h.ids("/accounts/accounts?limit=1");
  const empty = await h.put(`/accounts/accounts/${accountId}`, { name: "" });
  assert.equal(empty.status, 400);
  assert.equal(empty.body.title, "Bad Request");
  assert.equal((await h.post("/commerce/orders/ORD-0000-0000-0000/process")).status, 404);
});
