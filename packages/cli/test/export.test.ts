/** `mpt export`: files in each format, progress bar only on a terminal, nested services, failures. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { jsonLines, mpt, sandbox, start, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let dir: string;

before(async () => {
  sb = await sandbox();
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-export-"));
});
after(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function count(path: string[], ...options: string[]): Promise<number> {
  const r = await mpt([...sb.args, ...path, "count", ...options]);
  assert.equal(r.code, 0, r.stderr);
  return Number(r.stdout);
}

describe("export", () => {
  it("writes JSONL without any progress output when stderr is not a terminal", async () => {
    const out = join(dir, "items.jsonl");
    const r = await mpt([...sb.args, "export", "catalog", "items", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, "");
    assert.equal(r.stdout, "");
    const records = jsonLines(readFileSync(out, "utf8"));
    assert.equal(records.length, await count(["catalog", "items"]));
    assert.ok(!existsSync(`${out}.partial`));
  });

  it("shows a progress bar with items, total, rate and ETA on a terminal", async () => {
    const out = join(dir, "products.csv");
    const r = await mpt(
      [...sb.args, "export", "catalog", "products", "--out", out, "--select", "id,name,status"],
      {
        env: { MPT_FORCE_TTY: "1" },
      },
    );
    assert.equal(r.code, 0, r.stderr);
    const total = await count(["catalog", "products"]);
    assert.match(
      r.stderr,
      new RegExp(`Exporting \\[[=-]+\\] 100% \\| ${total}/${total} items \\| \\d+/s \\| ETA \\d+s`),
    );
    assert.match(r.stderr, new RegExp(`Exported ${total} records to .*products\\.csv`));
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    assert.equal(lines[0], "id,name,status");
    assert.equal(lines.length, total + 1);
  });

  it("exports a filtered nested collection to JSON", async () => {
    const [product] = jsonLines(
      (await mpt([...sb.args, "catalog", "products", "list", "--limit", "1", "-o", "jsonl"])).stdout,
    );
    const id = String(product?.["id"]);
    const out = join(dir, "items.json");
    const r = await mpt([
      ...sb.args,
      "export",
      "catalog",
      "products",
      "items",
      id,
      "--filter",
      "eq(status,Published)",
      "--out",
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    const records = JSON.parse(readFileSync(out, "utf8")) as { status: string }[];
    assert.equal(
      records.length,
      await count(["catalog", "products", "items", id], "--filter", "eq(status,Published)"),
    );
    assert.ok(records.every((x) => x.status === "Published"));
  });

  it("reads with the streaming read mode: one request for the whole set", async () => {
    const out = join(dir, "streamed.jsonl");
    const r = await mpt([...sb.args, "--debug", "export", "commerce", "orders", "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.match(/^debug: GET /gm)?.length, 1, r.stderr);
    assert.equal(jsonLines(readFileSync(out, "utf8")).length, await count(["commerce", "orders"]));
  });

  it("falls back to pages when the server does not stream the collection", async () => {
    const id = sb.faults.add({
      path: "/public/v1/billing/invoices",
      kind: "status",
      status: 501,
      times: 1,
    })[0];
    try {
      const out = join(dir, "paged.jsonl");
      const r = await mpt([...sb.args, "--debug", "export", "billing", "invoices", "--out", out]);
      assert.equal(r.code, 0, r.stderr);
      const total = await count(["billing", "invoices"]);
      assert.equal(jsonLines(readFileSync(out, "utf8")).length, total);
      assert.ok((r.stderr.match(/^debug: GET /gm)?.length ?? 0) >= total / 100, r.stderr);
    } finally {
      sb.faults.clear(id);
    }
  });

  it("writes to stdout with --out - and a --format", async () => {
    const r = await mpt([...sb.args, "export", "catalog", "products", "--out", "-", "--format", "jsonl"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(jsonLines(r.stdout).length, await count(["catalog", "products"]));
  });

  it("rejects unknown services, missing ids, unknown formats and bad RQL (exit 2), leaving no file", async () => {
    const out = join(dir, "never.jsonl");
    for (const args of [
      ["export", "catalog", "nothing", "--out", out],
      ["export", "catalog", "products", "items", "--out", out],
      ["export", "catalog", "products", "--out", join(dir, "x.txt")],
      ["export", "catalog", "products", "--filter", "eq(", "--out", out],
    ]) {
      const r = await mpt([...sb.args, ...args]);
      assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    }
    assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
  });

  it("Ctrl+C stops an export with exit 130 and leaves no file behind", async () => {
    const big = await sandbox({ scale: 40 });
    try {
      const out = join(dir, "interrupted.jsonl");
      const run = start([...big.args, "export", "commerce", "orders", "--out", out], {
        env: { MPT_FORCE_TTY: "1" },
      });
      await run.waitFor("stderr", /Exporting .*[1-9]\d*\/\d+ items/);
      run.interrupt();
      const r = await run.done;
      assert.equal(r.code, 130, r.stderr);
      assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
    } finally {
      await big.close();
    }
  });
});
