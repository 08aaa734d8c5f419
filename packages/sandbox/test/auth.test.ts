/** Authentication (API tokens, installation JWTs, revocation, expiry) and authorisation (403). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Harness } from "./helpers.js";

let clock = Date.UTC(2026, 0, 1);
const h = new Harness({ tokenTtlSeconds: 60, now: () => clock });
const { sandbox } = h;

function claims(jwt: string): Record<string, unknown> {
  const [, payload] = jwt.split(".");
  return JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
}

async function withBearer(token: string, path: string) {
  return sandbox.fetch(`${sandbox.url}/public/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test("personas have idt:TKN tokens that authenticate", async () => {
  for (const persona of ["vendor", "client", "operations", "extension"] as const) {
    assert.match(sandbox.tokens[persona], /^idt:TKN-\d{4}-\d{4}:[0-9a-f]{32}$/);
  }
  const me = await h.get(`/accounts/api-tokens/${sandbox.tokens.vendor.split(":")[1]}`, "vendor");
  assert.equal(me.status, 200);
  assert.equal(me.body.account.id, sandbox.accounts.vendor);
});

test("missing, malformed and unknown tokens answer 401 Authentication Failed", async () => {
  for (const answer of [
    await h.get("/catalog/products", null),
    await h.get("/catalog/products", null, { authorization: "Basic abc" }),
    await h.get("/catalog/products", null, { authorization: "Bearer idt:TKN-0000-0000:nope" }),
    await h.get("/catalog/products", null, { authorization: "Bearer a.b.c" }),
  ]) {
    assert.equal(answer.status, 401);
    assert.equal(answer.body.title, "Authentication Failed");
    assert.match(answer.body.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  }
});

test("account types are enforced with 403", async () => {
  assert.equal((await h.get("/accounts/buyers", "vendor")).status, 403);
  assert.equal((await h.get("/accounts/buyers", "client")).status, 200);
  const product = await h.post("/catalog/products", { name: "Not mine" }, "client");
  assert.equal(product.status, 403);
  assert.match(product.body.detail, /Client account cannot create/);
});

test("revoked and disabled tokens answer 401 until restored", async () => {
  sandbox.revokeToken("client");
  assert.equal((await h.get("/catalog/products", "client")).status, 401);
  sandbox.unrevokeToken("client");
  assert.equal((await h.get("/catalog/products", "client")).status, 200);

  const revoke = await h.call("POST", "/_sandbox/tokens/revoke", { as: null, body: { persona: "vendor" } });
  assert.equal(revoke.status, 204);
  assert.equal((await h.get("/catalog/products", "vendor")).status, 401);
  await h.call("POST", "/_sandbox/tokens/unrevoke", { as: null, body: {} });

  const tokenId = sandbox.tokens.vendor.split(":")[1];
  assert.equal((await h.post(`/accounts/api-tokens/${tokenId}/disable`)).body.status, "Disabled");
  const denied = await h.get("/catalog/products", "vendor");
  assert.equal(denied.status, 401);
  assert.match(denied.body.detail, /Disabled/);
  assert.equal((await h.post(`/accounts/api-tokens/${tokenId}/enable`)).body.status, "Active");
  assert.equal((await h.get("/catalog/products", "vendor")).status, 200);
});

test("the extension key gets installation and account-scoped JWTs that expire", async () => {
  const issued = await h.post("/integration/installations/-/token", undefined, "extension");
  assert.equal(issued.status, 201);
  const jwt: string = issued.body.token;
  const c = claims(jwt);
  assert.equal(c["https://claims.softwareone.com/accountId"], sandbox.accounts.vendor);
  assert.equal(c["https://claims.softwareone.com/accountType"], "Vendor");
  assert.equal(c["https://claims.softwareone.com/extensionId"], sandbox.accounts.extensionId);
  assert.equal(c["exp"], Math.floor(clock / 1000) + 60);
  assert.equal((await withBearer(jwt, "/catalog/products?limit=1")).status, 200);

  const scoped = await h.call(
    "POST",
    `/integration/installations/-/token?account.id=${sandbox.accounts.client}`,
    {
      as: "extension",
    },
  );
  assert.equal(scoped.status, 201);
  assert.equal(claims(scoped.body.token)["https://claims.softwareone.com/accountType"], "Client");
  const orders = await (await withBearer(scoped.body.token, "/commerce/orders?limit=0")).json();
  const all = await h.get("/commerce/orders?limit=0");
  assert.ok(orders.$meta.pagination.total < all.body.$meta.pagination.total, "a client sees its own orders");

  const notInstalled = await h.call("POST", "/integration/installations/-/token?account.id=ACC-0000-0000", {
    as: "extension",
  });
  assert.equal(notInstalled.status, 404);
  assert.equal((await h.post("/integration/installations/-/token", undefined, "vendor")).status, 403);

  clock += 61_000;
  const expired = await withBearer(jwt, "/catalog/products");
  assert.equal(expired.status, 401);
  assert.match((await expired.json()).detail, /expired/);
  const tampered = `${jwt.slice(0, -4)}AAAA`;
  assert.equal((await withBearer(tampered, "/catalog/products")).status, 401);
});
