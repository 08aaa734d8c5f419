/**
 * Answers of the special handlers are trimmed by the spec's `access` like every other answer
 * (issue #14): each case uses a property the spec (x-softwareone-rql.access) hides from the caller's
 * account type — a split allocation's `price.PPxY` (Operations only), a user's `accounts`
 * (Operations only), a transferred buyer's `errors` (Operations only), an enrollment's `template`
 * (Client and Operations), a subscription's `split` (Client and Operations). An action answering
 * another schema than its store's (the definition's `answers`: a buyer's `validate` answers
 * `BuyerValidate`) is trimmed by that schema. Operations always gets the whole answer.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

const VENDOR = "ACC-1111-1111";
const CLIENT = "ACC-2222-2222";
const OTHER_CLIENT = "ACC-4444-4444";
const AGREEMENT = "AGR-1111-1111-1111";
const SUBSCRIPTION = "SUB-1111-1111-1111";
const BUYER = "BUY-1111-1111";
const USER = "USR-1111-0001";
const GROUP = "UGR-1111-0001";
const PROGRAM = "PRG-1111-1111";
const TEMPLATE = "PTP-1111-1111-0001";

const PRICE = { currency: "USD", SPxY: 1200, SPxM: 100, PPxY: 1000, PPxM: 83 };

function fixtures(): FixturesDocument {
  const parties = { vendor: { id: VENDOR }, client: { id: CLIENT } };
  return {
    accounts: [
      { id: VENDOR, name: "Acme", type: "Vendor" },
      { id: CLIENT, name: "Buyer Corp", type: "Client" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
      { id: OTHER_CLIENT, name: "Other Corp", type: "Client" },
    ],
    tokens: { vendor: { accountId: VENDOR }, client: { accountId: CLIENT } },
    objects: {
      "accounts/buyers": [
        {
          id: BUYER,
          name: "Buyer Corp EMEA",
          status: "Active",
          client: { id: CLIENT },
          account: { id: CLIENT },
          errors: [{ id: "BUY0001", message: "Tax id is missing." }],
        },
      ],
      "accounts/users": [{ id: USER, name: "Ann", accounts: [{ id: VENDOR }] }],
      "accounts/user-groups": [{ id: GROUP, name: "Admins", account: { id: VENDOR } }],
      "commerce/agreements": [
        {
          id: AGREEMENT,
          name: "Acme for Buyer Corp",
          status: "Active",
          ...parties,
          split: { allocations: [{ buyer: { id: BUYER }, percentage: 100, price: PRICE }] },
        },
      ],
      "commerce/subscriptions": [
        {
          id: SUBSCRIPTION,
          name: "Seats",
          status: "Active",
          ...parties,
          agreement: { id: AGREEMENT },
          split: { allocations: [] },
          splitStatus: "Inherited",
        },
      ],
      "program/programs": [
        { id: PROGRAM, name: "Partner program", status: "Published", vendor: { id: VENDOR } },
      ],
      "program/programs/templates": [{ id: TEMPLATE, name: "Welcome", program: { id: PROGRAM } }],
    },
  };
}

const h = new Harness({ fixtures: fixtures() });

test("split answers (GET, POST, PUT; agreement and subscription) hide Operations-only allocation prices", async () => {
  const seen = { operations: PRICE, client: { currency: "USD", SPxY: 1200, SPxM: 100 }, vendor: {} };
  for (const who of ["operations", "client", "vendor"] as const) {
    for (const path of [
      `/commerce/agreements/${AGREEMENT}/split`,
      `/commerce/subscriptions/${SUBSCRIPTION}/split`,
    ]) {
      const split = await h.get(path, who);
      assert.equal(split.status, 200, `${who} ${path}: ${split.text}`);
      assert.equal(split.body.allocations[0].buyer.id, BUYER);
      assert.deepEqual(split.body.allocations[0].price, seen[who], `${who} ${path}`);
    }
  }
  // A write answers the same way: the client's own PUT does not echo the purchase prices back.
  const allocations = [{ buyer: { id: BUYER }, percentage: 100, price: PRICE }];
  const put = await h.put(`/commerce/agreements/${AGREEMENT}/split`, { allocations }, "client");
  assert.equal(put.status, 200, put.text);
  assert.deepEqual(put.body.allocations[0].price, seen.client);
  // ... while the stored split keeps every field.
  const stored = await h.get(`/commerce/agreements/${AGREEMENT}/split`, "operations");
  assert.deepEqual(stored.body.allocations[0].price, PRICE);
});

test("membership answers (the user with its groups) hide the user's Operations-only accounts", async () => {
  const route = `/accounts/accounts/${VENDOR}/users/${USER}/groups`;
  const asVendor = await h.post(route, { id: GROUP }, "vendor");
  assert.equal(asVendor.status, 200, asVendor.text);
  assert.equal(asVendor.body.id, USER);
  assert.deepEqual(asVendor.body.groups, [{ id: GROUP, name: "Admins" }]);
  assert.ok(!("accounts" in asVendor.body), "a vendor does not see a user's accounts");
  const replaced = await h.put(route, [{ id: GROUP }], "vendor");
  assert.equal(replaced.status, 200, replaced.text);
  assert.ok(!("accounts" in replaced.body));
  const asOperations = await h.put(route, [{ id: GROUP }], "operations");
  assert.deepEqual(asOperations.body.accounts, [{ id: VENDOR }]);
});

test("a buyer's transfer details hide its Operations-only errors", async () => {
  const path = `/accounts/buyers/${BUYER}/transfer?destinationAccountId=${OTHER_CLIENT}`;
  const asClient = await h.get(path, "client");
  assert.equal(asClient.status, 200, asClient.text);
  assert.equal(asClient.body.id, BUYER);
  assert.equal(asClient.body.stats.licenseeCount, 0);
  assert.ok(!("errors" in asClient.body), "a client does not see a buyer's errors");
  const asOperations = await h.get(path, "operations");
  assert.deepEqual(asOperations.body.errors, [{ id: "BUY0001", message: "Tax id is missing." }]);
});

test("an enrollment draft's validation hides the template from a vendor", async () => {
  const draft = { program: { id: PROGRAM }, template: { id: TEMPLATE }, notes: "Please enrol" };
  const asVendor = await h.post("/program/enrollments/validate", draft, "vendor");
  assert.equal(asVendor.status, 200, asVendor.text);
  assert.equal(asVendor.body.notes, "Please enrol");
  assert.equal(asVendor.body.program.id, PROGRAM);
  assert.ok(!("template" in asVendor.body), "a vendor does not see an enrollment's template");
  const asClient = await h.post("/program/enrollments/validate", draft, "client");
  assert.equal(asClient.status, 200, asClient.text);
  assert.equal(asClient.body.template.id, TEMPLATE);
});

test("a buyer's validation answers BuyerValidate, whose errors everyone sees (a GET hides them)", async () => {
  const validated = await h.post(`/accounts/buyers/${BUYER}/validate`, { account: { id: CLIENT } }, "client");
  assert.equal(validated.status, 200, validated.text);
  assert.deepEqual(validated.body.errors, [{ id: "BUY0001", message: "Tax id is missing." }]);
  const got = await h.get(`/accounts/buyers/${BUYER}`, "client");
  assert.equal(got.status, 200, got.text);
  assert.ok(!("errors" in got.body), "Buyer.errors is for Operations only");
});

test("a subscription's split and splitStatus are for clients and operations (schema Subscription)", async () => {
  for (const path of [`/commerce/subscriptions/${SUBSCRIPTION}`, "/commerce/subscriptions"]) {
    const asVendor = await h.get(path, "vendor");
    const asClient = await h.get(path, "client");
    const vendorView = asVendor.body.data?.[0] ?? asVendor.body;
    const clientView = asClient.body.data?.[0] ?? asClient.body;
    assert.equal(vendorView.id, SUBSCRIPTION, asVendor.text);
    assert.ok(!("split" in vendorView) && !("splitStatus" in vendorView), `${path} as vendor`);
    assert.equal(clientView.splitStatus, "Inherited", `${path} as client`);
  }
});
