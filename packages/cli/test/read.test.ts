/** Listing and reading through the built CLI: every output format, paging, filters, nested services. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { jsonLines, mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let productId: string;
const TTY = { MPT_FORCE_TTY: "1", COLUMNS: "160" };
const products = (...args: string[]) => [...sb.args, "catalog", "products", ...args];

before(async () => {
  sb = await sandbox();
  productId = String(
    jsonLines((await mpt(products("list", "--limit", "1", "-o", "jsonl"))).stdout)[0]?.["id"],
  );
});
after(() => sb.close());

describe("list", () => {
  it("prints JSON when stdout is not a terminal", async () => {
    const r = await mpt(products("list", "--limit", "3"));
    assert.equal(r.code, 0, r.stderr);
    const records = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(records.length, 3);
    assert.match(String(records[0]?.["id"]), /^PRD-/);
    assert.equal(r.stderr, "");
  });

  it("prints a table with id, name, status and referenced names on a terminal", async () => {
    const r = await mpt(products("list", "--limit", "4"), { env: TTY });
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 5);
    assert.match(lines[0] ?? "", /^id\s+name\s+status\s+vendor\.name/);
    assert.match(lines[1] ?? "", /^PRD-\d{4}-\d{4}\s/);
    assert.match(r.stderr, /Showing 1-4 of \d+\. Next page: --offset 4, or --all\./);
  });

  it("uses the unsigned --select fields as table and CSV columns", async () => {
    const [table, csv] = await Promise.all([
      mpt(products("list", "--limit", "2", "--select", "id,vendor.name"), { env: TTY }),
      mpt(products("list", "--limit", "2", "-o", "csv", "--select", "-*,id,name")),
    ]);
    assert.match(table.stdout.split("\n")[0] ?? "", /^id\s+vendor\.name$/);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = csv.stdout.trimEnd().split("\n");
    assert.equal(rows[0], "id,name");
    assert.equal(rows.length, 3);
  });

  it("writes CSV with a header of every field and quoted values", async () => {
    const r = await mpt(products("list", "--limit", "5", "--format", "csv"));
    assert.equal(r.code, 0, r.stderr);
    const [header] = r.stdout.split("\n");
    assert.ok(header?.startsWith("id,"), header);
    assert.ok(header?.includes("vendor.name"), header);
  });

  it("writes JSONL, one record per line, and honours --offset", async () => {
    const [first, second] = await Promise.all([
      mpt(products("list", "--limit", "6", "-o", "jsonl")),
      mpt(products("list", "--limit", "3", "--offset", "3", "-o", "jsonl")),
    ]);
    const all = jsonLines(first.stdout);
    assert.equal(all.length, 6);
    assert.deepEqual(
      jsonLines(second.stdout).map((p) => p["id"]),
      all.slice(3).map((p) => p["id"]),
    );
  });

  it("--all pages through every record: as many as count", async () => {
    const [count, all] = await Promise.all([
      mpt([...sb.args, "billing", "invoices", "count"]),
      mpt([...sb.args, "billing", "invoices", "list", "--all", "-o", "jsonl"]),
    ]);
    assert.equal(count.code, 0, count.stderr);
    const total = Number(count.stdout.trim());
    assert.ok(total > 300, `need several pages of invoices, got ${total}`);
    assert.equal(all.code, 0, all.stderr);
    const records = jsonLines(all.stdout);
    assert.equal(records.length, total);
    assert.equal(new Set(records.map((r) => r["id"])).size, total);
  });

  it("filters and orders with RQL", async () => {
    const filter = ["--filter", "eq(status,Published)"];
    const [r, count] = await Promise.all([
      mpt(products("list", ...filter, "--order", "-name", "-o", "jsonl")),
      mpt(products("count", ...filter)),
    ]);
    assert.equal(r.code, 0, r.stderr);
    const records = jsonLines(r.stdout);
    assert.ok(records.length > 0);
    assert.ok(records.every((p) => p["status"] === "Published"));
    const names = records.map((p) => String(p["name"]));
    assert.deepEqual(names, [...names].sort().reverse());
    assert.equal(Number(count.stdout), records.length);
  });

  it("rejects invalid RQL with exit 2 before any request", async () => {
    // a base URL where nothing listens: a request would fail with exit 4, not 2
    const dead = ["--base-url", "http://127.0.0.1:9", "--token", "t"];
    const r = await mpt([...dead, "catalog", "products", "list", "--filter", "eq(status,Published"]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^mpt: invalid RQL: /);
    assert.equal(r.stdout, "");
  });

  it("an empty page prints [] as JSON and nothing as a table", async () => {
    const none = products("list", "--filter", "eq(name,no-such-product)");
    const [json, table] = await Promise.all([mpt(none), mpt(none, { env: TTY })]);
    assert.equal(json.stdout, "[]\n");
    assert.equal(table.stdout, "");
    assert.match(table.stderr, /No records of 0\./);
  });
});

describe("get and nested services", () => {
  it("shows one record as field/value lines on a terminal and as JSON otherwise", async () => {
    const [table, json, line] = await Promise.all([
      mpt(products("get", productId), { env: TTY }),
      mpt(products("get", productId, "--format", "json")),
      mpt(products("get", productId, "-o", "jsonl")),
    ]);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`^id\\s+${productId}$`, "m"));
    assert.match(table.stdout, /^vendor\.name\s+\S/m);
    assert.equal((JSON.parse(json.stdout) as { id: string }).id, productId);
    assert.equal(line.stdout.trimEnd().split("\n").length, 1);
  });

  it("lists a nested service with its parent id", async () => {
    const r = await mpt(products("items", productId, "list", "-o", "jsonl"));
    assert.equal(r.code, 0, r.stderr);
    const items = jsonLines(r.stdout);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => (i["product"] as { id: string }).id === productId));
  });

  it("asks for a missing parent id (exit 2)", async () => {
    const r = await mpt(products("items", "list"));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing <product-id>: mpt catalog products items <product-id> list/);
  });
});
