/**
 * Test your own code against the local sandbox with node:test: no credentials, no network, the
 * same answers as the platform. One sandbox per file, reset before each test.
 * Run: npx tsx --test examples/sandbox-in-a-test.test.ts   (or node --import tsx --test …)
 */
import assert from "node:assert/strict";
import { after, before, beforeEach, test } from "node:test";
import { BearerTokenAuthentication, MPTClient, RQLQuery } from "mpt-api-client";
import { type RunningSandbox, startSandbox } from "mpt-sandbox";

/** The code under test: names of the vendor's draft products, sorted. */
async function draftNames(client: MPTClient): Promise<string[]> {
  const names: string[] = [];
  const drafts = client.catalog.products.filter(new RQLQuery({ status: "Draft" })).orderBy("name");
  for await (const product of drafts.iterate()) names.push(product.name ?? "");
  return names;
}

let sandbox: RunningSandbox;
let client: MPTClient;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  client = new MPTClient({
    baseUrl: sandbox.url,
    authentication: new BearerTokenAuthentication(sandbox.tokens.vendor),
  });
});
beforeEach(() => sandbox.reset()); // every test starts from the same data
after(() => sandbox.close());

test("a new product shows up among the drafts", async () => {
  const before = await draftNames(client);
  await client.catalog.products.create({ name: "zz Test product" });
  const afterCreate = await draftNames(client);
  assert.equal(afterCreate.length, before.length + 1);
  assert.equal(afterCreate.at(-1), "zz Test product");
});

test("a product sent to review is no longer a draft", async () => {
  const product = await client.catalog.products.create({ name: "zz Reviewed" });
  await client.catalog.products.review(product.id);
  assert.ok(!(await draftNames(client)).includes("zz Reviewed"));
});

test("the sandbox counts requests, so you can assert how many calls your code made", async () => {
  sandbox.counters.reset();
  await draftNames(client);
  assert.ok(sandbox.counters.requests() >= 1);
});
