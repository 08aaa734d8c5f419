/**
 * Service engine behaviour on a fake transport: paging, query state, ids, bodies, actions,
 * downloads and streams, exactly as the catalogue rows and the Python client define them.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { catalogue } from "../../src/catalogue/index.js";
import type { ServiceDef } from "../../src/catalogue/types.js";
import { MPTError, MPTStreamError, MPTStreamingNotEnabledError, RQLError } from "../../src/errors.js";
import { RQLQuery } from "../../src/rql/index.js";
import { metaOf } from "../../src/service/pagination.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import { type FakeAnswer, fakeTransport, page } from "../support/fake-transport.js";

type Any = Record<string, (...args: unknown[]) => unknown>;

function service(def: ServiceDef, handler: Parameters<typeof fakeTransport>[0], ids: string[] = []) {
  const { transport, requests } = fakeTransport(handler);
  const svc = buildService(new ServiceCore({ transport }, def, "test.svc", ids)) as unknown as Any;
  return { svc, requests };
}

const products = catalogue.catalog.products;
const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: `PRD-${from + i}` }));

describe("iterate", () => {
  test("pages with the offsets and limits the server echoes, until hasNext() is false", async () => {
    const { svc, requests } = service(products, (req) => {
      const q = new URLSearchParams(req.query);
      const offset = Number(q.get("offset"));
      const limit = Number(q.get("limit"));
      return page(records(Math.min(limit, 5 - offset), offset), offset, limit, 5);
    });
    const ids: string[] = [];
    for await (const p of svc.iterate!({ batchSize: 2 }) as AsyncIterable<{ id: string }>) ids.push(p.id);
    assert.deepEqual(ids, ["PRD-0", "PRD-1", "PRD-2", "PRD-3", "PRD-4"]);
    assert.deepEqual(
      requests.map((r) => r.query),
      ["limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4"],
    );
  });

  test("fetches at most one page ahead and reports progress", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const { svc } = service(products, async (req) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight -= 1;
      const offset = Number(new URLSearchParams(req.query).get("offset"));
      return page(records(10, offset), offset, 10, 50);
    });
    const events: string[] = [];
    let n = 0;
    const progress = {
      setTotalItems: (t: number) => events.push(`total:${t}`),
      itemProcessed: () => {
        n += 1;
      },
      completed: () => events.push("done"),
    };
    for await (const _ of svc.iterate!({ batchSize: 10, progress }) as AsyncIterable<unknown>) {
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(n, 50);
    assert.equal(maxInFlight, 1);
    assert.equal(events.at(-1), "done");
    assert.ok(events.includes("total:50"));
  });

  test("stopping early aborts the prefetched page", async () => {
    const signals: AbortSignal[] = [];
    const { svc } = service(products, (req) => {
      if (req.signal) signals.push(req.signal);
      const offset = Number(new URLSearchParams(req.query).get("offset"));
      return page(records(2, offset), offset, 2, 100);
    });
    for await (const _ of svc.iterate!({ batchSize: 2 }) as AsyncIterable<unknown>) break;
    assert.equal(signals.length, 2);
    assert.equal(signals[1]!.aborted, true);
  });

  test("an empty page ends the iteration even if total says more", async () => {
    const { svc, requests } = service(products, () => page([], 0, 10, 30));
    const got = [];
    for await (const p of svc.iterate!({ batchSize: 10 }) as AsyncIterable<unknown>) got.push(p);
    assert.equal(got.length, 0);
    assert.equal(requests.length, 1);
  });

  test("a server echoing an offset that does not advance is an error, not an endless loop", async () => {
    const { svc, requests } = service(products, () => page(records(2), 0, 2, 10));
    const got: unknown[] = [];
    await assert.rejects(
      (async () => {
        for await (const p of svc.iterate!({ batchSize: 2 }) as AsyncIterable<unknown>) got.push(p);
      })(),
      (error: unknown) =>
        error instanceof MPTError &&
        /Pagination does not advance: asked for offset 2, the server answered offset 0 with limit 2/.test(
          error.message,
        ),
    );
    // the repeated page is not yielded: no record comes twice
    assert.equal(got.length, 2);
    assert.deepEqual(
      requests.map((r) => r.query),
      ["limit=2&offset=0", "limit=2&offset=2"],
    );
  });

  test("batchSize must be a positive integer", () => {
    const { svc } = service(products, () => page([], 0, 10, 0));
    assert.throws(() => svc.iterate!({ batchSize: 0 }), /batchSize must be an integer >= 1/);
  });
});

describe("fetchOne / count / fetchPage", () => {
  test("fetchOne throws unless exactly one matches", async () => {
    const answers: FakeAnswer[] = [page([], 0, 1, 0), page(records(1), 0, 1, 3), page(records(1), 0, 1, 1)];
    const { svc, requests } = service(products, () => answers.shift()!);
    await assert.rejects(svc.fetchOne!() as Promise<unknown>, /Expected one result, but got zero results/);
    await assert.rejects(svc.fetchOne!() as Promise<unknown>, /Expected one result, but got 3 results/);
    assert.deepEqual(await svc.fetchOne!(), { id: "PRD-0" });
    assert.equal(requests[0]!.query, "limit=1&offset=0");
  });

  test("count sends limit=0 and reads the total", async () => {
    const { svc, requests } = service(products, () => page([], 0, 0, 261));
    assert.equal(await svc.count!(), 261);
    assert.equal(requests[0]!.query, "limit=0&offset=0");
  });

  test("fetchPage keeps $meta out of the records", async () => {
    const { svc } = service(products, () => page([{ id: "PRD-1", $meta: { omitted: ["audit"] } }], 0, 10, 1));
    const result = (await svc.fetchPage!()) as {
      resources: object[];
      meta: { pagination: { total: number } };
    };
    assert.deepEqual(result.resources[0], { id: "PRD-1" });
    assert.deepEqual(metaOf(result.resources[0]!)?.omitted, ["audit"]);
    assert.equal(result.meta.pagination.total, 1);
  });
});

describe("query state", () => {
  test("filter / orderBy / select / options build the Python client's query and never mutate", () => {
    const { svc } = service(products, () => page([], 0, 1, 0));
    const filtered = (svc.filter!(new RQLQuery({ status: "Published" })) as Any).orderBy!(
      "-name",
      "id",
    ) as Any;
    const selected = (filtered.select!("+audit", "-icon") as Any).options!({ render: true }) as Any;
    assert.equal(svc.queryString!(), "");
    const qs = selected.queryString!() as string;
    assert.match(qs, /^order=-name,id&select=%2Baudit,-icon&eq\(status,'Published'\)&render\(\)$/);
  });

  test("filters stack with AND", () => {
    const { svc } = service(products, () => page([], 0, 1, 0));
    const twice = (svc.filter!("eq(a,1)") as Any).filter!(new RQLQuery("b").eq(2)) as Any;
    assert.match(decodeURIComponent(twice.queryString!() as string), /and\(eq\(a,1\),eq\(b,2\)\)/);
  });

  test("orderBy and select twice throw, as in Python", () => {
    const { svc } = service(products, () => page([], 0, 1, 0));
    assert.throws(() => (svc.orderBy!("a") as Any).orderBy!("b"), /orderBy\(\) was already called/);
    assert.throws(() => (svc.select!("a") as Any).select!("b"), /select\(\) was already called/);
  });

  test("an invalid filter string fails before sending", () => {
    const { svc, requests } = service(products, () => page([], 0, 1, 0));
    assert.throws(() => svc.filter!("eq(a,"), RQLError);
    assert.equal(requests.length, 0);
  });

  test("get sends select and render, not the filter", async () => {
    const { svc, requests } = service(products, () => ({ body: { id: "PRD-1" } }));
    const rendered = (svc.filter!("eq(a,1)") as Any).options!({ render: true }) as Any;
    await rendered.get!("PRD-1", { select: ["id", "name"] });
    assert.equal(requests[0]!.path, "/public/v1/catalog/products/PRD-1");
    assert.equal(requests[0]!.query, "select=id,name&render()");
    assert.equal(requests[0]!.headers?.["Accept"], "application/json");
  });
});

describe("ids and paths", () => {
  test("ids are encoded path segments and cannot leave the endpoint", async () => {
    const { svc, requests } = service(products, () => ({ body: { id: "x" } }));
    await svc.get!("../x?y#z");
    assert.equal(requests[0]!.path, "/public/v1/catalog/products/..%2Fx%3Fy%23z");
    await svc.get!("ünï");
    assert.equal(requests[1]!.path, "/public/v1/catalog/products/%C3%BCn%C3%AF");
    await assert.rejects(async () => svc.get!(".."), /not a valid id/);
    await assert.rejects(async () => svc.get!(""), /expected a non-empty string id/);
    await assert.rejects(async () => svc.get!(42), /expected a non-empty string id, got number/);
  });

  test("nested services fill parent ids in order", async () => {
    const { svc, requests } = service(products, () => page([], 0, 1, 0));
    const variants = (svc.terms!("PRD-1") as Any).variants!("TCS-1/2") as Any;
    await variants.fetchPage!();
    assert.equal(requests[0]!.path, "/public/v1/catalog/products/PRD-1/terms/TCS-1%2F2/variants");
    assert.throws(() => svc.items!(), /expected 1 id/);
  });
});

describe("writes", () => {
  test("create sends JSON, upload services send multipart with the row's part names", async () => {
    const { svc, requests } = service(products, () => ({ status: 201, body: { id: "PRD-1" } }));
    await svc.create!({ name: "A" });
    const body = requests[0]!.body;
    assert.equal(body?.kind, "multipart");
    assert.deepEqual(
      body?.kind === "multipart" ? body.parts.map((p) => [p.name, p.contentType, p.filename]) : [],
      [["product", "application/json", undefined]],
    );
    await svc.create!({ name: "A" }, { filename: "icon.png", content: new Uint8Array([1]) });
    const parts = requests[1]!.body?.kind === "multipart" ? requests[1]!.body.parts : [];
    assert.deepEqual(
      parts.map((p) => [p.name, p.filename, p.contentType]),
      [
        ["product", undefined, "application/json"],
        ["icon", "icon.png", "image/png"],
      ],
    );
  });

  test("bad data fails with a clear error before sending", async () => {
    const { svc, requests } = service(catalogue.catalog.listings, () => ({ body: {} }));
    await assert.rejects(
      async () => svc.create!("nope"),
      /expected an object with the resource's fields, got "nope"/,
    );
    await assert.rejects(async () => svc.create!({ price: Number.NaN }), /data\.price is NaN/);
    await assert.rejects(async () => svc.create!({ a: [1, undefined] }), /data\.a\[1\] is undefined/);
    await assert.rejects(async () => svc.create!({ n: 1n }), /bigint/);
    assert.equal(requests.length, 0);
  });

  test("delete resolves to undefined", async () => {
    const { svc, requests } = service(products, () => ({ status: 204 }));
    assert.equal(await svc.delete!("PRD-1"), undefined);
    assert.equal(requests[0]!.method, "DELETE");
  });
});

describe("actions", () => {
  test("resource actions: optional body, Accept, options last", async () => {
    const { svc, requests } = service(products, () => ({ body: { id: "PRD-1", status: "Pending" } }));
    const ac = new AbortController();
    const out = await svc.review!("PRD-1", undefined, { signal: ac.signal, timeout: 5 });
    assert.deepEqual(out, { id: "PRD-1", status: "Pending" });
    const r = requests[0]!;
    assert.equal(r.method, "POST");
    assert.equal(r.path, "/public/v1/catalog/products/PRD-1/review");
    assert.equal(r.body, undefined);
    assert.equal(r.signal, ac.signal);
    assert.equal(r.timeout, 5);
    assert.equal(r.headers?.["Accept"], "application/json");
  });

  test("setPassword wraps the value; notify answers nothing; render returns the text", async () => {
    const users = service(catalogue.accounts.users, () => ({ body: { id: "USR-1" } }));
    await users.svc.setPassword!("USR-1", "s3cret");
    assert.deepEqual(users.requests[0]!.body, { kind: "json", value: { password: "s3cret" } });
    const orders = service(catalogue.commerce.orders, (req) =>
      req.path.endsWith("render")
        ? { headers: { "Content-Type": "application/json" }, body: JSON.stringify("<h1>Order</h1>") }
        : { status: 204 },
    );
    assert.equal(await orders.svc.notify!("ORD-1", { userId: "USR-1" }), undefined);
    assert.equal(await orders.svc.render!("ORD-1"), "<h1>Order</h1>");
    await assert.rejects(async () => orders.svc.notify!("ORD-1"), /data argument is required/);
  });

  test("journal upload: file, id and _attachment_data parts; custom ledger forces XLSX", async () => {
    const journals = service(catalogue.billing.journals, () => ({ body: { id: "BJO-1" } }));
    await journals.svc.upload!("BJO-1", { filename: "charges.jsonl", content: '{"a":1}\n' });
    const parts = journals.requests[0]!.body?.kind === "multipart" ? journals.requests[0]!.body.parts : [];
    assert.deepEqual(
      parts.map((p) => [p.name, p.filename, p.contentType, typeof p.data === "string" ? p.data : "bytes"]),
      [
        ["file", "charges.jsonl", "application/jsonl", '{"a":1}\n'],
        ["id", "upload", "application/octet-stream", "BJO-1"],
        ["_attachment_data", undefined, "application/json", "{}"],
      ],
    );
    const ledgers = service(catalogue.billing.customLedgers, () => ({ body: { id: "CLE-1" } }));
    await ledgers.svc.upload!("CLE-1", new Uint8Array([1]));
    const lp =
      ledgers.requests[0]!.body?.kind === "multipart" ? ledgers.requests[0]!.body.parts[0] : undefined;
    assert.equal(lp?.filename, "uploaded_file.xlsx");
    assert.equal(lp?.contentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    await assert.rejects(async () => ledgers.svc.upload!("CLE-1"), /a file is required/);
  });

  test("a collection PUT takes an object or a list of objects (user groups)", async () => {
    const groups = catalogue.accounts.accounts.children.users.children.groups;
    const { svc, requests } = service(groups, () => ({ body: { id: "USR-1" } }), ["ACC-1", "USR-1"]);
    await svc.update!([{ id: "UGR-1" }, { id: "UGR-2" }]);
    await svc.update!({ groups: [{ id: "UGR-1" }] });
    assert.equal(requests[0]!.method, "PUT");
    assert.equal(requests[0]!.path, "/public/v1/accounts/accounts/ACC-1/users/USR-1/groups");
    assert.deepEqual(requests[0]!.body, { kind: "json", value: [{ id: "UGR-1" }, { id: "UGR-2" }] });
    await assert.rejects(async () => svc.update!(["UGR-1"]), /update\(data\)\[0\]: expected an object/);
  });

  test("collection action with a query parameter and default id", async () => {
    const token = service(catalogue.integration.installationsToken, () => ({
      body: { id: "x", token: "t" },
    }));
    await token.svc.token!("ACC-1 2");
    await token.svc.token!();
    assert.equal(token.requests[0]!.path, "/public/v1/integration/installations/-/token");
    assert.equal(token.requests[0]!.query, "account.id=ACC-1%202");
    assert.equal(token.requests[1]!.query, undefined);
    const objects = service(catalogue.spotlight.objects, () => ({ status: 204 }));
    await objects.svc.refresh!();
    assert.equal(objects.requests[0]!.path, "/public/v1/spotlight/objects/-/refresh");
  });
});

describe("downloads", () => {
  test("reads the content type first, then asks for it; filename from filename*", async () => {
    const docs = catalogue.catalog.products.children.documents;
    const { svc, requests } = service(
      docs,
      (req) =>
        req.headers?.["Accept"] === "application/json"
          ? { body: { id: "PDC-1", contentType: "application/pdf" } }
          : {
              headers: {
                "Content-Type": "application/pdf",
                "Content-Disposition":
                  "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf",
              },
              body: new Uint8Array([37, 80, 68, 70]),
            },
      ["PRD-1"],
    );
    const file = (await svc.download!("PDC-1")) as {
      filename: string;
      contentType: string;
      fileContents: Uint8Array;
    };
    assert.equal(file.filename, "résumé.pdf");
    assert.equal(file.contentType, "application/pdf");
    assert.deepEqual([...file.fileContents], [37, 80, 68, 70]);
    assert.deepEqual(
      requests.map((r) => r.headers?.["Accept"]),
      ["application/json", "application/pdf"],
    );
  });

  test("a resource without a content type cannot be downloaded", async () => {
    const docs = catalogue.catalog.products.children.documents;
    const { svc } = service(docs, () => ({ body: { id: "PDC-1" } }), ["PRD-1"]);
    await assert.rejects(svc.download!("PDC-1") as Promise<unknown>, /Content type not found in resource/);
  });
});

describe("stream", () => {
  test("MPT-Streaming: sends the headers, requires the echo, yields records across chunk borders", async () => {
    const { svc, requests } = service(products, () => ({
      headers: { "MPT-Streaming": "true" },
      chunks: ['{"id":"A"}\n{"i', 'd":"B"}\n\n', '{"id":"C"}'],
    }));
    const ids: string[] = [];
    for await (const r of svc.stream!() as AsyncIterable<{ id: string }>) ids.push(r.id);
    assert.deepEqual(ids, ["A", "B", "C"]);
    assert.equal(requests[0]!.headers?.["MPT-Streaming"], "true");
    assert.equal(requests[0]!.headers?.["Accept"], "application/jsonl");
  });

  test("no echo -> MPTStreamingNotEnabledError before reading", async () => {
    const { svc } = service(products, () => ({ headers: { "MPT-Streaming": "false" }, chunks: ["{}"] }));
    await assert.rejects(
      async () => {
        for await (const _ of svc.stream!() as AsyncIterable<unknown>);
      },
      (e: unknown) => e instanceof MPTStreamingNotEnabledError && e.echoedValue === "false",
    );
  });

  test("a malformed line names its number; a body cut inside a record is an error", async () => {
    const bad = service(products, () => ({
      headers: { "MPT-Streaming": "true" },
      chunks: ['{"id":1}\n{oops}\n'],
    }));
    await assert.rejects(
      async () => {
        for await (const _ of bad.svc.stream!() as AsyncIterable<unknown>);
      },
      (e: unknown) => e instanceof MPTStreamError && e.line === 2,
    );
    const cut = service(products, () => ({
      headers: { "MPT-Streaming": "true" },
      chunks: ['{"id":1}\n{"id":'],
    }));
    await assert.rejects(async () => {
      for await (const _ of cut.svc.stream!() as AsyncIterable<unknown>);
    }, /ended inside a record at line 2/);
    const broken = service(products, () => ({
      headers: { "MPT-Streaming": "true" },
      chunks: ['{"id":1}\n', new Error("socket hang up")],
    }));
    await assert.rejects(async () => {
      for await (const _ of broken.svc.stream!() as AsyncIterable<unknown>);
    }, MPTStreamError);
  });

  test("JSONL endpoints (statement charges) send only Accept: application/jsonl", async () => {
    const charges = catalogue.billing.statements.children.charges;
    const { svc, requests } = service(charges, () => ({ chunks: ['{"id":"CHG-1"}\n'] }), ["SOM-1"]);
    const got = [];
    for await (const c of svc.stream!() as AsyncIterable<unknown>) got.push(c);
    assert.equal(got.length, 1);
    assert.deepEqual(requests[0]!.headers, { Accept: "application/jsonl" });
    assert.equal(requests[0]!.path, "/public/v1/billing/statements/SOM-1/charges");
  });
});

test("every error thrown on purpose is an MPTError", async () => {
  const { svc } = service(products, () => ({ body: {} }));
  await assert.rejects(async () => svc.get!(null), MPTError);
});
