/**
 * Deletes take the records that are part of the deleted one with them (a draft product's items,
 * documents, parameters, terms and variants, their files; a user's or a group's memberships; a
 * draft journal's charges), the deleted parent's nested routes answer 404, and a delete that would
 * orphan records the parent does not own (billed charges, installations, subscriptions) is refused.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ROUTES } from "../src/domain/routes.js";
import type { FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

const PRODUCT_ROUTES = ROUTES.filter((r) => r.template.startsWith("catalog/products/{productId}/"));

test("deleting a draft product removes its content and files; its nested routes answer 404", async () => {
  const h = new Harness();
  const draft = (await h.get("/catalog/products?eq(status,Draft)&limit=1", "vendor")).body.data[0]
    .id as string;
  const term = (await h.ids(`/catalog/products/${draft}/terms`))[0] as string;
  const documents = await h.ids(`/catalog/products/${draft}/documents`);
  const parts: Record<string, number> = {};
  for (const route of PRODUCT_ROUTES) {
    const path = `/${route.template.replace("{productId}", draft).replace("{termId}", term)}?limit=0`;
    parts[route.template] = (await h.get(path)).body.$meta.pagination.total;
  }
  assert.ok(
    Object.values(parts).every((n) => n > 0),
    JSON.stringify(parts),
  );
  assert.ok(documents.every((id) => h.sandbox.store.files.has(id)));
  const itemsBefore = (await h.get("/catalog/items?limit=0")).body.$meta.pagination.total;

  assert.equal((await h.del(`/catalog/products/${draft}`, "vendor")).status, 204);
  assert.equal((await h.get(`/catalog/products/${draft}`)).status, 404);
  for (const route of PRODUCT_ROUTES) {
    const path = `/${route.template.replace("{productId}", draft).replace("{termId}", term)}`;
    assert.equal((await h.get(path)).status, 404, path);
  }
  for (const store of new Set(PRODUCT_ROUTES.map((r) => r.store))) {
    const left = [...h.sandbox.store.collection(store).scan()].filter((r) =>
      JSON.stringify(r).includes(draft),
    );
    assert.deepEqual(left, [], store);
  }
  assert.equal(
    (await h.get("/catalog/items?limit=0")).body.$meta.pagination.total,
    itemsBefore - (parts["catalog/products/{productId}/items"] ?? 0),
  );
  assert.ok(documents.every((id) => !h.sandbox.store.files.has(id)));
  assert.ok(!h.sandbox.store.files.has(`${draft}/icon`));

  const published = (await h.get("/catalog/products?eq(status,Published)&limit=1", "vendor")).body.data[0].id;
  const refused = await h.del(`/catalog/products/${published}`, "vendor");
  assert.equal(refused.status, 409);
  assert.equal(
    (await h.get(`/catalog/products/${published}/items?limit=0`)).body.$meta.pagination.total > 0,
    true,
  );

  h.sandbox.reset();
  assert.equal((await h.get(`/catalog/products/${draft}/documents`)).status, 200);
  assert.ok(documents.every((id) => h.sandbox.store.files.has(id)));
});

const ACC = "ACC-1111-1111";
const VENDOR = "ACC-2222-2222";

function fixtures(): FixturesDocument {
  const journal = (id: string) => ({ id, name: id, status: "Draft", vendor: { id: VENDOR } });
  return {
    accounts: [
      { id: ACC, name: "Client", type: "Client" },
      { id: VENDOR, name: "Vendor", type: "Vendor" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
    ],
    objects: {
      "accounts/users": [
        { id: "USR-1111-0001", name: "Ann", accounts: [{ id: ACC }] },
        { id: "USR-1111-0002", name: "Bob", accounts: [{ id: ACC }] },
      ],
      "accounts/user-groups": [
        { id: "UGR-1111-0001", name: "Admins", account: { id: ACC } },
        { id: "UGR-1111-0002", name: "Readers", account: { id: ACC } },
      ],
      "accounts/accounts/users/groups": [
        { id: "UGM-1", account: { id: ACC }, user: { id: "USR-1111-0001" }, group: { id: "UGR-1111-0001" } },
        { id: "UGM-2", account: { id: ACC }, user: { id: "USR-1111-0002" }, group: { id: "UGR-1111-0001" } },
        { id: "UGM-3", account: { id: ACC }, user: { id: "USR-1111-0002" }, group: { id: "UGR-1111-0002" } },
      ],
      "billing/journals": [journal("BJO-1111-0001"), journal("BJO-1111-0002")],
      "billing/statements": [{ id: "SOM-1111-1111-1111-1111", status: "Generated", vendor: { id: VENDOR } }],
      "billing/charges": [
        { id: "CHG-1111-0001-0000-0000-0001", journal: { id: "BJO-1111-0001" } },
        {
          id: "CHG-1111-0002-0000-0000-0001",
          journal: { id: "BJO-1111-0002" },
          statement: { id: "SOM-1111-1111-1111-1111" },
        },
      ],
      "integration/extensions": [
        { id: "EXT-1111-0001", name: "Ext", status: "Draft", vendor: { id: VENDOR } },
      ],
      "integration/installations": [
        { id: "EXI-1111-0001-0001", extension: { id: "EXT-1111-0001" }, account: { id: ACC } },
      ],
      "commerce/orders": [{ id: "ORD-1111-0001-0001", status: "Draft", client: { id: ACC } }],
      "commerce/subscriptions": [
        { id: "SUB-1111-0001-0001", status: "Draft", order: { id: "ORD-1111-0001-0001" } },
      ],
    },
  };
}

const groupIds = async (h: Harness, user: string) => h.ids(`/accounts/accounts/${ACC}/users/${user}/groups`);

test("deleting a user or a group removes its memberships only", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.equal((await h.del("/accounts/user-groups/UGR-1111-0001")).status, 204);
  assert.deepEqual(await groupIds(h, "USR-1111-0001"), []);
  assert.deepEqual(await groupIds(h, "USR-1111-0002"), ["UGR-1111-0002"]);
  assert.equal((await h.del("/accounts/users/USR-1111-0002")).status, 204);
  assert.equal((await h.get(`/accounts/accounts/${ACC}/users/USR-1111-0002/groups`)).status, 404);
  assert.deepEqual(
    [...h.sandbox.store.collection("accounts/accounts/users/groups").scan()].map((r) => r["id"]),
    [],
  );
  assert.equal((await h.get("/accounts/user-groups/UGR-1111-0002")).status, 200);
});

test("a draft journal goes with its charges; billed charges, installations and subscriptions refuse", async () => {
  const h = new Harness({ fixtures: fixtures() });
  assert.equal((await h.del("/billing/journals/BJO-1111-0001")).status, 204);
  assert.equal((await h.get("/billing/journals/BJO-1111-0001/charges")).status, 404);
  assert.equal(h.sandbox.store.collection("billing/charges").has("CHG-1111-0001-0000-0000-0001"), false);

  for (const [path, kept] of [
    ["/billing/journals/BJO-1111-0002", "/billing/statements/SOM-1111-1111-1111-1111/charges"],
    ["/integration/extensions/EXT-1111-0001", "/integration/extensions/EXT-1111-0001/installations"],
    ["/commerce/orders/ORD-1111-0001-0001", "/commerce/orders/ORD-1111-0001-0001/subscriptions"],
  ] as const) {
    const answer = await h.del(path);
    assert.equal(answer.status, 409, path);
    assert.match(answer.body.detail, /cannot be deleted/);
    assert.equal((await h.get(path)).status, 200, path);
    assert.equal((await h.ids(kept)).length, 1, kept);
  }
});
