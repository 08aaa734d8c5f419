/**
 * Responses trimmed by the spec's `x-softwareone-rql.access` (issue #14; behaviour notes §1.4): an
 * order's `price.markup` is Operations-only, purchase prices (`PPx1`, `unitPP`) are for Vendor and
 * Operations, sale prices and `currency` (`SPx1`, `unitSP`) for Client and Operations, an
 * agreement's `split` for Client and Operations. Each persona gets the same record without what
 * it may not see, in lists, single GETs, JSONL streams and write answers; fields the spec does not
 * describe are kept.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { FixturesDocument } from "../src/index.js";
import { accessTrimmer } from "../src/query/access-trim.js";
import { Harness } from "./helpers.js";

const VENDOR = "ACC-1111-1111";
const CLIENT = "ACC-2222-2222";
const ORDER = "ORD-1111-1111-1111";
const AGREEMENT = "AGR-1111-1111-1111";

function fixtures(): FixturesDocument {
  const parties = { vendor: { id: VENDOR }, client: { id: CLIENT } };
  return {
    accounts: [
      { id: VENDOR, name: "Acme", type: "Vendor" },
      { id: CLIENT, name: "Buyer Corp", type: "Client" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
    ],
    tokens: { vendor: { accountId: VENDOR }, client: { accountId: CLIENT } },
    objects: {
      "commerce/agreements": [
        {
          id: AGREEMENT,
          name: "Acme for Buyer Corp",
          status: "Active",
          ...parties,
          price: { currency: "USD", markup: 0.2, PPxY: 1200, SPxY: 1440 },
          split: { allocations: [] },
        },
      ],
      "commerce/orders": [
        {
          id: ORDER,
          type: "Purchase",
          status: "Draft",
          ...parties,
          agreement: { id: AGREEMENT },
          price: { currency: "USD", markup: 0.2, margin: 0.1667, PPx1: 100, SPx1: 120, note: "kept" },
          lines: [
            {
              id: "ALI-1111-1111-1111-0001",
              quantity: 1,
              price: { currency: "USD", markup: 0.2, unitPP: 100, unitSP: 120 },
            },
          ],
        },
      ],
    },
  };
}

const h = new Harness({ fixtures: fixtures() });

/** What each account type sees of the order's `price` and its line's `price`. */
const SEEN = {
  operations: {
    price: { currency: "USD", markup: 0.2, margin: 0.1667, PPx1: 100, SPx1: 120, note: "kept" },
    line: { currency: "USD", markup: 0.2, unitPP: 100, unitSP: 120 },
  },
  vendor: { price: { PPx1: 100, note: "kept" }, line: { unitPP: 100 } },
  client: { price: { currency: "USD", SPx1: 120, note: "kept" }, line: { currency: "USD", unitSP: 120 } },
} as const;

type Who = keyof typeof SEEN;
const PERSONAS = Object.keys(SEEN) as Who[];

// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON bodies
function assertSeen(order: any, who: Who, where: string): void {
  assert.equal(order.id, ORDER, where);
  assert.deepEqual(order.price, SEEN[who].price, `${where}: price as ${who}`);
  assert.deepEqual(order.lines?.[0]?.price, SEEN[who].line, `${where}: line price as ${who}`);
}

test("a list answers each account type the order without the prices it may not see", async () => {
  for (const who of PERSONAS) {
    const page = await h.get("/commerce/orders?select=lines", who);
    assert.equal(page.status, 200, who);
    assertSeen(page.body.data[0], who, "list");
  }
});

test("a single GET trims the same way, with or without select", async () => {
  for (const who of PERSONAS) {
    assertSeen((await h.get(`/commerce/orders/${ORDER}?select=lines`, who)).body, who, "get");
  }
  // Selecting a hidden property does not bring it back (the select ignores it).
  const selected = await h.get(`/commerce/orders/${ORDER}?select=lines,price.markup,price.SPx1`, "vendor");
  assertSeen(selected.body, "vendor", "get with select");
  // An agreement's split is for clients and operations only.
  assert.ok("split" in (await h.get(`/commerce/agreements/${AGREEMENT}`, "client")).body);
  const agreement = (await h.get(`/commerce/agreements/${AGREEMENT}`, "vendor")).body;
  assert.equal(agreement.id, AGREEMENT);
  assert.ok(!("split" in agreement));
  assert.deepEqual(agreement.price, { PPxY: 1200 });
});

test("a JSONL stream (MPT-Streaming) trims every record", async () => {
  for (const who of PERSONAS) {
    const response = await h.sandbox.fetch(`${h.sandbox.url}/public/v1/commerce/orders?select=lines`, {
      headers: {
        authorization: `Bearer ${h.sandbox.tokens[who]}`,
        accept: "application/jsonl",
        "mpt-streaming": "true",
      },
    });
    assert.equal(response.status, 200);
    const records = (await response.text())
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l));
    assert.equal(records.length, 1);
    assertSeen(records[0], who, "stream");
  }
});

test("update and action answers are trimmed too; the stored record keeps every field", async () => {
  const updated = await h.put(`/commerce/orders/${ORDER}`, { notes: "by the vendor" }, "vendor");
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.equal(updated.body.notes, "by the vendor");
  assert.deepEqual(updated.body.price, SEEN.vendor.price);
  const validated = await h.post(`/commerce/orders/${ORDER}/validate`, {}, "client");
  assert.equal(validated.status, 200, JSON.stringify(validated.body));
  assert.deepEqual(validated.body.price, SEEN.client.price);
  const stored = await h.get(`/commerce/orders/${ORDER}?select=lines`, "operations");
  assert.equal(stored.body.notes, "by the vendor");
  assertSeen(stored.body, "operations", "stored");
});

test("the trimmer shares untouched parts and leaves schemaless stores and Operations alone", () => {
  const order = fixtures().objects?.["commerce/orders"]?.[0] as Parameters<
    ReturnType<typeof accessTrimmer>
  >[0];
  const trimmed = accessTrimmer("commerce/orders", "Vendor")(order);
  assert.notEqual(trimmed, order);
  assert.equal(trimmed["agreement"], order["agreement"]);
  assert.equal(accessTrimmer("commerce/orders", "Operations")(order), order);
  assert.equal(accessTrimmer("commerce/orders", undefined)(order), order);
  assert.equal(accessTrimmer("no/such-store", "Vendor")(order), order);
  // Compiled once per store and account type.
  assert.equal(accessTrimmer("commerce/orders", "Client"), accessTrimmer("commerce/orders", "Client"));
});
