/**
 * Hostile RQL values end to end: every value with quotes, commas, parentheses, `& # + %`, spaces,
 * backslashes, unicode or RQL look-alikes either comes back from the sandbox as exactly the record
 * whose field holds it (over HTTP: the wire encoding, the server's URL handling, the platform
 * parser and evaluator) and parses back to itself offline (`parseQueryString` + `parseRQL`), or
 * fails with a clear `RQLError` before anything is sent.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type MPTClient, parseQueryString, parseRQL, RQLError, RQLQuery, type RqlNode } from "mpt-api-client";
import { clientOf, type RunningSandbox, sandbox } from "../faults/support.js";

const VALUES = [
  "O'Brien",
  'say "hi"',
  "a,b",
  "f(x)",
  ")(",
  "a&b",
  "&limit=1",
  "#1",
  "a#b?c=d",
  "a+b",
  "+",
  "100%",
  "%20",
  "%zz",
  "a b",
  " padded ",
  "a\\b",
  "a/b/../c",
  "ünï 日本 😀",
  "eq(name,x)",
  "' or 1=1",
  '") or eq(name,"x',
  "a|b;c=d",
  "*",
  "line\nbreak",
  "tab\there",
];

let sb: RunningSandbox;
let client: MPTClient;
const ids = new Map<string, string>();
before(async () => {
  sb = await sandbox();
  client = clientOf(sb, { retries: 0 });
  for (const value of VALUES) {
    const created = await client.catalog.unitsOfMeasure.create({ name: value, description: "rql test" });
    assert.equal(created.name, value, "the sandbox stored the value as sent");
    ids.set(value, created.id);
  }
});
after(() => sb.close());

const literal = (node: RqlNode | null) =>
  node?.type === "compare" && node.value.kind === "literal" ? node.value.text : undefined;

for (const value of VALUES) {
  test(`eq(name, ${JSON.stringify(value)}) round-trips offline and over HTTP`, async () => {
    const query = new RQLQuery({ name: value });
    const service = client.catalog.unitsOfMeasure.filter(query);
    const parsed = parseQueryString(service.queryString());
    assert.equal(literal(parseRQL(parsed.filter)), value);
    const page = await service.fetchPage({ limit: 10 });
    assert.deepEqual(
      page.resources.map((r) => r.id),
      [ids.get(value)],
      "exactly the record holding the value",
    );
  });
}

test("in() with several hostile values finds exactly their records", async () => {
  const values = ["a,b", "f(x)", "a&b", "#1", "a+b", "O'Brien"];
  const page = await client.catalog.unitsOfMeasure
    .filter(new RQLQuery("name").in(values))
    .fetchPage({ limit: 50 });
  assert.deepEqual(page.resources.map((r) => r.id).sort(), values.map((v) => ids.get(v)).sort());
});

test("a filter string with a quoted hostile value round-trips", async () => {
  const page = await client.catalog.unitsOfMeasure.filter("eq(name,'a,b')").fetchPage();
  assert.deepEqual(
    page.resources.map((r) => r.id),
    [ids.get("a,b")],
  );
});

test("values that cannot be written fail with RQLError before anything is sent", async () => {
  sb.counters.reset();
  const both = `both ' and "`;
  assert.throws(
    () => new RQLQuery({ name: both }),
    (error: unknown) => {
      assert.ok(error instanceof RQLError);
      assert.match(error.message, /contains both ' and "/);
      return true;
    },
  );
  const lone = "x\ud800";
  await assert.rejects(
    () => client.catalog.unitsOfMeasure.filter(new RQLQuery({ name: lone })).fetchPage(),
    (error: unknown) => error instanceof RQLError && /lone UTF-16 surrogate/.test(error.message),
  );
  for (const bad of ["eq(name,'unterminated)", "eq(name,x", "and(eq(a,1),", "eq(name,'a'b')"]) {
    assert.throws(() => client.catalog.unitsOfMeasure.filter(bad), RQLError, bad);
  }
  assert.equal(sb.counters.requests(), 0);
});
