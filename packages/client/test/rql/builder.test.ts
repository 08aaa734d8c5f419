/**
 * `RQLQuery` writes the same text as the Python client's builder (`mpt_api_client/rql`) for the
 * same input. Expected strings come from the Python unit tests (tests/unit/rql/query_builder) and
 * from running the Python builder; each case names its Python origin.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RQLError } from "../../src/errors.js";
import { type RQLLookups, RQLProperty, RQLQuery, RQLValue } from "../../src/rql/index.js";

const R = (lookups?: RQLLookups) => (lookups === undefined ? new RQLQuery() : new RQLQuery(lookups));

describe("RQLQuery: Python parity table", () => {
  const cases: Array<[string, () => RQLQuery, string]> = [
    // test_create_rql.py
    ["create_with_field", () => new RQLQuery("field").eq("value"), "eq(field,'value')"],
    ["create_single_kwarg", () => R({ id: "ID" }), "eq(id,'ID')"],
    [
      "create_multiple_kwargs",
      () => R({ id: "ID", status__in: ["a", "b"], ok: true }),
      "and(eq(id,'ID'),in(status,('a','b')),eq(ok,true))",
    ],
    // test_multiple_ops.py
    [
      "r1 & r2 & (r3 | r4)",
      () =>
        R({ id: "ID" })
          .and(R({ field: "value" }))
          .and(R({ other: "value2" }).or(R({ inop__in: ["a", "b"] }))),
      "and(eq(id,'ID'),eq(field,'value'),or(eq(other,'value2'),in(inop,('a','b'))))",
    ],
    [
      "r1 & r2 | r3",
      () =>
        R({ id: "ID" })
          .and(R({ field: "value" }))
          .or(R({ other: "value2" })),
      "or(and(eq(id,'ID'),eq(field,'value')),eq(other,'value2'))",
    ],
    [
      "r1 & (r2 | r3)",
      () => R({ id: "ID" }).and(R({ field: "value" }).or(R({ other: "value2" }))),
      "and(eq(id,'ID'),or(eq(field,'value'),eq(other,'value2')))",
    ],
    [
      "(r1 & r2) | (r3 & r4)",
      () =>
        R({ id: "ID" })
          .and(R({ field: "value" }))
          .or(R({ other: "value2" }).and(R({ inop__in: ["a", "b"] }))),
      "or(and(eq(id,'ID'),eq(field,'value')),and(eq(other,'value2'),in(inop,('a','b'))))",
    ],
    [
      "(r1 & r2) | ~r3",
      () =>
        R({ id: "ID" })
          .and(R({ field: "value" }))
          .or(R({ other: "value2" }).not()),
      "or(and(eq(id,'ID'),eq(field,'value')),not(eq(other,'value2')))",
    ],
    // test_properties_values.py
    [
      "compare_default_value",
      () => R({ agreement__product__id: "order.product.id" }),
      "eq(agreement.product.id,'order.product.id')",
    ],
    [
      "compare_quoted",
      () => R({ agreement__product__id: new RQLValue("order.product.id") }),
      "eq(agreement.product.id,'order.product.id')",
    ],
    [
      "compare_property",
      () => R({ agreement__product__id: new RQLProperty("order.product.id") }),
      "eq(agreement.product.id,order.product.id)",
    ],
    [
      "compare_null",
      () => R({ agreement__product__id: RQLProperty.null() }),
      "eq(agreement.product.id,null())",
    ],
    [
      "ne_quoted",
      () => new RQLQuery("agreement.product.id").ne(new RQLValue("order.product.id")),
      "ne(agreement.product.id,'order.product.id')",
    ],
    [
      "ne_property",
      () => new RQLQuery("agreement.product.id").ne(new RQLProperty("order.product.id")),
      "ne(agreement.product.id,order.product.id)",
    ],
    // test_rql.py
    [
      "repr in with property",
      () => R({ product__id__in: ["PRD-1", new RQLValue("PRD-2"), new RQLProperty("agreement.product.id")] }),
      "in(product.id,('PRD-1','PRD-2',agreement.product.id))",
    ],
    ["str", () => R({ id: "ID" }), "eq(id,'ID')"],
    ["str ~", () => R({ id: "ID" }).not(), "not(eq(id,'ID'))"],
    [
      "str ~ multiple",
      () => R({ id: "ID", field: "value" }).not(),
      "not(and(eq(id,'ID'),eq(field,'value')))",
    ],
    ["str empty", () => R(), ""],
    ["empty", () => new RQLQuery("value1").empty(), "eq(value1,empty())"],
    ["not_empty", () => new RQLQuery("value2").notEmpty(), "ne(value2,empty())"],
    // test_rql_all_any.py
    ["all", () => R({ orderQty__gt: 1 }).all("saleDetails"), "all(saleDetails,gt(orderQty,1))"],
    ["any", () => R({ orderQty__gt: 1 }).any("saleDetails"), "any(saleDetails,gt(orderQty,1))"],
    [
      "all multiple",
      () =>
        R({ orderQty__gt: 1 })
          .and(R({ price__lt: 100 }))
          .all("saleDetails"),
      "all(saleDetails,and(gt(orderQty,1),lt(price,100)))",
    ],
    [
      "any multiple",
      () =>
        R({ orderQty__gt: 1 })
          .and(R({ price__lt: 100 }))
          .any("saleDetails"),
      "any(saleDetails,and(gt(orderQty,1),lt(price,100)))",
    ],
    ["any with __ path", () => R({ qty__gt: 1 }).any("lines__items"), "any(lines.items,gt(qty,1))"],
    // test_rql_in.py
    [
      "in with namespaces",
      () => new RQLQuery().n("agreement").n("product").n("id").in(["PRD-1", "PRD-2"]),
      "in(agreement.product.id,('PRD-1','PRD-2'))",
    ],
    [
      "in with property",
      () => R({ product__id__in: ["PRD-1", "PRD-2", new RQLProperty("product.id")] }),
      "in(product.id,('PRD-1','PRD-2',product.id))",
    ],
    // test_rql_parse_kwargs.py
    ["improper op", () => R({ product__id__inn: "PRD-1" }), "eq(product.id.inn,'PRD-1')"],
    ["parse eq", () => R({ product__id__eq: "PRD-1" }), "eq(product.id,'PRD-1')"],
    ["parse like", () => R({ product__id__like: "PRD-1" }), "like(product.id,'PRD-1')"],
    ["parse null op (not True)", () => R({ product__id__null: "PRD-1" }), "ne(product.id,null())"],
    ["parse null True", () => R({ product__id__null: true }), "eq(product.id,null())"],
    ["parse empty False", () => R({ product__id__empty: false }), "ne(product.id,empty())"],
    ["nested kwarg", () => R({ a__b__c: "x" }), "eq(a.b.c,'x')"],
    // query_state / docs examples
    ["filter_status_active", () => R({ status: "active" }), "eq(status,'active')"],
    // Observed from the Python builder (flattening, duplicates kept by extend, not-of-or)
    [
      "~(a | b) wraps in and()",
      () =>
        R({ id: "ID" })
          .or(R({ name: "name" }))
          .not(),
      "not(and(or(eq(id,'ID'),eq(name,'name'))))",
    ],
    [
      "(a & b) & (b & c) keeps both b",
      () =>
        R({ id: "ID" })
          .and(R({ name: "name" }))
          .and(R({ name: "name" }).and(R({ field: "value" }))),
      "and(eq(id,'ID'),eq(name,'name'),eq(name,'name'),eq(field,'value'))",
    ],
    [
      "(a | b) | (c | a)",
      () =>
        R({ id: "ID" })
          .or(R({ name: "name" }))
          .or(R({ field: "value" }).or(R({ id: "ID" }))),
      "or(eq(id,'ID'),eq(name,'name'),eq(field,'value'),eq(id,'ID'))",
    ],
    [
      "~(a & b) & c",
      () =>
        R({ id: "ID" })
          .and(R({ name: "name" }))
          .not()
          .and(R({ field: "value" })),
      "and(not(and(eq(id,'ID'),eq(name,'name'))),eq(field,'value'))",
    ],
    [
      "~a | ~b",
      () =>
        R({ id: "ID" })
          .not()
          .or(R({ name: "name" }).not()),
      "or(not(eq(id,'ID')),not(eq(name,'name')))",
    ],
    [
      "~~(a & b)",
      () =>
        R({ id: "ID" })
          .and(R({ name: "name" }))
          .not()
          .not(),
      "not(and(not(and(eq(id,'ID'),eq(name,'name')))))",
    ],
    ["float", () => new RQLQuery("a").eq(10.5), "eq(a,10.5)"],
    ["empty string", () => new RQLQuery("a").eq(""), "eq(a,'')"],
  ];
  for (const [name, build, expected] of cases) {
    test(name, () => assert.equal(build().toString(), expected));
  }
});

describe("RQLQuery: operators on a dotted path (test_rql_dot_path.py)", () => {
  const comparisons = ["eq", "ne", "gt", "ge", "le", "lt"] as const;
  for (const op of comparisons) {
    test(`${op}: string, booleans, numbers, bigint, dates`, () => {
      const q = () => new RQLQuery().n("asset").n("id");
      assert.equal(q()[op]("value").toString(), `${op}(asset.id,'value')`);
      assert.equal(q()[op](true).toString(), `${op}(asset.id,true)`);
      assert.equal(q()[op](false).toString(), `${op}(asset.id,false)`);
      assert.equal(q()[op](10).toString(), `${op}(asset.id,10)`);
      assert.equal(q()[op](10.678937).toString(), `${op}(asset.id,10.678937)`);
      assert.equal(q()[op](32983328238273n).toString(), `${op}(asset.id,32983328238273)`);
      const at = new Date("2024-05-06T07:08:09.123Z");
      assert.equal(q()[op](at).toString(), `${op}(asset.id,'2024-05-06T07:08:09.123Z')`);
      assert.throws(() => q()[op]({} as never), RQLError);
    });
  }
  for (const op of ["like", "ilike"] as const) {
    test(`${op}: wildcards stay inside the quotes`, () => {
      for (const v of ["value", "*value", "value*", "*value*"]) {
        assert.equal(new RQLQuery("asset.id")[op](v).toString(), `${op}(asset.id,'${v}')`);
      }
    });
  }
  for (const [method, op] of [
    ["in", "in"],
    ["oneof", "in"],
    ["out", "out"],
  ] as const) {
    test(`${method}: arrays, sets and properties`, () => {
      const third = new RQLProperty("third");
      const expected = `${op}(asset.id,('first','second',third))`;
      assert.equal(new RQLQuery("asset.id")[method](["first", "second", third]).toString(), expected);
      assert.equal(
        new RQLQuery("asset.id")[method](new Set(["first", "second", third])).toString(),
        expected,
      );
      assert.throws(() => new RQLQuery("asset.id")[method]("Test" as never), RQLError);
    });
  }
  for (const [name, arg, expected] of [
    ["null", true, "eq"],
    ["null", false, "ne"],
    ["empty", true, "eq"],
    ["empty", false, "ne"],
  ] as const) {
    test(`${name}(${arg})`, () => {
      assert.equal(new RQLQuery("asset.id")[name](arg).toString(), `${expected}(asset.id,${name}())`);
    });
  }
  test("n() after an operator throws (Python: Already evaluated)", () => {
    const q = new RQLQuery().n("first").n("second").eq("value");
    assert.throws(() => q.n("third"), /Already evaluated/);
  });
  test("n('a.b') equals n('a').n('b') and new RQLQuery('a.b')", () => {
    const a = new RQLQuery().n("agreement.product.id").eq(1).toString();
    assert.equal(a, new RQLQuery().n("agreement").n("product").n("id").eq(1).toString());
    assert.equal(a, new RQLQuery("agreement.product.id").eq(1).toString());
  });
});

describe("RQLQuery: combinators, equality, length (test_rql_and/or/eq.py)", () => {
  const a = () => R({ id: "ID" });
  const b = () => R({ name: "name" });
  test("and/or of two empties is empty and equal to both", () => {
    assert.ok(R().and(R()).equals(R()));
    assert.ok(R().or(R()).equals(R()));
  });
  test("duplicates collapse", () => {
    assert.ok(a().and(a()).equals(a()));
    assert.ok(a().or(a()).equals(a()));
  });
  test("different queries make a group", () => {
    const and = a().and(b());
    assert.ok(!and.equals(a()) && !and.equals(b()));
    assert.equal(and.toString(), "and(eq(id,'ID'),eq(name,'name'))");
    assert.equal(a().or(b()).toString(), "or(eq(id,'ID'),eq(name,'name'))");
  });
  test("empty is ignored on either side", () => {
    assert.ok(a().and(R()).equals(a()));
    assert.ok(R().and(a()).equals(a()));
    assert.ok(a().or(R()).equals(a()));
    assert.ok(R().or(a()).equals(a()));
  });
  test("triple with a repeated child keeps two children", () => {
    const r2 = R({ field: "value" });
    const and = a().and(r2).and(r2);
    assert.equal(and.length, 2);
    assert.equal(and.toString(), "and(eq(id,'ID'),eq(field,'value'))");
    const or = a().or(r2).or(r2);
    assert.equal(or.length, 2);
    assert.equal(or.toString(), "or(eq(id,'ID'),eq(field,'value'))");
  });
  test("merging groups of the same kind flattens to 4 children", () => {
    const r3 = R({ field: "value" });
    const r4 = R({ field__in: ["v1", "v2"] });
    assert.equal(a().and(b()).and(r3.and(r4)).length, 4);
    assert.equal(
      a()
        .or(b())
        .or(R({ field: "value" }).or(R({ field__in: ["v1", "v2"] }))).length,
      4,
    );
  });
  test("variadic and/or is a left fold", () => {
    const c = R({ field: "value" });
    assert.equal(a().and(b(), c).toString(), a().and(b()).and(c).toString());
    assert.equal(a().or(b(), c).toString(), a().or(b()).or(c).toString());
  });
  test("equality is structural and includes negation", () => {
    assert.ok(R().equals(R()));
    assert.ok(a().equals(a()));
    assert.ok(a().not().equals(a().not()));
    assert.ok(!a().equals(a().not()));
    assert.ok(R({ id: "ID", status__in: ["a", "b"] }).equals(R({ id: "ID", status__in: ["a", "b"] })));
    assert.ok(!R().equals(R({ id: "ID", status__in: ["a", "b"] })));
    assert.ok(new RQLQuery("value").empty().equals(new RQLQuery("value").empty()));
    assert.ok(new RQLQuery("value3").empty(false).equals(new RQLQuery("value3").notEmpty()));
  });
  test("length and isEmpty (Python len / bool)", () => {
    assert.equal(R().length, 0);
    assert.equal(a().length, 1);
    assert.equal(R({ id: "ID", status__in: ["a", "b"] }).length, 2);
    assert.equal(R().isEmpty(), true);
    assert.equal(a().isEmpty(), false);
    assert.equal(R({ id: "ID", status__in: ["a", "b"] }).isEmpty(), false);
  });
  test("operators change the query they are called on (as in Python)", () => {
    const q = new RQLQuery("field");
    q.eq("value");
    assert.equal(q.toString(), "eq(field,'value')");
  });
  test("and/or/not return new queries and leave their inputs alone", () => {
    const x = a();
    const y = b();
    x.and(y);
    x.or(y);
    x.not();
    assert.equal(x.toString(), "eq(id,'ID')");
    assert.equal(y.toString(), "eq(name,'name')");
  });
  test("and() with something that is not an RQLQuery throws", () => {
    assert.throws(() => a().and("eq(a,1)" as never), RQLError);
    assert.throws(() => a().or(5 as never), RQLError);
  });
});

describe("RQLQuery: deliberate fixes where Python writes a different filter", () => {
  const a = () => R({ id: "ID" });
  test("~a & ~a keeps the negation (Python: eq(id,'ID'))", () => {
    assert.equal(a().not().and(a().not()).toString(), "not(eq(id,'ID'))");
  });
  test("~a & empty keeps the negation (Python: eq(id,'ID'))", () => {
    assert.equal(a().not().and(R()).toString(), "not(eq(id,'ID'))");
    assert.equal(R().or(a().not()).toString(), "not(eq(id,'ID'))");
  });
  test("~~a is not(not(a)) (Python: not(a))", () => {
    assert.equal(a().not().not().toString(), "not(not(eq(id,'ID')))");
  });
  test("~empty is empty (Python: not(and()))", () => {
    assert.equal(R().not().toString(), "");
    assert.ok(R().not().isEmpty());
  });
  test("any() of an empty query is any(coll) (Python: any(coll,)); all() of one throws", () => {
    assert.equal(R().any("items").toString(), "any(items)");
    assert.throws(() => R().all("items"), /all\(items\)/);
  });
  test("an operator without a field throws (Python: eq(,'x'))", () => {
    assert.throws(() => new RQLQuery().eq("x"), /no field given/);
  });
  test("an empty in() list throws (Python: in(f,()) which MPT rejects)", () => {
    assert.throws(() => new RQLQuery("f").in([]), /Value has to be a non empty array/);
  });
});

describe("RQLQuery.fromString", () => {
  test("keeps the text as it is (test_rql_from_str.py)", () => {
    assert.equal(RQLQuery.fromString("eq(id,ID)").toString(), "eq(id,ID)");
    assert.equal(
      RQLQuery.fromString("status=active&ilike(name,*x*)").toString(),
      "status=active&ilike(name,*x*)",
    );
  });
  test("empty text is an empty query", () => {
    assert.ok(RQLQuery.fromString("").isEmpty());
  });
  test("joins like any other query", () => {
    const q = RQLQuery.fromString("eq(id,ID)").and(R({ name: "x" }));
    assert.equal(q.toString(), "and(eq(id,ID),eq(name,'x'))");
    assert.equal(RQLQuery.fromString("eq(id,ID)").not().toString(), "not(eq(id,ID))");
  });
  test("invalid text throws an RQLError that names the problem", () => {
    assert.throws(
      () => RQLQuery.fromString("eq(status,Published"),
      (e: unknown) =>
        e instanceof RQLError &&
        e.message.startsWith('Invalid RQL "eq(status,Published": ') &&
        e.message.includes("Missing ')'"),
    );
    assert.throws(() => RQLQuery.fromString("status=eq=x"), /Invalid equals shortcut expression/);
    assert.throws(() => RQLQuery.fromString(5 as never), RQLError);
  });
  test("filter(...) (a platform no-op) is accepted and sent as written", () => {
    assert.equal(RQLQuery.fromString("filter(group.buyers)").toString(), "filter(group.buyers)");
  });
});

describe("RQLQuery: object form and paths", () => {
  test("the API.md example", () => {
    assert.equal(
      R({ status: "active", product__id: "PRD-1", age__gt: 5, status__in: ["a", "b"] }).toString(),
      "and(eq(status,'active'),eq(product.id,'PRD-1'),gt(age,5),in(status,('a','b')))",
    );
  });
  test("the other API.md examples", () => {
    assert.equal(
      new RQLQuery("id").in(["PRD-1", "PRD-2"]).and(new RQLQuery("vendor.name").eq("Microsoft")).toString(),
      "and(in(id,('PRD-1','PRD-2')),eq(vendor.name,'Microsoft'))",
    );
    const q = R({ status: "active" });
    assert.equal(
      new RQLQuery("price.amount").lt(50).or(q).not().toString(),
      "not(and(or(lt(price.amount,50),eq(status,'active'))))",
    );
  });
  test("every lookup operator", () => {
    const ops = ["eq", "ne", "lt", "le", "gt", "ge", "like", "ilike"] as const;
    for (const op of ops) assert.equal(R({ [`a__${op}`]: 1 }).toString(), `${op}(a,1)`);
    assert.equal(R({ a__out: [1, 2] }).toString(), "out(a,(1,2))");
    assert.equal(R({ a__empty: true }).toString(), "eq(a,empty())");
    assert.equal(R({ a__null: false }).toString(), "ne(a,null())");
  });
  test("null writes null()", () => {
    assert.equal(R({ a: null }).toString(), "eq(a,null())");
    assert.equal(new RQLQuery("a").ne(null).toString(), "ne(a,null())");
  });
  test("an empty object is an empty query; a dotted key is a path", () => {
    assert.ok(R({}).isEmpty());
    assert.equal(R({ "product.id": "PRD-1" }).toString(), "eq(product.id,'PRD-1')");
  });
  test("a list for a scalar lookup, or a scalar for a list lookup, throws", () => {
    assert.throws(() => R({ a: ["x"] }), RQLError);
    assert.throws(() => R({ a__in: "x" }), RQLError);
    assert.throws(() => R({ a__in: 5 }), RQLError);
  });
  test("malformed paths throw instead of writing broken RQL", () => {
    for (const bad of ["a b", "a,b", "a(b)", "a'b", "a..b", ".a", "a.", "a=b", "a|b", "a&b", "a;b"]) {
      assert.throws(() => new RQLQuery(bad), RQLError, bad);
      assert.throws(() => R({ [bad]: 1 }), RQLError, bad);
    }
    assert.throws(() => R({ __a: 1 }), RQLError);
    assert.throws(() => R({ a__in: [1] }).any("x y"), RQLError);
  });
  test("new RQLQuery('') is empty; a wrong argument type throws", () => {
    assert.ok(new RQLQuery("").isEmpty());
    assert.throws(() => new RQLQuery(5 as never), RQLError);
    assert.throws(() => new RQLQuery(["a"] as never), RQLError);
  });
});
