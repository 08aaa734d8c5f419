/**
 * Raw responses of the streaming calls on a fake transport: `stream()` is a `RecordStream` whose
 * `withResponse()` gives the response once the headers arrived (then the same stream iterates),
 * `asResponse()` hands the open body out; `downloadStream()` is an `APIPromise<FileStream>`
 * whose `asResponse()` is the open `StreamResponse`. One request each, whatever is asked first.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { catalogue } from "../../src/catalogue/index.js";
import { MPTError, MPTStreamingNotEnabledError } from "../../src/errors.js";
import type { StreamResponse } from "../../src/http/types.js";
import type { FileStream } from "../../src/models/file.js";
import type { APIPromise } from "../../src/service/api-promise.js";
import { buildService, ServiceCore } from "../../src/service/service.js";
import type { RecordStream } from "../../src/service/stream.js";
import { type FakeAnswer, fakeTransport } from "../support/fake-transport.js";

type Rec = { id: string };
interface Streams {
  stream(o?: object): RecordStream<Rec>;
  downloadStream(id: string, o?: object): APIPromise<FileStream, StreamResponse>;
}

const STREAMING = { "MPT-Streaming": "true", "x-request-id": "req-7" };

function products(answer: () => FakeAnswer) {
  const { transport, requests } = fakeTransport(answer);
  const opened: (StreamResponse & { cancelledFlag?: boolean })[] = [];
  const stream = transport.stream.bind(transport);
  transport.stream = async (req) => {
    const res = await stream(req);
    opened.push(res);
    return res;
  };
  const core = new ServiceCore({ transport }, catalogue.catalog.products, "catalog.products", []);
  return { svc: buildService(core) as unknown as Streams, requests, opened };
}

async function ids(records: AsyncIterable<Rec>): Promise<string[]> {
  const out: string[] = [];
  for await (const r of records) out.push(r.id);
  return out;
}

describe("stream(): withResponse() / asResponse()", () => {
  const answer = (): FakeAnswer => ({ headers: STREAMING, chunks: ['{"id":"a"}\n{"id":', '"b"}\n'] });

  test("withResponse() gives the response once headers arrived; its data is the stream itself", async () => {
    const { svc, requests } = products(answer);
    const records = svc.stream();
    assert.equal(requests.length, 0, "nothing is sent before the stream is used");
    const { data, response } = await records.withResponse();
    assert.equal(data, records);
    assert.equal(response.status, 200);
    assert.equal(response.traceId, "req-7");
    assert.equal(response.headers.get("MPT-Streaming"), "true");
    assert.equal(response.url, "https://api.example.test/public/v1/catalog/products");
    assert.deepEqual(await ids(data), ["a", "b"]);
    assert.equal(requests.length, 1);
  });

  test("iterating first, then withResponse(): the same single request", async () => {
    const { svc, requests } = products(answer);
    const records = svc.stream();
    assert.deepEqual(await ids(records), ["a", "b"]);
    assert.equal((await records.withResponse()).response.traceId, "req-7");
    assert.equal(requests.length, 1);
  });

  test("a server that does not echo MPT-Streaming rejects withResponse() too", async () => {
    const { svc } = products(() => ({ headers: { "MPT-Streaming": "false" }, chunks: ["{}"] }));
    await assert.rejects(
      svc.stream().withResponse(),
      (e: unknown) => e instanceof MPTStreamingNotEnabledError && e.echoedValue === "false",
    );
  });

  test("a stream opened by withResponse() and closed unread releases its response", async () => {
    const { svc, opened } = products(answer);
    const records = svc.stream();
    await records.withResponse();
    assert.equal(opened[0]?.cancelledFlag, false);
    await records.return();
    assert.equal(opened[0]?.cancelledFlag, true);
  });

  test("asResponse() hands out the open body; iterating afterwards is a clear error", async () => {
    const { svc, requests } = products(answer);
    const records = svc.stream();
    const res = await records.asResponse();
    assert.equal(res.status, 200);
    assert.equal(await new Response(res.body).text(), '{"id":"a"}\n{"id":"b"}\n');
    await assert.rejects(
      ids(records),
      (e: unknown) => e instanceof MPTError && /asResponse\(\)/.test(e.message),
    );
    assert.equal(requests.length, 1);
  });

  test("asResponse() once iterating started is refused (the body is being read)", async () => {
    const { svc } = products(answer);
    const records = svc.stream();
    assert.deepEqual(await records.next(), { value: { id: "a" }, done: false });
    await assert.rejects(records.asResponse(), /after iterating started/);
    await records.return();
  });
});

describe("downloadStream(): an APIPromise", () => {
  const docs = () => {
    const { transport, requests } = fakeTransport((req) =>
      req.headers?.["Accept"] === "application/json"
        ? { body: { id: "PDC-1", contentType: "application/pdf" } }
        : {
            headers: {
              "Content-Type": "application/pdf",
              "Content-Length": "4",
              "Content-Disposition": 'attachment; filename="a.pdf"',
              traceparent: "00-abc-def-01",
            },
            chunks: ["%PDF"],
          },
    );
    const def = catalogue.catalog.products.children.documents;
    const core = new ServiceCore({ transport }, def, "catalog.products.documents", ["PRD-1"]);
    return { svc: buildService(core) as unknown as Streams, requests };
  };

  test("withResponse() gives the FileStream and the response of the download", async () => {
    const { svc, requests } = docs();
    const { data, response } = await svc.downloadStream("PDC-1").withResponse();
    assert.equal(data.filename, "a.pdf");
    assert.equal(data.size, 4);
    assert.equal(await new Response(data.body).text(), "%PDF");
    assert.equal(response.traceId, "00-abc-def-01");
    assert.equal(response.headers.get("content-type"), "application/pdf");
    assert.deepEqual(
      requests.map((r) => r.headers?.["Accept"]),
      ["application/json", "application/pdf"],
    );
  });

  test("awaiting gives the FileStream; asResponse() the open response; one download", async () => {
    const { svc, requests } = docs();
    const call = svc.downloadStream("PDC-1", { accept: "application/pdf" });
    const raw = await call.asResponse();
    assert.equal(raw.status, 200);
    assert.equal(typeof raw.cancel, "function");
    const file = await call;
    assert.equal(file.contentType, "application/pdf");
    assert.equal(file.body, raw.body);
    assert.equal(requests.length, 1);
  });

  test("a bad id rejects the promise instead of throwing synchronously", async () => {
    const { svc, requests } = docs();
    const call = svc.downloadStream("");
    await assert.rejects(call, /non-empty string id/);
    assert.equal(requests.length, 0);
  });
});
