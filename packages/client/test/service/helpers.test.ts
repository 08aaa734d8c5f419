/**
 * Pagination helpers and raw responses on a fake transport: `iterate({ limit })`, `toArray`,
 * `pages()`, `ModelCollection.hasNextPage()/nextPage()` (request counts and offsets asserted),
 * and `withResponse()` / `asResponse()` on every kind of call.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { catalogue } from "../../src/catalogue/index.js";
import { MPTError } from "../../src/errors.js";
import type { ModelCollection } from "../../src/models/collection.js";
import type { APIPromise } from "../../src/service/api-promise.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import { fakeTransport, page } from "../support/fake-transport.js";

type Rec = { id: string };
interface Svc {
  iterate(o?: object): AsyncIterable<Rec>;
  pages(o?: object): AsyncIterable<ModelCollection<Rec>>;
  toArray(o?: object): Promise<Rec[]>;
  fetchPage(o?: object): APIPromise<ModelCollection<Rec>>;
  fetchOne(): APIPromise<Rec>;
  count(): APIPromise<number>;
  get(id: string): APIPromise<Rec>;
  delete(id: string): APIPromise<void>;
  publish(id: string): APIPromise<Rec>;
}

const TOTAL = 7;

/** A products service over 7 records that answers each page as the server would. */
function products(headers: Record<string, string> = {}) {
  const { transport, requests } = fakeTransport((req) => {
    if (req.method !== "GET" || req.path !== "/public/v1/catalog/products") {
      return { body: { id: "PRD-X" }, headers };
    }
    const q = new URLSearchParams(req.query);
    const offset = Number(q.get("offset"));
    const limit = Number(q.get("limit"));
    const n = Math.max(0, Math.min(limit, TOTAL - offset));
    const recs = Array.from({ length: n }, (_, i) => ({ id: `PRD-${offset + i}` }));
    return { ...page(recs, offset, limit, TOTAL), headers };
  });
  const svc = buildService(
    new ServiceCore({ transport }, catalogue.catalog.products, "catalog.products", []),
  ) as unknown as Svc;
  const queries = () => requests.map((r) => r.query);
  return { svc, requests, queries };
}

describe("iterate({ limit }) and toArray", () => {
  test("stops after limit records and asks the last page only for what is missing", async () => {
    const { svc, queries } = products();
    const ids: string[] = [];
    for await (const r of svc.iterate({ batchSize: 2, limit: 5 })) ids.push(r.id);
    assert.deepEqual(ids, ["PRD-0", "PRD-1", "PRD-2", "PRD-3", "PRD-4"]);
    assert.deepEqual(queries(), ["limit=2&offset=0", "limit=2&offset=2", "limit=1&offset=4"]);
  });

  test("a limit within the first page sends one request of that size", async () => {
    const { svc, queries } = products();
    assert.deepEqual(await svc.toArray({ limit: 3 }), [{ id: "PRD-0" }, { id: "PRD-1" }, { id: "PRD-2" }]);
    assert.deepEqual(queries(), ["limit=3&offset=0"]);
  });

  test("toArray without a limit reads every page; limit 0 sends nothing", async () => {
    const { svc, queries } = products();
    assert.equal((await svc.toArray({ batchSize: 3 })).length, TOTAL);
    assert.deepEqual(queries(), ["limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6"]);
    const empty = products();
    assert.deepEqual(await empty.svc.toArray({ limit: 0 }), []);
    assert.equal(empty.requests.length, 0);
  });

  test("a limit that is not a whole number >= 0 is a clear error", async () => {
    const { svc, requests } = products();
    await assert.rejects(svc.toArray({ limit: -1 }), /limit must be an integer >= 0, got -1/);
    await assert.rejects(svc.toArray({ limit: 1.5 }), MPTError);
    assert.equal(requests.length, 0);
  });
});

describe("pages() and ModelCollection", () => {
  test("pages() yields each page with its response", async () => {
    const { svc, queries } = products({ traceparent: "00-abc-01-00" });
    const sizes: number[] = [];
    for await (const p of svc.pages({ batchSize: 3 })) {
      sizes.push(p.length);
      assert.equal(p.response?.status, 200);
      assert.equal(p.response?.traceId, "00-abc-01-00");
    }
    assert.deepEqual(sizes, [3, 3, 1]);
    assert.equal(queries().length, 3);
  });

  test("hasNextPage() / nextPage() walk the pages with the same query and size", async () => {
    const { svc, queries } = products();
    let current = await svc.fetchPage({ limit: 3 });
    const seen = [current.length];
    while (current.hasNextPage()) {
      current = await current.nextPage();
      seen.push(current.length);
    }
    assert.deepEqual(seen, [3, 3, 1]);
    assert.deepEqual(queries(), ["limit=3&offset=0", "limit=3&offset=3", "limit=3&offset=6"]);
    await assert.rejects(current.nextPage(), /last page/);
    assert.equal(queries().length, 3);
  });
});

describe("withResponse() / asResponse()", () => {
  test("every call gives its data with status, headers, url and trace id", async () => {
    const { svc } = products({ "x-request-id": "req-42" });
    const got = await svc.get("PRD-1").withResponse();
    assert.deepEqual(got.data, { id: "PRD-X" });
    assert.equal(got.response.status, 200);
    assert.equal(got.response.url, "https://api.example.test/public/v1/catalog/products/PRD-1");
    assert.equal(got.response.traceId, "req-42");
    assert.equal(got.response.headers.get("x-request-id"), "req-42");
    const count = await svc.count().withResponse();
    assert.equal(count.data, TOTAL);
    assert.equal(count.response.status, 200);
    const action = await svc.publish("PRD-1").withResponse();
    assert.deepEqual(action.data, { id: "PRD-X" });
    const deleted = await svc.delete("PRD-1").withResponse();
    assert.equal(deleted.data, undefined);
    assert.equal(deleted.response.traceId, "req-42");
  });

  test("awaiting gives the data; asResponse() gives the raw response; one request each", async () => {
    const { svc, requests } = products();
    const call = svc.get("PRD-1");
    assert.deepEqual(await call, { id: "PRD-X" });
    const raw = await call.asResponse();
    assert.equal(raw.status, 200);
    assert.deepEqual(raw.json(), { id: "PRD-X" });
    assert.equal((await call.withResponse()).data, await call);
    assert.equal(requests.length, 1);
  });

  test("argument errors reject the promise (they do not throw synchronously)", async () => {
    const { svc, requests } = products();
    const call = svc.get("");
    await assert.rejects(call, /non-empty string id/);
    await assert.rejects(call.withResponse(), /non-empty string id/);
    assert.equal(requests.length, 0);
  });
});
