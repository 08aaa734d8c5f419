/**
 * User-group membership (`/accounts/accounts/{a}/users/{u}/groups`): one group listed under
 * several users, create/delete of a membership, the collection PUT that replaces a user's
 * groups, through raw requests and the client; nested parents must sit under earlier parents.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BearerTokenAuthentication, MPTAPIError, MPTClient } from "mpt-api-client";
import { createSandbox, type FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

const ACC = "ACC-1111-1111";
const OTHER = "ACC-2222-2222";

function fixtures(): FixturesDocument {
  return {
    accounts: [
      { id: ACC, name: "Acme", type: "Client" },
      { id: OTHER, name: "Other", type: "Client" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
      { id: "ACC-4444-4444", name: "Vendor", type: "Vendor" },
    ],
    tokens: { client: { accountId: ACC } },
    objects: {
      "accounts/users": [
        { id: "USR-1111-0001", name: "Ann", accounts: [{ id: ACC }] },
        { id: "USR-1111-0002", name: "Bob", accounts: [{ id: ACC }] },
        { id: "USR-2222-0001", name: "Cid", accounts: [{ id: OTHER }] },
      ],
      "accounts/user-groups": [
        { id: "UGR-1111-0001", name: "Admins", account: { id: ACC } },
        { id: "UGR-1111-0002", name: "Readers", account: { id: ACC } },
        { id: "UGR-2222-0001", name: "Others", account: { id: OTHER } },
      ],
      "accounts/accounts/users/groups": [
        {
          id: "UGM-1111-0001-1111-0001",
          account: { id: ACC },
          user: { id: "USR-1111-0001" },
          group: { id: "UGR-1111-0001" },
        },
      ],
    },
  };
}

const groupsOf = (user: string) => `/accounts/accounts/${ACC}/users/${user}/groups`;

test("one group is listed under several users; create and delete a membership", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0001")), ["UGR-1111-0001"]);
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0002")), []);

  const added = await h.post(groupsOf("USR-1111-0002"), { id: "UGR-1111-0001" });
  assert.equal(added.status, 200);
  assert.equal(added.body.id, "USR-1111-0002");
  assert.deepEqual(added.body.groups, [{ id: "UGR-1111-0001", name: "Admins" }]);
  // Adding it again changes nothing.
  await h.post(groupsOf("USR-1111-0002"), { id: "UGR-1111-0001" });
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0001")), ["UGR-1111-0001"]);
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0002")), ["UGR-1111-0001"]);
  const one = await h.get(`${groupsOf("USR-1111-0002")}/UGR-1111-0001`);
  assert.equal(one.body.name, "Admins");
  assert.deepEqual(await h.ids(`${groupsOf("USR-1111-0002")}?eq(name,Admins)`), ["UGR-1111-0001"]);
  assert.deepEqual(await h.ids(`${groupsOf("USR-1111-0002")}?eq(name,Readers)`), []);
  assert.equal((await h.get(`${groupsOf("USR-1111-0002")}/UGR-1111-0002`)).status, 404);

  assert.equal((await h.del(`${groupsOf("USR-1111-0001")}/UGR-1111-0001`)).status, 204);
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0001")), []);
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0002")), ["UGR-1111-0001"]);
  assert.equal((await h.del(`${groupsOf("USR-1111-0001")}/UGR-1111-0001`)).status, 404);
  // The group itself is untouched.
  assert.equal((await h.get("/accounts/user-groups/UGR-1111-0001")).status, 200);
});

test("creates name a missing or foreign group in a 400 validation problem", async () => {
  const h = new Harness({ fixtures: fixtures() });
  for (const [body, message] of [
    [{ id: "UGR-0000-0000" }, "UserGroup with id 'UGR-0000-0000' not found."],
    [{ id: "UGR-2222-0001" }, "UserGroup with id 'UGR-2222-0001' not found."],
    [{}, "The Id field is required."],
  ] as const) {
    const answer = await h.post(groupsOf("USR-1111-0002"), body);
    assert.equal(answer.status, 400, JSON.stringify(body));
    assert.deepEqual(answer.body.errors, { group: [message] });
  }
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0002")), []);
});

test("PUT on the collection replaces a user's groups (all or nothing)", async () => {
  const h = new Harness({ fixtures: fixtures() });
  const replaced = await h.put(groupsOf("USR-1111-0001"), [{ id: "UGR-1111-0002" }, { id: "UGR-1111-0001" }]);
  assert.equal(replaced.status, 200);
  assert.deepEqual(
    replaced.body.groups.map((g: { id: string }) => g.id),
    ["UGR-1111-0002", "UGR-1111-0001"],
  );
  assert.equal((await h.put(groupsOf("USR-1111-0001"), [{ id: "UGR-0000-0000" }])).status, 400);
  assert.equal((await h.ids(groupsOf("USR-1111-0001"))).length, 2);
  assert.deepEqual((await h.put(groupsOf("USR-1111-0001"), { groups: [] })).body.groups, []);
  assert.deepEqual(await h.ids(groupsOf("USR-1111-0001")), []);
});

test("memberships through the client; export and reset keep them right", async () => {
  const sandbox = createSandbox({ fixtures: fixtures() });
  const client = new MPTClient({
    baseUrl: sandbox.url,
    fetch: sandbox.fetch,
    authentication: new BearerTokenAuthentication(sandbox.tokens.operations),
    retries: 0,
  });
  const bob = client.accounts.accounts.users(ACC).groups("USR-1111-0002");
  await bob.create({ id: "UGR-1111-0001" });
  await bob.create({ id: "UGR-1111-0002" });
  const listed: string[] = [];
  for await (const g of bob.iterate()) listed.push(String(g.id));
  assert.deepEqual(listed, ["UGR-1111-0001", "UGR-1111-0002"]);
  assert.equal((await bob.get("UGR-1111-0002")).name, "Readers");
  await bob.delete("UGR-1111-0002");
  await assert.rejects(
    bob.get("UGR-1111-0002"),
    (e: unknown) => e instanceof MPTAPIError && e.status === 404,
  );
  await client.accounts.accounts
    .users(ACC)
    .groups("USR-1111-0001")
    .update({ groups: [{ id: "UGR-1111-0002" }] });

  const state = sandbox.export();
  const reloaded = createSandbox({ fixtures: structuredClone(state) });
  assert.deepEqual(reloaded.export(), state);
  sandbox.reset();
  assert.deepEqual(
    (await bob.fetchPage()).resources.map((g) => g.id),
    [],
  );
});

test("a nested parent must sit under the earlier parents", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.equal((await h.get(`/accounts/accounts/${OTHER}/users/USR-1111-0001/groups`)).status, 404);
  assert.equal((await h.get(`/accounts/accounts/${OTHER}/users/USR-2222-0001/groups`)).status, 200);
  const seeded = new Harness();
  const products = (await seeded.get("/catalog/products?limit=2")).body.data as Array<{ id: string }>;
  const [a, b] = products.map((p) => p.id);
  const term = (await seeded.ids(`/catalog/products/${b}/terms`))[0];
  assert.equal((await seeded.get(`/catalog/products/${b}/terms/${term}/variants`)).status, 200);
  assert.equal((await seeded.get(`/catalog/products/${a}/terms/${term}/variants`)).status, 404);
});
