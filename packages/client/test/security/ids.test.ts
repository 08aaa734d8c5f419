/**
 * Ids can never change the path: every id with `/ ? # %`, dot segments inside it, spaces or
 * unicode reaches the server as one percent-encoded segment that decodes back to the id; ids that
 * cannot be one segment (`.`, `..`, empty, not a string, lone surrogates) fail before sending.
 * Against the sandbox, a traversal-looking id finds nothing instead of another resource.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MPTAPIError, MPTError } from "mpt-api-client";
import { clientOf, type RunningSandbox, sandbox } from "../faults/support.js";
import { type LoopbackServer, loopback } from "../support/loopback-server.js";

let server: LoopbackServer;
before(async () => {
  server = await loopback((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "echo", url: req.url }));
  });
});
after(() => server.close());

const HOSTILE = [
  "a/b",
  "../PRD-1",
  "PRD-1/../../accounts",
  "x?limit=1",
  "x#frag",
  "%2e%2e",
  "%2F",
  "a b",
  "ünï/日本",
  "😀",
  "..x",
  "...",
  ".hidden",
  "a\\b",
  "a;b=c",
  "a&b",
  "+",
];

for (const id of HOSTILE) {
  test(`id ${JSON.stringify(id)} is sent as one segment and decodes back to itself`, async () => {
    const client = clientOf(server, { retries: 0 });
    const before = server.requests.length;
    await client.catalog.products.get(id);
    await client.catalog.products.documents(id).get(id);
    const [flat, nested] = server.requests.slice(before);
    const segments = (line: string | undefined) =>
      (line ?? "").replace(/^GET /, "").split("?")[0]?.split("/") ?? [];
    const flatSegments = segments(flat);
    assert.equal(flatSegments.length, 6, flat);
    assert.equal(decodeURIComponent(flatSegments[5] ?? ""), id);
    assert.doesNotMatch(flatSegments[5] ?? "", /[/?#]/);
    assert.ok(!(flat ?? "").includes("?"), "no query string was injected");
    const nestedSegments = segments(nested);
    assert.equal(nestedSegments.length, 8, nested);
    assert.equal(decodeURIComponent(nestedSegments[5] ?? ""), id);
    assert.equal(nestedSegments[6], "documents");
    assert.equal(decodeURIComponent(nestedSegments[7] ?? ""), id);
  });
}

test("ids that cannot be one path segment fail before anything is sent", async () => {
  const client = clientOf(server, { retries: 0 });
  const before = server.requests.length;
  for (const bad of [".", "..", ""]) {
    await assert.rejects(() => client.catalog.products.get(bad), MPTError, JSON.stringify(bad));
    assert.throws(() => client.catalog.products.documents(bad), MPTError);
  }
  await assert.rejects(() => client.catalog.products.get("x\ud800"), /unpaired surrogate/);
  for (const notString of [null, undefined, 42, { id: "PRD-1" }, ["PRD-1"]]) {
    await assert.rejects(
      () => client.catalog.products.get(notString as unknown as string),
      /expected a non-empty string id/,
    );
  }
  const documents = client.catalog.products.documents as (...ids: string[]) => unknown;
  assert.throws(() => documents(), /expected 1 id\(s\), got 0/);
  assert.throws(() => documents("PRD-1", "PRD-2"), /expected 1 id\(s\), got 2/);
  assert.equal(server.requests.length, before, "nothing was sent");
});

let sb: RunningSandbox;
before(async () => {
  sb = await sandbox();
});
after(() => sb.close());

test("against the sandbox, traversal-looking ids find nothing instead of another resource", async () => {
  const client = clientOf(sb, { retries: 0 });
  const [first, second] = (await client.catalog.products.fetchPage({ limit: 2 })).resources;
  assert.ok(first && second);
  for (const id of [
    `${first.id}/../${second.id}`,
    `../products/${second.id}`,
    `${second.id}?select=id`,
    `${second.id}#x`,
  ]) {
    await assert.rejects(
      () => client.catalog.products.get(id),
      (error: unknown) => error instanceof MPTAPIError && error.statusCode === 404,
      id,
    );
  }
  assert.equal((await client.catalog.products.get(second.id)).id, second.id);
});
