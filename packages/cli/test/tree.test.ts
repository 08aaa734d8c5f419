/** The command tree generated from the catalogue (unit level: no process, no network). */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { listServices } from "mpt-api-client";
import { kebab } from "../src/names.js";
import { subcommandNames, usagePath, verbsOf, walkServicePath } from "../src/tree.js";

describe("command tree", () => {
  it("gives every service unique kebab-case command names", () => {
    for (const entry of listServices()) {
      const verbs = verbsOf(entry.def).map((v) => v.command);
      const children = Object.keys(entry.def.children ?? {}).map(kebab);
      const all = [...verbs, ...children];
      assert.equal(
        new Set(all).size,
        all.length,
        `${entry.group}.${entry.names.join(".")}: ${all.join(" ")}`,
      );
      for (const name of all) assert.match(name, /^[a-z][a-z0-9-]*$/);
    }
  });

  it("names services and actions in kebab case", () => {
    assert.equal(kebab("priceLists"), "price-lists");
    assert.equal(kebab("updateSettings"), "update-settings");
    assert.equal(kebab("installationsToken"), "installations-token");
    assert.equal(kebab("account.id"), "account-id");
    assert.ok(
      subcommandNames(listServices().find((e) => e.names.join(".") === "products")!.def).has(
        "update-settings",
      ),
    );
  });

  it("reads nested service paths and their ids from the command line", () => {
    const argv = ["catalog", "products", "terms", "PRD-1", "variants", "TCS-2", "list", "--all"];
    const walk = walkServicePath("catalog", argv, 1);
    assert.deepEqual(walk.node?.names, ["products", "terms", "variants"]);
    assert.deepEqual(walk.ids, ["PRD-1", "TCS-2"]);
    assert.deepEqual(walk.idIndexes, [3, 5]);
    assert.equal(argv[walk.end], "list");
    assert.equal(usagePath(walk.node!), "catalog products terms <product-id> variants <term-id>");
  });

  it("stops at a missing id instead of taking a command or option for it", () => {
    for (const next of ["list", "--help", "help"]) {
      const walk = walkServicePath("catalog", ["catalog", "products", "items", next], 1);
      assert.deepEqual(walk.node?.names, ["products", "items"]);
      assert.deepEqual(walk.ids, []);
    }
  });

  it("takes the ids of method accessors (notifications accounts <account-id> <category-id>)", () => {
    const walk = walkServicePath("notifications", ["notifications", "accounts", "ACC-1", "NTC-2", "list"], 1);
    assert.deepEqual(walk.ids, ["ACC-1", "NTC-2"]);
    assert.deepEqual(
      verbsOf(walk.node!.def).map((v) => v.command),
      ["list", "count"],
    );
  });
});
