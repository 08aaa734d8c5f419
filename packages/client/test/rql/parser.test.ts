/**
 * `parseRQL` against the MPT dialect (mpt-rql-net): connectors and precedence, the equals
 * shortcut, quotes, every operator, `self()`, unknown functions, `filter(...)`, and errors.
 * Inputs marked "rql-net" are cases from mpt-rql-net's own parser tests.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RQLError } from "../../src/errors.js";
import { parseRQL, type RqlNode, type RqlValue } from "../../src/rql/index.js";

const lit = (text: string, quoted = false): RqlValue => ({ kind: "literal", text, quoted });
const eq = (path: string, value: RqlValue | string): RqlNode => ({
  type: "compare",
  op: "eq",
  path,
  value: typeof value === "string" ? lit(value) : value,
});
const and = (...args: RqlNode[]): RqlNode => ({ type: "and", args });
const or = (...args: RqlNode[]): RqlNode => ({ type: "or", args });

describe("connectors and precedence", () => {
  const A = eq("a", "1");
  const B = eq("b", "2");
  const C = eq("c", "3");
  const D = eq("d", "4");
  const table: Array<[string, RqlNode]> = [
    ["a=1", A],
    ["a=1&b=2", and(A, B)],
    ["a=1,b=2", and(A, B)],
    ["a=1|b=2", or(A, B)],
    ["a=1;b=2", or(A, B)],
    ["a=1&b=2|c=3&d=4", or(and(A, B), and(C, D))], // rql-net
    ["a=1|b=2&c=3|d=4", or(A, and(B, C), D)], // rql-net
    ["(a=1|b=2)&(c=3|d=4)", and(or(A, B), or(C, D))], // rql-net
    ["((a=1&b=2)|(c=3&d=4))", or(and(A, B), and(C, D))], // rql-net
    ["a=1&b=2|(c=3&d=4)", or(and(A, B), and(C, D))], // rql-net
    ["(a=1)", A],
    ["and(a=1,b=2)", and(A, B)],
    ["or(a=1,b=2)", or(A, B)],
    ["AND(a=1,b=2)", and(A, B)],
    ["and(a=1|b=2)", and(A, B)], // inside a named call every connector only separates arguments
    ["or(a=1&b=2;c=3)", or(A, B, C)],
    ["and(and(a=1,b=2),c=3)", and(and(A, B), C)], // no flattening: the tree as written
    ["a=1,,b=2", and(A, B)], // empty items are skipped, as in rql-net
    [",a=1|", A],
    ["()", or()],
    ["and()", and()],
  ];
  for (const [text, expected] of table) {
    test(text, () => assert.deepEqual(parseRQL(text), expected));
  }
});

describe("equals shortcut", () => {
  test("field=value is eq; quoted, null(), empty(), self()", () => {
    assert.deepEqual(parseRQL("status=processing"), eq("status", "processing")); // rql-net
    assert.deepEqual(parseRQL("id=PRD-0000-0001"), eq("id", "PRD-0000-0001"));
    assert.deepEqual(parseRQL("name='a b'"), eq("name", lit("a b", true)));
    assert.deepEqual(parseRQL("id=null()"), eq("id", { kind: "null" })); // rql-net
    assert.deepEqual(parseRQL("id=empty()"), eq("id", { kind: "empty" })); // rql-net
    assert.deepEqual(parseRQL("id=NULL()"), eq("id", { kind: "null" }));
    assert.deepEqual(parseRQL("a=self(b)"), eq("a", { kind: "self", path: "b" }));
    assert.deepEqual(parseRQL("self()=1"), eq("", "1"));
  });
  test("mixed with calls, both orders (rql-net)", () => {
    const N = eq("id", { kind: "null" });
    const X = eq("name", "abc");
    for (const text of ["id=null(),name=abc", "eq(id,null())&name=abc"])
      assert.deepEqual(parseRQL(text), and(N, X));
    for (const text of ["name=abc|id=null()", "name=abc;eq(id,null())"])
      assert.deepEqual(parseRQL(text), or(X, N));
  });
  test("special characters in quotes (rql-net)", () => {
    assert.deepEqual(
      parseRQL("product.name='white space & special^ symbols!'"),
      eq("product.name", lit("white space & special^ symbols!", true)),
    );
    assert.deepEqual(
      parseRQL(`eq(product.name,'i am "happy" is =quoted here=')`),
      eq("product.name", lit(`i am "happy" is =quoted here=`, true)),
    );
  });
  const invalid = [
    "status=eq=processing",
    "a=b=c",
    "a=",
    "=a",
    "(a)=b",
    "a=(b)",
    "a=eq(b,c)",
    "a=foo()",
    "a=,b=1",
  ];
  for (const text of invalid) {
    test(`${text} -> Invalid equals shortcut expression`, () => {
      assert.throws(() => parseRQL(text), {
        name: "RQLError",
        message: "Invalid equals shortcut expression",
      });
    });
  }
});

describe("operators", () => {
  test("comparisons (case-insensitive names)", () => {
    for (const op of ["eq", "ne", "gt", "ge", "lt", "le", "like", "ilike"] as const) {
      assert.deepEqual(parseRQL(`${op.toUpperCase()}(a.b,'x')`), {
        type: "compare",
        op,
        path: "a.b",
        value: lit("x", true),
      });
    }
    assert.deepEqual(parseRQL("gt(events.created.at,2020-01-01T00:00:00+00:00)"), {
      type: "compare",
      op: "gt",
      path: "events.created.at",
      value: lit("2020-01-01T00:00:00+00:00"),
    }); // rql-net
    assert.deepEqual(parseRQL("like(product.name,*best*)"), {
      type: "compare",
      op: "like",
      path: "product.name",
      value: lit("*best*"),
    }); // rql-net
    assert.deepEqual(parseRQL("eq(a, b)"), eq("a", " b")); // spaces belong to words, as in rql-net
  });
  test("in / out: lists, a single bare value, empty()", () => {
    const list = (op: "in" | "out", values: RqlValue[]): RqlNode => ({
      type: "list",
      op,
      path: "status",
      values,
    });
    assert.deepEqual(
      parseRQL("in(status,(processing,active,closed,created,new))"),
      list(
        "in",
        ["processing", "active", "closed", "created", "new"].map((v) => lit(v)),
      ),
    ); // rql-net
    assert.deepEqual(parseRQL("in(status,(active))"), list("in", [lit("active")])); // rql-net
    assert.deepEqual(
      parseRQL("out(status,(active,otherValue))"),
      list("out", [lit("active"), lit("otherValue")]),
    );
    assert.deepEqual(parseRQL("in(status,active)"), list("in", [lit("active")]));
    assert.deepEqual(parseRQL("in(status,'a,b')"), list("in", [lit("a,b", true)]));
    assert.deepEqual(parseRQL("in(status,(a|b))"), list("in", [lit("a"), lit("b")]));
    assert.deepEqual(parseRQL("in(status,((a,b)))"), list("in", [lit("a"), lit("b")]));
    assert.deepEqual(parseRQL("in(status,('',empty()))"), list("in", [lit("", true), { kind: "empty" }]));
  });
  test("not, any, all, self", () => {
    assert.deepEqual(parseRQL("not(status=processing)"), { type: "not", arg: eq("status", "processing") }); // rql-net
    assert.deepEqual(parseRQL("any(subcollection,id=1)"), {
      type: "collection",
      op: "any",
      path: "subcollection",
      predicate: eq("id", "1"),
    }); // rql-net
    assert.deepEqual(parseRQL("all(subcollection,id=1)"), {
      type: "collection",
      op: "all",
      path: "subcollection",
      predicate: eq("id", "1"),
    }); // rql-net
    assert.deepEqual(parseRQL("any(lines)"), { type: "collection", op: "any", path: "lines" });
    assert.deepEqual(parseRQL("any(OrdersIds,self()=1)"), {
      type: "collection",
      op: "any",
      path: "OrdersIds",
      predicate: eq("", "1"),
    });
    assert.deepEqual(parseRQL("eq(self(),3)"), eq("", "3")); // rql-net
    assert.deepEqual(parseRQL("eq(self(id),3)"), eq("id", "3")); // rql-net
    assert.deepEqual(parseRQL("eq(self(self(id)),3)"), eq("id", "3")); // rql-net
    assert.deepEqual(parseRQL("eq(a,self())"), eq("a", { kind: "self" }));
  });
  test("unknown functions become groups (MPT: Unknown expression group.)", () => {
    assert.deepEqual(parseRQL("mistake(a=1)"), { type: "group", name: "mistake", args: [eq("a", "1")] });
    assert.deepEqual(parseRQL("not(status(processing,otherValue))"), {
      type: "not",
      arg: { type: "group", name: "status", args: [] },
    }); // rql-net
    assert.deepEqual(parseRQL("Foo(null())"), { type: "group", name: "foo", args: [] });
  });
  test("filter(...) is a no-op", () => {
    const A = eq("a", "1");
    assert.equal(parseRQL("filter(group.buyers)"), null);
    assert.equal(parseRQL("filter(group.buyers.id,BUY-1)&filter(x)"), null);
    assert.deepEqual(parseRQL("filter(group.buyers)&a=1"), and(A));
    assert.deepEqual(parseRQL("and(filter(group.buyers),a=1)"), and(A));
    assert.deepEqual(parseRQL("a=1|b=2&filter(x)"), or(A, and(eq("b", "2"))));
    assert.equal(parseRQL("a=1|filter(x)"), null); // an OR with a no-op (true) is true
    assert.deepEqual(parseRQL("(a=1|filter(x))&b=2"), and(eq("b", "2")));
    assert.deepEqual(parseRQL("not(filter(x))"), { type: "not", arg: and() });
  });
  test("empty text is null", () => {
    assert.equal(parseRQL(""), null);
  });
});

describe("quotes", () => {
  test("either quote kind; the other kind is literal inside", () => {
    assert.deepEqual(parseRQL(`eq(a,"it's")`), eq("a", lit("it's", true)));
    assert.deepEqual(parseRQL(`eq(a,'say "x"')`), eq("a", lit('say "x"', true)));
    assert.deepEqual(parseRQL(`eq('a.b',x)`), eq("a.b", "x"));
  });
  test("quoted and unquoted literals are told apart (unquoted may name a field on MPT)", () => {
    assert.deepEqual(parseRQL("eq(a,b)"), eq("a", lit("b", false)));
    assert.deepEqual(parseRQL("eq(a,'b')"), eq("a", lit("b", true)));
  });
});

describe("errors", () => {
  const table: Array<[string, string | RegExp]> = [
    ["not(a=1,b=2)", "Unary expression must have 1 argument"],
    ["not()", "Unary expression must have 1 argument"],
    ["eq(a)", "Binary expression must have 2 arguments"],
    ["eq(a,)", "Binary expression must have 2 arguments"],
    ["eq(a,b,c)", "Binary expression must have 2 arguments"],
    ["in(a,())", "Value has to be a non empty array."],
    ["in(a,null())", "Value has to be a non empty array."],
    ["in(a,eq(b,c))", "Value has to be a non empty array."],
    ["in(a,(b,null()))", "Null values are not supported."],
    ["in(a,(b,eq(c,d)))", "Unsupported argument type."],
    ["like(a,null())", "Null values are not supported."],
    ["like(a,self(b))", "Unsupported argument type."],
    ["eq(a,(b,c))", "Unsupported argument type."],
    ["eq(a,foo(b))", "Unsupported argument type."],
    ["eq(eq(a,b),c)", "Unsupported property node."],
    ["eq('',c)", "Invalid property path."],
    ["all(items)", "all() function must have 2 arguments"],
    ["any()", "Collection expression must have at least 1 argument"],
    ["any(a,b=1,c=2)", /at most one expression/],
    ["any(a,b)", "Expression expected."],
    ["null(a)", "Constant functions cannot have arguments"],
    ["eq(a,empty(x))", "Constant functions cannot have arguments"],
    ["eq(self(a,b),1)", "Pointer expression must have 0 or 1 argument"],
    ["null()", "Expression expected."],
    ["foo", "Expression expected."],
    ["a=1&foo", "Expression expected."],
    ["and(a=1,foo)", "Expression expected."],
    ["eq(a,1", "Missing ')' to close the '(' at position 2"],
    ["and(eq(a,1)", "Missing ')' to close the '(' at position 3"],
    ["eq(a,1))", "Unexpected ')' at position 7: there is no '(' to close"],
    [")", "Unexpected ')' at position 0: there is no '(' to close"],
    ["eq(a,'x)", /^Unterminated ' quote starting at position 5/],
    [`eq(a,"x)`, /^Unterminated " quote starting at position 5/],
    ["eq(a,it's)", /^Quote character ' at position 7 inside an unquoted value/],
    ["eq(a,'x'y)", /^Unexpected "y" at position 8 after the closing quote/],
    ["eq(a,b)c", /^Unexpected "c" at position 7 after '\)'/],
    ["eq(a,b)(c)", /^Unexpected "\(" at position 7/],
    ["eq(a,'b'(c))", /^Unexpected '\(' at position 8: a quoted value cannot name a function/],
    [`${"(".repeat(300)}a=1${")".repeat(300)}`, /nested deeper than 256/],
  ];
  for (const [text, message] of table) {
    test(`${text.length > 40 ? `${text.slice(0, 40)}…` : text} -> ${message}`, () => {
      assert.throws(
        () => parseRQL(text),
        (e: unknown) =>
          e instanceof RQLError &&
          (typeof message === "string" ? e.message === message : message.test(e.message)),
      );
    });
  }
  test("a non-string argument throws", () => {
    assert.throws(() => parseRQL(5 as never), RQLError);
  });
});
