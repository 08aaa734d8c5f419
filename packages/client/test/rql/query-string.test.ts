/**
 * Query-string composition in the Python client's order, the wire encoding of RQL, and the
 * inverse used by the sandbox.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RQLError } from "../../src/errors.js";
import {
  buildQueryString,
  encodeRqlForWire,
  parseQueryString,
  parseRQL,
  RQLQuery,
} from "../../src/rql/index.js";

describe("buildQueryString (Python query_state.py order)", () => {
  const active = new RQLQuery({ status: "active" }).toString();
  test("test_build_url", () => {
    assert.equal(
      buildQueryString({
        order: ["-created", "name"],
        select: ["-audit", "product.agreements", "-product.agreements.product"],
        filter: active,
      }),
      "order=-created,name&select=-audit,product.agreements,-product.agreements.product&eq(status,'active')",
    );
  });
  test("test_build_url_with_render", () => {
    assert.equal(
      buildQueryString({
        order: ["-created", "name"],
        select: ["-audit", "product.agreements", "-product.agreements.product"],
        filter: active,
        render: true,
      }),
      "order=-created,name&select=-audit,product.agreements,-product.agreements.product&eq(status,'active')&render()",
    );
  });
  test("test_build_with_params and pagination first", () => {
    assert.equal(
      buildQueryString({ limit: 10, order: ["created"], select: ["name"], filter: active }),
      "limit=10&order=created&select=name&eq(status,'active')",
    );
    assert.equal(
      buildQueryString({
        limit: 100,
        offset: 200,
        order: ["-a"],
        select: ["x", "+y"],
        filter: active,
        render: true,
      }),
      "limit=100&offset=200&order=-a&select=x,%2By&eq(status,'active')&render()",
    );
  });
  test("empty state is empty; empty lists and empty filter are left out", () => {
    assert.equal(buildQueryString({}), "");
    assert.equal(buildQueryString({ order: [], select: [], filter: "", render: false }), "");
    assert.equal(buildQueryString({ limit: 0 }), "limit=0");
    assert.equal(buildQueryString({ render: true }), "render()");
  });
  test("+ in select/order reaches the server as %2B; grouped select keeps ( ) ,", () => {
    assert.equal(buildQueryString({ select: ["+audit"] }), "select=%2Baudit");
    assert.equal(buildQueryString({ order: ["+name"] }), "order=%2Bname");
    assert.equal(buildQueryString({ select: ["audit(created,updated)"] }), "select=audit(created,updated)");
    assert.equal(buildQueryString({ select: ["a&b", "c d#"] }), "select=a%26b,c%20d%23");
  });
  test("invalid limit/offset throw", () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => buildQueryString({ limit: bad }), RQLError);
      assert.throws(() => buildQueryString({ offset: bad }), RQLError);
    }
  });
});

describe("encodeRqlForWire", () => {
  const table: Array<[string, string]> = [
    ["eq(status,'active')", "eq(status,'active')"],
    ["and(eq(a,1),or(b=2;c=3|d=4))", "and(eq(a,1),or(b=2;c=3|d=4))"],
    ["a=1&b=2", "a=1&b=2"],
    ["and(a=1&b=2)", "and(a=1%26b=2)"],
    ["eq(name,'a&b')", "eq(name,'a%26b')"],
    ["eq(name,'#1 + 50%')", "eq(name,'%231%20%2B%2050%25')"],
    ["eq(name,'a,(b)|c;d=e')", "eq(name,'a%2C%28b%29%7Cc%3Bd%3De')"],
    [`eq(name,"it's")`, `eq(name,"it%27s")`],
    [`eq(name,'say "x"')`, `eq(name,'say%20%22x%22')`],
    ["eq(name,'ü日')", "eq(name,'%C3%BC%E6%97%A5')"],
    ["gt(at,2020-01-01T00:00:00+00:00)", "gt(at,2020-01-01T00:00:00%2B00:00)"],
    ["ilike(name,*a b*)", "ilike(name,*a%20b*)"],
    ["ilike(name,'The\\**')", "ilike(name,'The%5C**')"],
    ["eq(a.b_c-d~e,x)", "eq(a.b_c-d~e,x)"],
  ];
  for (const [text, expected] of table) {
    test(text, () => {
      const encoded = encodeRqlForWire(text);
      assert.equal(encoded, expected);
      assert.equal(decodeURIComponent(encoded), text);
    });
  }
  test("each literal & is a top-level separator; decoding each piece gives the text back", () => {
    const text = "eq(a,'x&y')&and(b=1&c='2&3')&d=4";
    const encoded = encodeRqlForWire(text);
    const pieces = encoded.split("&");
    assert.deepEqual(pieces, ["eq(a,'x%26y')", "and(b=1%26c='2%263')", "d=4"]);
    assert.equal(pieces.map((p) => decodeURIComponent(p)).join("&"), text);
  });
  test("a lone surrogate throws", () => {
    assert.throws(() => encodeRqlForWire("eq(a,'\uD800')"), RQLError);
  });
});

describe("parseQueryString", () => {
  test("the Python-style query taken apart", () => {
    assert.deepEqual(
      parseQueryString(
        "limit=10&offset=20&order=-created,name&select=-audit,%2Bx&eq(status,'active')&render()",
      ),
      {
        limit: 10,
        offset: 20,
        order: "-created,name",
        select: "-audit,+x",
        filter: "eq(status,'active')",
        render: true,
      },
    );
  });
  test("filter pieces are decoded and joined with &; leading ? is ignored", () => {
    assert.deepEqual(parseQueryString("?a=1&eq(b,'x%26y')&and(c=1&d=2)"), {
      render: false,
      filter: "a=1&eq(b,'x&y')&and(c=1&d=2)",
    });
    assert.deepEqual(parseQueryString(""), { render: false, filter: "" });
    assert.deepEqual(parseQueryString("a=1&&"), { render: false, filter: "a=1" });
  });
  test("& inside literal quotes and parentheses does not split", () => {
    assert.equal(parseQueryString("eq(a,'x&limit=5')").filter, "eq(a,'x&limit=5')");
    assert.equal(parseQueryString("and(a=1&limit=5)").filter, "and(a=1&limit=5)");
    assert.equal(parseQueryString("eq(a,'x&limit=5')").limit, undefined);
  });
  test("a literal + decodes to a space (form rules); %2B to +", () => {
    assert.equal(parseQueryString("select=+audit").select, " audit");
    assert.equal(parseQueryString("select=%2Baudit").select, "+audit");
    assert.equal(
      parseQueryString("gt(at,2020-01-01T00:00:00+00:00)").filter,
      "gt(at,2020-01-01T00:00:00 00:00)",
    );
  });
  test("repeated select/order join with ','; a repeated or non-integer limit is invalid", () => {
    assert.equal(parseQueryString("select=a&select=b").select, "a,b");
    assert.throws(() => parseQueryString("limit=1&limit=2"), /Invalid limit value "1,2"/);
    assert.throws(() => parseQueryString("limit=abc"), /Invalid limit value/);
    assert.throws(() => parseQueryString("offset=-1"), /Invalid offset value/);
  });
  test("malformed percent-encoding throws", () => {
    assert.throws(() => parseQueryString("eq(a,'%zz')"), RQLError);
  });
  test("round trip with buildQueryString", () => {
    const filter = new RQLQuery("name")
      .eq(`it's & #+%, (x) ü`)
      .and(new RQLQuery("price.amount").gt(5), new RQLQuery("tags").in(["a;b", "c|d", 'say "hi"']))
      .toString();
    const raw = buildQueryString({
      limit: 5,
      offset: 10,
      order: ["-audit.created.at", "+name"],
      select: ["+audit", "-x"],
      filter,
      render: true,
    });
    const parsed = parseQueryString(raw);
    assert.deepEqual(parsed, {
      limit: 5,
      offset: 10,
      order: "-audit.created.at,+name",
      select: "+audit,-x",
      filter,
      render: true,
    });
    assert.ok(parseRQL(parsed.filter));
  });
});
