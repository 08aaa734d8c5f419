/** The request journal: `GET /_sandbox/requests` lists what was sent, filtered, credentials masked. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Harness } from "./helpers.js";

describe("GET /_sandbox/requests", () => {
  test("lists the last requests newest first with persona, status, duration and the problem", async () => {
    const h = new Harness({ requestJournal: 3 });
    await h.get("/catalog/products?limit=1", "vendor");
    await h.post("/accounts/api-tokens", {
      name: "ci",
      description: "idt:TKN-1-2:very-secret",
      token: "idt:TKN-1-2:very-secret",
      password: "p4ss",
    });
    const missing = await h.get("/catalog/products/PRD-0000-0000", "client");
    await h.call("GET", "/catalog/products", { as: null, headers: { traceparent: "00-abc-def-01" } });

    const all = await h.get("/_sandbox/requests", null);
    assert.equal(all.status, 200);
    assert.equal(all.body.total, 3, "only the last 3 are kept");
    const [unauth, notFound, created] = all.body.data;
    assert.deepEqual(
      all.body.data.map((e: { seq: number }) => e.seq),
      [4, 3, 2],
    );
    assert.equal(unauth.persona, null);
    assert.equal(unauth.status, 401);
    assert.equal(unauth.title, "Authentication Failed");
    assert.match(unauth.traceId, /^00-[0-9a-f]{32}-/);
    assert.equal(notFound.persona, "client");
    assert.equal(notFound.path, "/public/v1/catalog/products/PRD-0000-0000");
    assert.equal(notFound.traceId, missing.body.traceId);
    assert.equal(notFound.title, "Not Found");
    assert.equal(created.method, "POST");
    assert.equal(created.persona, "operations");
    assert.ok(created.durationMs >= 0);
    assert.deepEqual(created.body, {
      name: "ci",
      description: "idt:TKN-1-2:[REDACTED]",
      token: "[REDACTED]",
      password: "[REDACTED]",
    });
    assert.doesNotMatch(all.text, /very-secret|p4ss/);
    assert.doesNotMatch(all.text, new RegExp(h.sandbox.tokens.client.split(":")[2] ?? "-"));
  });

  test("filters by method, path glob, status class, persona and since", async () => {
    const h = new Harness();
    await h.get("/catalog/products?limit=1", "vendor");
    await h.get("/commerce/orders?limit=1", "client");
    await h.post("/catalog/products", { name: 42 }, "vendor");
    const ids = async (query: string) =>
      ((await h.get(`/_sandbox/requests?${query}`, null)).body.data as Array<{ seq: number }>).map(
        (e) => e.seq,
      );
    assert.deepEqual(await ids("method=get"), [2, 1]);
    assert.deepEqual(await ids("path=/catalog/*"), [3, 1]);
    assert.deepEqual(await ids("path=orders"), [2]);
    assert.deepEqual(await ids("persona=vendor"), [3, 1]);
    assert.deepEqual(await ids("since=1&limit=1"), [3]);
    assert.deepEqual(await ids("status=2xx&persona=client"), [2]);
    assert.deepEqual(
      h.sandbox.requests.list({ method: "POST" }).data.map((e) => e.body),
      [{ name: 42 }],
    );
    const bad = await h.get("/_sandbox/requests?status=ok", null);
    assert.equal(bad.status, 400);
    assert.match(bad.body.detail, /status must be a code \(404\) or a class \(4xx\)/);
    assert.equal((await h.get("/_sandbox/requests?colour=red", null)).status, 400);
    assert.equal((await h.call("DELETE", "/_sandbox/requests", { as: null })).status, 204);
    assert.equal(h.sandbox.requests.list().total, 0);
  });

  test("requestJournal: 0 keeps nothing", async () => {
    const h = new Harness({ requestJournal: 0 });
    await h.get("/catalog/products?limit=1");
    assert.equal(h.sandbox.requests.list().total, 0);
  });
});
