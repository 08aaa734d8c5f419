/**
 * How the builder writes values beyond what Python does safely: quote choice, values MPT cannot
 * express, separators and special characters inside quotes, numbers and dates.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RQLError } from "../../src/errors.js";
import { parseRQL, RQLProperty, RQLQuery, RQLValue } from "../../src/rql/index.js";

const eq = (v: Parameters<RQLQuery["eq"]>[0]) => new RQLQuery("f").eq(v).toString();

describe("string values", () => {
  test("single quotes by default, as in Python", () => {
    assert.equal(eq("PRD-1"), "eq(f,'PRD-1')");
  });
  test("a value with ' is written in double quotes", () => {
    assert.equal(eq("it's"), `eq(f,"it's")`);
    assert.equal(new RQLQuery("f").in(["a", "O'Brien"]).toString(), `in(f,('a',"O'Brien"))`);
  });
  test('a value with " stays in single quotes', () => {
    assert.equal(eq('say "hi"'), `eq(f,'say "hi"')`);
  });
  test("a value with both quote kinds throws and says why", () => {
    assert.throws(
      () => eq(`it's "x"`),
      (e: unknown) =>
        e instanceof RQLError && /both ' and "/.test(e.message) && /no escape for quotes/.test(e.message),
    );
    assert.throws(() => new RQLQuery("f").in(["ok", `'"`]), RQLError);
  });
  test("separators and URL-special characters are literal inside quotes", () => {
    for (const v of [
      "a,b",
      "(x)",
      "a&b",
      "a|b",
      "a;b",
      "a=b",
      "#1",
      "1+1",
      "50%",
      "a b",
      "\\*",
      "日本語 ✓",
    ]) {
      const text = eq(v);
      assert.equal(text, `eq(f,'${v}')`);
      assert.deepEqual(parseRQL(text), {
        type: "compare",
        op: "eq",
        path: "f",
        value: { kind: "literal", text: v, quoted: true },
      });
    }
  });
  test("the empty string is '' and MPT reads it as the empty string", () => {
    assert.equal(eq(""), "eq(f,'')");
    assert.deepEqual(parseRQL(eq("")), {
      type: "compare",
      op: "eq",
      path: "f",
      value: { kind: "literal", text: "", quoted: true },
    });
  });
});

describe("other values", () => {
  test("numbers bare; NaN and infinities throw", () => {
    assert.equal(eq(0), "eq(f,0)");
    assert.equal(eq(-0), "eq(f,0)");
    assert.equal(eq(-12.5), "eq(f,-12.5)");
    assert.equal(eq(12345678901234567890n), "eq(f,12345678901234567890)");
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      assert.throws(() => eq(bad), RQLError);
    }
  });
  test("booleans", () => {
    assert.equal(eq(true), "eq(f,true)");
    assert.equal(eq(false), "eq(f,false)");
  });
  test("dates are ISO 8601 UTC with milliseconds, in quotes; invalid dates throw", () => {
    assert.equal(eq(new Date(Date.UTC(2026, 0, 31, 23, 0, 0))), "eq(f,'2026-01-31T23:00:00.000Z')");
    assert.throws(() => eq(new Date("nope")), RQLError);
  });
  test("null is null(); in lists and like patterns it throws", () => {
    assert.equal(eq(null), "eq(f,null())");
    assert.throws(() => new RQLQuery("f").in([null] as never), /Null values are not supported/);
    assert.throws(() => new RQLQuery("f").like(null), /Null values are not supported/);
  });
  test("undefined, objects and arrays throw", () => {
    for (const bad of [undefined, {}, [1], () => 1, Symbol("s")]) {
      assert.throws(() => eq(bad as never), RQLError);
    }
  });
  test("RQLValue writes like a plain value; RQLProperty bare", () => {
    assert.equal(new RQLValue("x").toString(), "'x'");
    assert.equal(new RQLValue(3).toString(), "3");
    assert.equal(eq(new RQLProperty("other.field")), "eq(f,other.field)");
    assert.equal(eq(RQLProperty.null()), "eq(f,null())");
    assert.equal(eq(new RQLProperty("empty()")), "eq(f,empty())");
    assert.equal(eq(new RQLProperty("self(id)")), "eq(f,self(id))");
    assert.throws(() => new RQLValue(Number.NaN), RQLError);
  });
  test("an RQLProperty that is not a path or a value function throws", () => {
    for (const bad of ["", "a b", "a,b", "'x'", "eq(a,b)", "self(a,b)", "x()"]) {
      assert.throws(() => new RQLProperty(bad), RQLError, bad);
    }
  });
});
