/** `parseSelect` and `parseOrder` as mpt-rql-net reads `select=` and `order=`. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { RQLError } from "../../src/errors.js";
import { parseOrder, parseSelect } from "../../src/rql/index.js";

describe("parseSelect", () => {
  const inc = (path: string) => ({ path, include: true });
  const exc = (path: string) => ({ path, include: false });
  const table: Array<[string, ReturnType<typeof inc>[]]> = [
    ["", []],
    ["id", [inc("id")]],
    ["+audit", [inc("audit")]],
    [" audit", [inc("audit")]], // a URL-decoded `+`
    ["-audit", [exc("audit")]],
    ["-*,id,status", [exc("*"), inc("id"), inc("status")]],
    ["-*,+id,+name", [exc("*"), inc("id"), inc("name")]],
    ["+subscriptions.id,+subscriptions.name", [inc("subscriptions.id"), inc("subscriptions.name")]],
    [
      "-agreement.subscriptions,agreement,lines.item",
      [exc("agreement.subscriptions"), inc("agreement"), inc("lines.item")],
    ],
    [
      "-audit,product.agreements,-product.agreements.product",
      [exc("audit"), inc("product.agreements"), exc("product.agreements.product")],
    ],
    ["id,sub(*,-id),-id", [inc("id"), inc("sub"), inc("sub.*"), exc("sub.id"), exc("id")]], // rql-net
    ["id,-*", [inc("id"), exc("*")]], // rql-net
    ["(a,b)", [inc("a"), inc("b")]],
    ["'a'", [inc("a")]],
  ];
  for (const [text, expected] of table) {
    test(JSON.stringify(text), () => assert.deepEqual(parseSelect(text), expected));
  }
  test("errors", () => {
    assert.throws(() => parseSelect("a=b"), /'=' at position 1 is not allowed/);
    assert.throws(() => parseSelect("a,-"), /Invalid select entry "-"/);
    assert.throws(() => parseSelect("a,(b"), RQLError);
  });
});

describe("parseOrder", () => {
  const asc = (path: string) => ({ path, descending: false });
  const desc = (path: string) => ({ path, descending: true });
  const table: Array<[string, ReturnType<typeof asc>[]]> = [
    ["", []],
    ["name", [asc("name")]],
    ["-audit.created.at,name", [desc("audit.created.at"), asc("name")]],
    ["+name", [asc("name")]],
    [" name", [asc("name")]],
    ["-created,name", [desc("created"), asc("name")]],
    ["(a,-b)", [asc("a"), desc("b")]],
    ["a,eq(b,c)", [asc("a")]], // non-words are ignored, as MPT does
  ];
  for (const [text, expected] of table) {
    test(JSON.stringify(text), () => assert.deepEqual(parseOrder(text), expected));
  }
  test("no valid key -> No valid ordering properties were detected", () => {
    for (const text of ["()", "eq(a,b)", ","]) {
      assert.throws(() => parseOrder(text), {
        name: "RQLError",
        message: "No valid ordering properties were detected",
      });
    }
  });
  test("a sign without a path -> Invalid property path.", () => {
    assert.throws(() => parseOrder("-"), { name: "RQLError", message: "Invalid property path." });
  });
});
