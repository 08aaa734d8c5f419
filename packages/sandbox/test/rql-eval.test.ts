/** RQL evaluation: a table of filters and the exact ids each returns over a small known data set. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseRQL } from "mpt-api-client";
import { Collection } from "../src/domain/store.js";
import { compileFilter } from "../src/query/rql-eval.js";
import type { JsonObject } from "../src/shared/json.js";
import { SandboxError } from "../src/shared/problem.js";

const DATA: JsonObject[] = [
  {
    id: "P1",
    name: "Alpha One",
    status: "Published",
    price: { amount: 10 },
    tags: ["a", "b"],
    created: "2025-01-01T00:00:00.000Z",
    vendor: { id: "V1", name: "Acme" },
    items: [
      { id: "I1", qty: 5 },
      { id: "I2", qty: 1 },
    ],
    flag: true,
    note: null,
    code: "A",
    other: "A",
    desc: "The* star",
  },
  {
    id: "P2",
    name: "beta two",
    status: "Draft",
    price: { amount: 25.5 },
    tags: ["b"],
    created: "2025-02-01T00:00:00.000Z",
    vendor: { id: "V2", name: "Bolt" },
    items: [{ id: "I3", qty: 10 }],
    flag: false,
    note: "x",
    code: "B",
    other: "C",
    desc: "",
  },
  {
    id: "P3",
    name: "Gamma*Three",
    status: "Published",
    price: { amount: 100 },
    tags: [],
    created: "2025-03-01T12:00:00.000Z",
    vendor: { id: "V1", name: "Acme" },
    items: [],
    flag: true,
    code: "C",
    other: "C",
    desc: "50% off",
  },
  {
    id: "P4",
    name: "delta",
    status: "Unpublished",
    price: { amount: 0 },
    tags: ["c"],
    created: "2024-12-31T23:59:59.000Z",
    vendor: { id: "V3", name: "Core" },
    items: [{ id: "I4", qty: 3 }],
    flag: false,
    note: null,
    code: "D",
    other: "E",
    desc: "*lead",
  },
];

const collection = new Collection("test/products");
for (const r of DATA) collection.put(r);

function run(query: string): string[] {
  const predicate = compileFilter(parseRQL(query), collection.fields);
  return [...collection.scan()].filter(predicate).map((r) => r["id"] as string);
}

const CASES: ReadonlyArray<readonly [string, string[]]> = [
  ["eq(status,Published)", ["P1", "P3"]],
  ["status=Published", ["P1", "P3"]],
  ["EQ(status,Published)", ["P1", "P3"]],
  ["ne(status,Published)", ["P2", "P4"]],
  ["gt(price.amount,10)", ["P2", "P3"]],
  ["ge(price.amount,10)", ["P1", "P2", "P3"]],
  ["lt(price.amount,25.5)", ["P1", "P4"]],
  ["le(price.amount,0)", ["P4"]],
  ["le(created,2025-01-01T00:00:00.000Z)", ["P1", "P4"]],
  ["gt(created,'2025-02-01T00:00:00.000Z')", ["P3"]],
  ["in(status,(Draft,Unpublished))", ["P2", "P4"]],
  ["out(status,(Draft,Unpublished))", ["P1", "P3"]],
  ["in(id,P1)", ["P1"]],
  ["in(price.amount,(0,100))", ["P3", "P4"]],
  ["like(name,Alpha*)", ["P1"]],
  ["like(name,alpha*)", []],
  ["ilike(name,alpha*)", ["P1"]],
  ["ilike(name,*TWO)", ["P2"]],
  ["ilike(name,*a*)", ["P1", "P2", "P3", "P4"]],
  ["like(name,Gamma*Three)", ["P3"]],
  ["like(name,G*)", ["P3"]],
  // As mpt-rql-net: only a trailing `\*` is a literal star; here the backslash stays literal.
  ["like(desc,The\\**)", []],
  ["like(desc,The\\*)", []],
  ["like(desc,*star)", ["P1"]],
  ["like(desc,50%)", []],
  ["like(desc,50%*)", ["P3"]],
  ["like(desc,\\*lead)", ["P4"]],
  ["eq(note,null())", ["P1", "P3", "P4"]],
  ["note=null()", ["P1", "P3", "P4"]],
  ["ne(note,null())", ["P2"]],
  ["eq(desc,empty())", ["P2"]],
  ["any(items)", ["P1", "P2", "P4"]],
  ["any(items,gt(qty,4))", ["P1", "P2"]],
  ["any(items,id=I4)", ["P4"]],
  ["all(items,gt(qty,2))", ["P2", "P3", "P4"]],
  ["any(tags,self()=b)", ["P1", "P2"]],
  ["any(tags,eq(self(),c))", ["P4"]],
  ["eq(code,other)", ["P1", "P3"]],
  ["eq(code,'other')", []],
  ['eq(code,"A")', ["P1"]],
  ["eq(flag,true)", ["P1", "P3"]],
  ["flag=false", ["P2", "P4"]],
  ["and(eq(status,Published),eq(vendor.id,V1))", ["P1", "P3"]],
  ["eq(status,Published)&eq(vendor.id,V1)|eq(status,Draft)", ["P1", "P2", "P3"]],
  ["status=Published,vendor.id=V1", ["P1", "P3"]],
  ["status=Draft;status=Unpublished", ["P2", "P4"]],
  ["not(eq(vendor.id,V1))", ["P2", "P4"]],
  ["(status=Draft|status=Unpublished)&flag=false", ["P2", "P4"]],
  ['or(eq(vendor.name,"Acme"),eq(code,D))', ["P1", "P3", "P4"]],
  ["filter(group.buyers)", ["P1", "P2", "P3", "P4"]],
  ["eq(status,Published)&filter(group.buyers)", ["P1", "P3"]],
  ["", ["P1", "P2", "P3", "P4"]],
];

test("RQL filters return exactly the expected ids", () => {
  for (const [query, expected] of CASES) assert.deepEqual(run(query), expected, query);
});

function errors(query: string): Record<string, string[]> {
  try {
    run(query);
  } catch (error) {
    if (error instanceof SandboxError) {
      assert.equal(error.init.status, 400);
      return error.init.errors as Record<string, string[]>;
    }
    if (error instanceof Error && error.name === "RQLError") return { parser: [error.message] };
    throw error;
  }
  assert.fail(`${query} did not fail`);
}

test("invalid filters carry mpt-rql-net's messages", () => {
  assert.deepEqual(errors("eq(nope,1)"), { nope: ["Invalid property path."] });
  assert.deepEqual(errors("any(items,eq(nope,1))"), { "items.nope": ["Invalid property path."] });
  // Errors mpt-rql-net gives no path are keyed by its error code.
  assert.deepEqual(errors("gt(price.amount,abc)"), { rql_validation: ["Cannot convert value: 'abc'."] });
  assert.deepEqual(errors("eq(flag,maybe)"), { rql_validation: ["Cannot convert value: 'maybe'."] });
  assert.deepEqual(errors("like(price.amount,1*)"), {
    rql_validation: ["Operator 'StartsWith' is not permitted"],
  });
  assert.deepEqual(errors("eq(vendor,V1)"), { rql_validation: ["Operator 'Eq' is not permitted"] });
  assert.deepEqual(errors("eq(items.qty,1)"), { "items.qty": ["Invalid property path."] });
  assert.deepEqual(errors("mistake(status)"), { mistake: ["Unknown expression group."] });
  assert.deepEqual(errors("not(eq(a,1),eq(b,2))"), { parser: ["Unary expression must have 1 argument"] });
  assert.deepEqual(errors("status=eq=processing"), { parser: ["Invalid equals shortcut expression"] });
});
