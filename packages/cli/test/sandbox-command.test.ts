/**
 * `mpt sandbox`: starts the emulator, prints its URL and tokens as JSON, serves the user's own
 * fixtures, and refuses an invalid fixtures file with a usage error (exit 2).
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { mpt, start } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "mpt-cli-fixtures-"));

test("mpt sandbox --fixtures serves the user's data", async () => {
  const file = join(dir, "fixtures.json");
  writeFileSync(
    file,
    JSON.stringify({
      seed: "none",
      accounts: [{ id: "ACC-1111-2222", name: "Acme Vendor", type: "Vendor" }],
      objects: {
        "catalog/products": [
          { id: "PRD-1111-2222", name: "Acme Anvil", status: "Published", vendor: { id: "ACC-1111-2222" } },
        ],
      },
    }),
  );
  const running = start(["sandbox", "--fixtures", file, "--json"]);
  try {
    const line = (await running.waitFor("stdout", /\n/)).split("\n")[0] ?? "";
    const { url, tokens } = JSON.parse(line) as {
      url: string;
      tokens: { operations: string };
    };
    const listed = await mpt([
      "--base-url",
      url,
      "--token",
      tokens.operations,
      "catalog",
      "products",
      "list",
      "-o",
      "jsonl",
    ]);
    assert.equal(listed.code, 0, listed.stderr);
    const products = listed.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: string; name: string });
    assert.deepEqual(
      products.map((p) => [p.id, p.name]),
      [["PRD-1111-2222", "Acme Anvil"]],
    );
  } finally {
    running.interrupt();
    assert.equal((await running.done).code, 130, "stopped by Ctrl+C");
  }
});

test("mpt sandbox --fixtures with an invalid document is a usage error naming the record", async () => {
  const file = join(dir, "bad.json");
  writeFileSync(file, JSON.stringify({ seed: "none", objects: { "catalog/products": [{ name: "no id" }] } }));
  const result = await mpt(["sandbox", "--fixtures", file]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /catalog\/products/);
  assert.match(result.stderr, /nothing was loaded/);
});
