/**
 * Type tests of raw responses on the streaming calls: `stream()` is a `RecordStream` (iterable of
 * the model, with `withResponse()` / `asResponse()`), `downloadStream()` an `APIPromise` whose
 * `asResponse()` is the open `StreamResponse`. `tsc` compiles this file in `npm test`: each
 * `@ts-expect-error` line must stay an error. At run time the examples are only checked to be
 * functions (nothing is sent).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type {
  APIPromise,
  FileStream,
  HttpResponse,
  ModelMap,
  RecordStream,
  ResponseInfo,
  StreamResponse,
} from "mpt-api-client";
import { client, type Equal, expectType } from "./support/type-checks.js";

type Charge = Awaited<ReturnType<ReturnType<typeof client.billing.statements.charges>["get"]>>;

export const examples = {
  async streams() {
    const records = client.catalog.products.stream();
    expectType<Equal<typeof records, RecordStream<ModelMap["Product"]>>>(true);
    const { data, response } = await records.withResponse();
    expectType<Equal<typeof data, RecordStream<ModelMap["Product"]>>>(true);
    expectType<Equal<typeof response, ResponseInfo>>(true);
    expectType<Equal<typeof response.traceId, string | null>>(true);
    for await (const product of data) expectType<Equal<typeof product, ModelMap["Product"]>>(true);
    const raw = await client.billing.statements.charges("SOM-1").stream().asResponse();
    expectType<Equal<typeof raw, StreamResponse>>(true);
    expectType<Equal<typeof raw.body, ReadableStream<Uint8Array>>>(true);
    for await (const charge of client.billing.statements.charges("SOM-1").stream()) {
      expectType<Equal<typeof charge, Charge>>(true);
    }
    // @ts-expect-error a stream is not a promise: iterate it, or ask withResponse()
    await records.then;
    // @ts-expect-error the response is not a field of the stream: call withResponse()
    records.response;
  },

  async downloads() {
    const attachments = client.billing.invoices.attachments("INV-1");
    const pending = attachments.downloadStream("ATT-1");
    expectType<Equal<typeof pending, APIPromise<FileStream, StreamResponse>>>(true);
    const file = await pending;
    expectType<Equal<typeof file, FileStream>>(true);
    const { data, response } = await pending.withResponse();
    expectType<Equal<typeof data, FileStream>>(true);
    expectType<Equal<typeof response.status, number>>(true);
    const open = await pending.asResponse();
    expectType<Equal<typeof open, StreamResponse>>(true);
    const buffered = await attachments.download("ATT-1").asResponse();
    expectType<Equal<typeof buffered, HttpResponse>>(true);
    // @ts-expect-error an open stream has no buffered json()
    open.json();
  },
};

test("the response type examples are functions (tsc checks their bodies)", () => {
  for (const example of Object.values(examples)) assert.equal(typeof example, "function");
  assert.deepEqual(Object.keys(examples), ["streams", "downloads"]);
});
