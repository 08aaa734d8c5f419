/**
 * Conformance with mpt-rql-net, the platform's RQL engine: tables of (query, expected ids or
 * expected error), derived from its tests (BasicFilterTests, NegativeFilterTests,
 * CaseInsensitiveFilterTests, RqlParserTests…) and its source (operator defaults per type,
 * PathInfoBuilder, Like, BinaryExpressionBuilder, GroupExpressionBuilder), run against the
 * evaluator (a data-only store and a store typed by the spec's x-softwareone-rql metadata) and
 * over HTTP (select, order, access, the 400 ProblemDetails).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseOrder, parseRQL } from "mpt-api-client";
import type { AccountType } from "../src/domain/machines/types.js";
import { Collection } from "../src/domain/store.js";
import { type FieldLookup, storeFields } from "../src/query/fields.js";
import { compileOrder } from "../src/query/order.js";
import { compileFilter } from "../src/query/rql-eval.js";
import type { JsonObject } from "../src/shared/json.js";
import { SandboxError } from "../src/shared/problem.js";
import { Harness } from "./helpers.js";

/** mpt-rql-net's integration-test products (CaseInsensitiveFilterTests), trimmed. */
const PRODUCTS: JsonObject[] = [
  {
    id: "1",
    name: "Jewelry Widget",
    category: "Clothing",
    price: 192.95,
    sellPrice: 172.99,
    desc: "Desc1",
    reference: { name: "Jewelry Widget" },
    orders: [
      { id: 1, clientName: "Michael" },
      { id: 2, clientName: "Tony" },
      { id: 3, clientName: "Isabel" },
    ],
    ordersIds: [1, 2, 3],
    unset: null,
  },
  {
    id: "2",
    name: "Camping Whatchamacallit",
    category: "Activity",
    price: 95,
    sellPrice: 74.99,
    desc: "Desc2",
    reference: { name: "Camping Whatchamacallit" },
    orders: [{ id: 2, clientName: "Bob" }],
    ordersIds: [2],
  },
  {
    id: "3",
    name: "Sports Contraption",
    category: "Activity",
    price: 820.95,
    sellPrice: 64,
    desc: "Desc3",
    reference: { name: "Sports Contraption" },
    orders: [{ id: 3, clientName: "Carol" }],
    ordersIds: [3],
  },
  {
    id: "6",
    name: "Makeup Contraption",
    category: "",
    price: 129.99,
    sellPrice: 129.99,
    desc: null,
    reference: { name: "Makeup Contraption" },
    orders: [{ id: 6, clientName: "Frank" }],
    ordersIds: [6],
  },
  {
    id: "8",
    name: "*Example \\With*",
    category: "Activity",
    price: 450.95,
    sellPrice: 76,
    desc: "Desc8",
    reference: { name: "*Example \\With*" },
    orders: [{ id: 8, clientName: "Grace" }],
    ordersIds: [8],
  },
];

/** Orders typed by the spec (Order: status enum, lines collection, price with per-account access). */
const ORDERS: JsonObject[] = [
  {
    id: "ORD-1",
    status: "Draft",
    notes: "first",
    price: { currency: "USD", markup: 10, PPxY: 100, SPxY: 110 },
    lines: [{ id: "ALI-1", quantity: 2, item: { id: "ITM-1", name: "Seat" } }],
    audit: { created: { at: "2025-01-01T00:00:00.000Z" } },
  },
  {
    id: "ORD-2",
    status: "Completed",
    notes: null,
    price: { currency: "EUR", markup: 20, PPxY: null, SPxY: 50 },
    lines: [],
    audit: { created: { at: "2025-02-01T00:00:00.000Z" } },
  },
  {
    id: "ORD-3",
    status: "Processing",
    notes: "third",
    price: { currency: "USD", markup: 0, PPxY: 5, SPxY: 6 },
    lines: [
      { id: "ALI-2", quantity: 1, item: { id: "ITM-2", name: "Storage" } },
      { id: "ALI-3", quantity: 5, item: { id: "ITM-1", name: "Seat" } },
    ],
    audit: { created: { at: "2025-03-01T00:00:00.000Z" } },
  },
];

function lookup(store: string, records: JsonObject[]): { fields: FieldLookup; records: JsonObject[] } {
  const collection = new Collection(store);
  for (const r of records) collection.put(r);
  return { fields: storeFields(store, collection.fields), records };
}

const products = lookup("test/products", PRODUCTS);
const orders = lookup("commerce/orders", ORDERS);

type Expected = string[] | { errors: Record<string, string[]> } | { parser: string };

function run(set: { fields: FieldLookup; records: JsonObject[] }, query: string, as?: AccountType): Expected {
  try {
    const predicate = compileFilter(parseRQL(query), set.fields, as);
    return set.records.filter(predicate).map((r) => String(r["id"]));
  } catch (error) {
    if (error instanceof SandboxError) return { errors: error.init.errors as Record<string, string[]> };
    if (error instanceof Error && error.name === "RQLError") return { parser: error.message };
    throw error;
  }
}

const ALL = ["1", "2", "3", "6", "8"];
const invalid = (key: string) => ({ errors: { [key]: ["Invalid property path."] } });
/** mpt-rql-net gives an operator error no path: it is keyed by its code (error-keys.ts). */
const notPermitted = (op: string) => ({ errors: { rql_validation: [`Operator '${op}' is not permitted`] } });
const cannotConvert = (...values: string[]) => ({
  errors: { rql_validation: values.map((v) => `Cannot convert value: '${v}'.`) },
});

/** Filters over the data-only products (types from the values: strings, numbers, objects, arrays). */
const FILTERS: ReadonlyArray<readonly [string, Expected]> = [
  // Equality; operator and property names are case-insensitive (RqlNodeParser lower-cases
  // functions, MetadataProvider matches properties ignoring case).
  ["eq(name,Jewelry Widget)", ["1"]],
  ["name=Jewelry Widget", ["1"]],
  ["EQ(Name,Jewelry Widget)", ["1"]],
  ["Eq(REFERENCE.NAME,Jewelry Widget)", ["1"]],
  ["eq(name,WRONG_DATA)", []],
  ["ne(name,Jewelry Widget)", ["2", "3", "6", "8"]],
  // Comparisons.
  ["gt(price,200.5)", ["3", "8"]],
  ["ge(price,129.99)", ["1", "3", "6", "8"]],
  ["lt(price,150.1)", ["2", "6"]],
  ["lt(self(price),150.1)", ["2", "6"]],
  ["le(price,192.95)", ["1", "2", "6"]],
  ["gt(price,10000)", []],
  // like / ilike: leading and trailing wildcards only; `\*` at the end is a literal star.
  ["like(name,Jewelry*)", ["1"]],
  ["ilike(name,'*jewelry*')", ["1"]],
  ["(ilike(name,'*ewelr*')|ilike(name,'*Jewelry*'))", ["1"]],
  ["like(name,*With*)", ["8"]],
  ["like(name,*With\\*)", ["8"]],
  ["like(name,\\*Example \\With\\*)", ["8"]],
  ["like(name,*Example \\With*)", ["8"]],
  ["like(name,*\\With\\*)", ["8"]],
  ["like(name,*With\\**)", []],
  ["like(name,With\\*)", []],
  ["like(name,Example*)", []],
  ["like(name,*)", ALL],
  ["like(name,**)", ALL],
  ["ilike(name,'*')", ALL],
  ["like(name,*Widget)", ["1"]],
  ["like(name,*Wid*)", ["1"]],
  ["LIKE(NAME,*wid*)", []],
  ["ILIKE(NAME,*wid*)", ["1"]],
  // Logic, lists, precedence (AND binds tighter than OR).
  ["not(eq(id,1))", ["2", "3", "6", "8"]],
  ["in(id,(1,3,6))", ["1", "3", "6"]],
  ["out(id,(1,3,6))", ["2", "8"]],
  ["in(id,1)", ["1"]],
  ["and(eq(id,1),eq(name,Jewelry Widget))", ["1"]],
  ["and(id=1,name=Jewelry Widget)", ["1"]],
  ["and(eq(id,1),eq(id,2),eq(name,Jewelry Widget))", []],
  ["or(id=1,id=2,name=Jewelry Widget)", ["1", "2"]],
  ["id=1&category=Clothing|id=2", ["1", "2"]],
  ["id=1;id=3", ["1", "3"]],
  // null() is null (or absent); empty() is the empty string only.
  ["desc=null()", ["6"]],
  ["not(eq(desc,null()))", ["1", "2", "3", "8"]],
  ["category=empty()", ["6"]],
  ["not(eq(category,empty()))", ["1", "2", "3", "8"]],
  ["ne(desc,null())", ["1", "2", "3", "8"]],
  // Collections: any()/all() over elements, paths relative to each element; self() the element.
  ["any(orders,(id=1))", ["1"]],
  ["any(orders,eq(id,1))", ["1"]],
  ["any(orders,eq(id,999))", []],
  ["any(orders,and(eq(id,1),eq(id,1)))", ["1"]],
  ["any(orders)", ALL],
  ["all(orders,gt(id,1))", ["2", "3", "6", "8"]],
  ["any(ORDERS,eq(ClientName,bob))", []],
  ["any(Orders,eq(ClientName,Bob))", ["2"]],
  ["any(ordersIds,self()=1)", ["1"]],
  ["any(OrdersIds,eq(self(),2))", ["1", "2"]],
  // An unquoted right-hand side naming a property is that property; quoted it is a literal.
  ["eq(price,sellPrice)", ["6"]],
  ["gt(sellPrice,price)", []],
  ["eq(price,'sellPrice')", cannotConvert("sellPrice")],
  // Path errors (PathInfoBuilder): unknown segments, and no path through a collection.
  ["eq(nope,1)", invalid("nope")],
  ["eq(reference.nope.deeper,1)", invalid("reference.nope")],
  ["eq(orders.id,1)", invalid("orders.id")],
  ["any(orders,self(abc)=1)", invalid("orders.abc")],
  ["any(orders,eq(self(abc),1))", invalid("orders.abc")],
  // Operators per type (RqlOperators defaults): none on objects, any/all only on collections.
  ["eq(reference,x)", notPermitted("Eq")],
  ["eq(orders,x)", notPermitted("Eq")],
  ["like(price,1*)", notPermitted("StartsWith")],
  ["like(price,*1)", notPermitted("EndsWith")],
  ["ilike(price,*1*)", notPermitted("Contains")],
  ["like(price,95)", ["2"]],
  ["any(name)", notPermitted("Any")],
  ["all(price,gt(self(),1))", notPermitted("Any")],
  ["any(reference)", { errors: { rql_failure: ["Collection property has incompatible type"] } }],
  ["eq(self(),x)", notPermitted("Eq")],
  // A field the data only holds null in has no known type: string and collection operators.
  ["any(unset)", []],
  ["eq(unset,null())", ALL],
  // Values converted to the property's type.
  ["gt(price,abc)", cannotConvert("abc")],
  ["eq(price,empty())", cannotConvert("")],
  ["in(price,(1,x,y))", cannotConvert("x", "y")],
  // Groups (GroupExpressionBuilder): empty ones, unknown names (lower-cased), errors collected.
  ["and()", { errors: { rql_validation: ["Expression group cannot be empty."] } }],
  ["()", { errors: { rql_validation: ["Expression group cannot be empty."] } }],
  ["and(,)", { errors: { rql_validation: ["Expression group cannot be empty."] } }],
  ["eq(id,1)&()", { errors: { rql_validation: ["Expression group cannot be empty."] } }],
  ["Mistake(name)", { errors: { mistake: ["Unknown expression group."] } }],
  [
    "and(eq(nope,1),like(price,1*))",
    { errors: { ...invalid("nope").errors, ...notPermitted("StartsWith").errors } },
  ],
  // Every error is listed, repeats included, in the order of the expression.
  [
    "or(eq(reference,x),in(price,(a,1,a)),eq(nope,1),eq(nope,2))",
    {
      errors: {
        rql_validation: [
          "Operator 'Eq' is not permitted",
          "Cannot convert value: 'a'.",
          "Cannot convert value: 'a'.",
        ],
        nope: ["Invalid property path.", "Invalid property path."],
      },
    },
  ],
  // Parser errors (mpt-rql-net's parser exceptions and builder messages).
  ["someBareWord", { parser: "Expression expected." }],
  ["status=eq=processing", { parser: "Invalid equals shortcut expression" }],
  ["any()", { parser: "Collection expression must have at least 1 argument" }],
  ["all(orders)", { parser: "all() function must have 2 arguments" }],
  ["not(eq(id,1),eq(id,2))", { parser: "Unary expression must have 1 argument" }],
  ["eq(id)", { parser: "Binary expression must have 2 arguments" }],
  ["in(id,())", { parser: "Value has to be a non empty array." }],
  ["in(id,(1,null()))", { parser: "Null values are not supported." }],
  ["eq(id,null(1))", { parser: "Constant functions cannot have arguments" }],
];

test("filters over mpt-rql-net's test products: ids or errors as mpt-rql-net gives them", () => {
  for (const [query, expected] of FILTERS) assert.deepEqual(run(products, query), expected, query);
});

const nonNullable = { errors: { rql_validation: ["Cannot compare non nullable property with null"] } };
const enumOrdering = (op: string, path: string) => ({
  errors: {
    [path]: [
      `Operator '${op}' cannot compare the enum property '${path}': the platform's RQL engine builds ` +
        "a .NET comparison that enum types do not have, so the platform fails this query. " +
        "Filter with in()/out() on the members instead.",
    ],
  },
});

/** Filters over orders, typed by the spec's x-softwareone-rql metadata. */
const SPEC_FILTERS: ReadonlyArray<readonly [string, Expected, AccountType?]> = [
  // An enum (OrderStatus) takes its members in any letter case, as .NET's EnumConverter does.
  ["eq(status,completed)", ["ORD-2"]],
  ["in(STATUS,(draft,PROCESSING))", ["ORD-1", "ORD-3"]],
  ["like(status,*ed)", notPermitted("EndsWith")],
  // gt/ge/lt/le on an enum: mpt-rql-net builds .NET's Expression.GreaterThan (& co.) on the enum
  // type, which throws (enums are not "numeric" there): the platform fails, so does the sandbox.
  ["gt(status,Draft)", enumOrdering("Gt", "status")],
  ["LE(Status,completed)", enumOrdering("Le", "status")],
  ["ge(status,NotAMember)", enumOrdering("Ge", "status")],
  ["lt(status,type)", enumOrdering("Lt", "status")],
  ["gt(status,null())", nonNullable],
  ["ne(status,Draft)", ["ORD-2", "ORD-3"]],
  // A collection (rqlType Collection) is read with any()/all() only.
  ["any(lines,quantity=2)", ["ORD-1"]],
  ["any(Lines,eq(Item.Id,ITM-1))", ["ORD-1", "ORD-3"]],
  ["all(lines,gt(quantity,0))", ["ORD-1", "ORD-2", "ORD-3"]],
  ["eq(lines.quantity,2)", invalid("lines.quantity")],
  ["gt(lines,1)", notPermitted("Gt")],
  // A reference (rqlType Reference) permits no operator; its properties do.
  ["eq(price,1)", notPermitted("Eq")],
  ["eq(price.currency,USD)", ["ORD-1", "ORD-3"]],
  // Integers and numbers convert as such; a non-nullable number is not compared with null.
  ["any(lines,quantity=1.5)", cannotConvert("1.5")],
  ["gt(price.markup,5)", ["ORD-1", "ORD-2"]],
  ["eq(price.markup,null())", nonNullable],
  ["eq(price.PPxY,null())", ["ORD-2"]],
  ["eq(notes,null())", ["ORD-2"]],
  // Dates compare as instants and permit no like.
  ["ge(audit.created.at,2025-02-01T00:00:00.000Z)", ["ORD-2", "ORD-3"]],
  ["like(audit.created.at,2025*)", notPermitted("StartsWith")],
  // `access`: a property the caller's account type may not see cannot be filtered on.
  ["gt(price.markup,5)", { errors: { "price.markup": ["Filtering is not permitted."] } }, "Vendor"],
  ["gt(price.PPxY,5)", ["ORD-1"], "Vendor"],
  ["gt(price.PPxY,5)", { errors: { "price.PPxY": ["Filtering is not permitted."] } }, "Client"],
  ["gt(price.SPxY,5)", ["ORD-1", "ORD-2", "ORD-3"], "Client"],
  ["gt(price.markup,5)", ["ORD-1", "ORD-2"], "Operations"],
];

test("filters over spec-typed orders: enums, collections, references, nullability and access", () => {
  for (const [query, expected, as] of SPEC_FILTERS) {
    assert.deepEqual(run(orders, query, as), expected, `${query} as ${as ?? "anyone"}`);
  }
});

test("order: an enum sorts by member order (its .NET values), not alphabetically", () => {
  const sorted = (order: string) => {
    const comparator = compileOrder(parseOrder(order), orders.fields);
    return [...orders.records].sort(comparator).map((r) => r["id"]);
  };
  // OrderStatus lists New, Draft, Deleted, Processing, Querying, Failed, Completed, Quoted.
  assert.deepEqual(sorted("status"), ["ORD-1", "ORD-3", "ORD-2"]);
  assert.deepEqual(sorted("-STATUS"), ["ORD-2", "ORD-3", "ORD-1"]);
  // A value the spec's enum does not list sorts after the members; null first.
  const extra = lookup("commerce/orders", [
    { id: "A", status: "Zombie" },
    { id: "B", status: "Quoted" },
    { id: "C", status: null },
    { id: "D", status: "Aardvark" },
  ]);
  const comparator = compileOrder(parseOrder("status"), extra.fields);
  assert.deepEqual(
    [...extra.records].sort(comparator).map((r) => r["id"]),
    ["C", "B", "D", "A"],
  );
});

const h = new Harness();

test("select: unknown fields are ignored, names match in any letter case", async () => {
  const plain = await h.get("/catalog/products?limit=2&order=id");
  const unknown = await h.get(
    "/catalog/products?limit=2&order=id&select=-value,-period,-price,-notes,-description,+bogus",
  );
  assert.equal(unknown.status, 200);
  assert.deepEqual(unknown.body, plain.body);
  const one = plain.body.data[0].id as string;
  const single = await h.get(`/catalog/products/${one}?select=-value,-period,+bogus`);
  assert.equal(single.status, 200);
  assert.deepEqual(single.body, (await h.get(`/catalog/products/${one}`)).body);
  const upper = await h.get("/catalog/products?limit=2&order=id&select=-*,NAME,Id");
  assert.deepEqual(
    upper.body.data,
    plain.body.data.map((p: { id: string; name: string }) => ({ id: p.id, name: p.name })),
  );
  // An unknown segment is skipped: `+vendor.bogus` selects `vendor`.
  const nested = await h.get("/catalog/products?limit=1&order=id&select=-*,vendor.bogus");
  assert.deepEqual(Object.keys(nested.body.data[0]), ["vendor"]);
});

test("over HTTP: operator and property names in any letter case; errors as ProblemDetails", async () => {
  const lower = await h.ids("/catalog/products?limit=50&eq(status,Published)&order=id");
  assert.ok(lower.length > 0);
  assert.deepEqual(await h.ids("/catalog/products?limit=50&EQ(STATUS,Published)&order=ID"), lower);
  assert.deepEqual(await h.ids("/catalog/products?limit=50&Status=Published&order=id"), lower);
  const unknown = await h.get("/catalog/products?Mistake(name)");
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.body.errors, { mistake: ["Unknown expression group."] });
  const empty = await h.get("/catalog/products?and()");
  assert.deepEqual(empty.body.errors, { rql_validation: ["Expression group cannot be empty."] });
  // Builder errors the parser reports, and an order without a key, carry the engine's codes.
  const list = await h.get("/catalog/products?in(id,())");
  assert.deepEqual(list.body.errors, { rql_validation: ["Value has to be a non empty array."] });
  const nulls = await h.get("/catalog/products?in(id,(a,null()))");
  assert.deepEqual(nulls.body.errors, { rql_validation: ["Null values are not supported."] });
  const order = await h.get("/catalog/products?order=");
  assert.equal(order.status, 200);
  const noKey = await h.get("/catalog/products?order=eq(a,b)");
  assert.deepEqual(noKey.body.errors, { "order:no_props": ["No valid ordering properties were detected"] });
  // Parser exceptions (mpt-rql-net throws them; the platform's answer is not published).
  const unary = await h.get("/catalog/products?not(eq(id,1),eq(id,2))");
  assert.deepEqual(unary.body.errors, { filter: ["Unary expression must have 1 argument"] });
  const object = await h.get("/commerce/orders?ne(agreement,null())");
  assert.deepEqual(object.body.errors, { rql_validation: ["Operator 'Ne' is not permitted"] });
  assert.equal((await h.get("/commerce/orders?limit=1&ne(agreement.id,null())")).status, 200);
});

test("filters and orders on unknown paths still answer 400 Invalid property path.", async () => {
  const filter = await h.get("/catalog/products?eq(bogus,1)");
  assert.equal(filter.status, 400);
  assert.equal(filter.body.title, "One or more validation errors occurred.");
  assert.deepEqual(filter.body.errors, { bogus: ["Invalid property path."] });
  const order = await h.get("/catalog/products?order=vendor.bogus");
  assert.equal(order.status, 400);
  assert.deepEqual(order.body.errors, { "vendor.bogus": ["Invalid property path."] });
  const through = await h.get("/commerce/orders?order=lines.quantity");
  assert.deepEqual(through.body.errors, { "lines.quantity": ["Invalid property path."] });
});

test("order: names in any letter case; a field the caller may not see is not orderable", async () => {
  const lower = await h.ids("/catalog/products?limit=20&order=-name,id");
  assert.deepEqual(await h.ids("/catalog/products?limit=20&order=-NAME,ID"), lower);
  const ops = await h.get("/commerce/orders?limit=5&order=price.markup");
  assert.equal(ops.status, 200);
  const vendor = await h.get("/commerce/orders?limit=5&order=price.markup", "vendor");
  assert.equal(vendor.status, 400);
  assert.deepEqual(vendor.body.errors, { "price.markup": ["Ordering is not permitted."] });
  const filtered = await h.get("/commerce/orders?gt(price.markup,0)", "vendor");
  assert.deepEqual(filtered.body.errors, { "price.markup": ["Filtering is not permitted."] });
});
