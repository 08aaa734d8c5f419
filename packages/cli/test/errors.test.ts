/** Exit codes and error reports of the built CLI, and help at every level. */
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, it } from "node:test";
import { mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;

before(async () => {
  sb = await sandbox();
});
after(() => sb.close());

/** A loopback port where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 9;
}

describe("exit codes", () => {
  it("404: exit 3 with status, title, detail and trace id on stderr", async () => {
    const r = await mpt([...sb.args, "catalog", "products", "get", "PRD-0000-0000"]);
    assert.equal(r.code, 3);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /^mpt: 404 Not Found/);
    assert.match(r.stderr, /trace id: \S+/);
    assert.ok(r.stderr.split("\n").length <= 6, r.stderr);
  });

  it("validation errors list the fields (exit 3)", async () => {
    const r = await mpt([
      ...sb.args,
      "catalog",
      "products",
      "create",
      "--data",
      JSON.stringify({ name: 42 }),
    ]);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /^mpt: 400 /);
    assert.match(r.stderr, /^ {2}\S.*: /m);
  });

  it("401 with a wrong token: exit 3, the token not echoed", async () => {
    const token = "wrong-token-0123456789abcdef";
    const r = await mpt(["--base-url", sb.url, "--token", token, "catalog", "products", "list"]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^mpt: 401 /);
    assert.ok(!r.stderr.includes(token) && !r.stdout.includes(token));
  });

  it("network errors: exit 4", async () => {
    const port = await closedPort();
    const r = await mpt([
      "--base-url",
      `http://127.0.0.1:${port}`,
      "--token",
      "t",
      "--retries",
      "0",
      "catalog",
      "items",
      "list",
    ]);
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /^mpt: .*connect/i);
  });

  it("usage errors: exit 2", async () => {
    const cases: string[][] = [
      ["catalog", "prodcts", "list"],
      ["catalog", "products", "list", "--no-such-option"],
      ["catalog", "products", "list", "--limit", "ten"],
      ["catalog", "products", "get"],
      ["catalog", "products", "create", "--data", "{not json"],
      ["catalog", "products", "create", "--data", "[1]"],
      ["catalog", "products", "list", "--all", "--limit", "5"],
      ["catalog", "products", "list", "--format", "xml"],
      [],
    ];
    const results = await Promise.all(cases.map((args) => mpt([...sb.args, ...args])));
    results.forEach((r, i) => {
      const args = cases[i]?.join(" ");
      assert.equal(r.code, 2, `${args}: ${r.stderr}`);
      assert.notEqual(r.stderr, "", args);
    });
  });

  it("missing configuration: exit 2 with a hint", async () => {
    const r = await mpt(["catalog", "products", "list"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no API base URL: pass --base-url, set MPT_API_BASE_URL/);
  });
});

describe("help", () => {
  it("lists what exists at every level, with examples (exit 0)", async () => {
    const levels: [string[], RegExp[]][] = [
      [["--help"], [/Resource groups:/, /catalog/, /export/, /Examples:/, /Exit codes:/]],
      [
        ["catalog", "--help"],
        [/Services:/, /price-lists/, /products/, /Examples:/],
      ],
      [
        ["catalog", "products", "--help"],
        [/list/, /update-settings/, /items <product-id>/, /Examples:/],
      ],
      [
        ["catalog", "products", "items", "--help"],
        [/Usage: mpt catalog products items <product-id> <command>/],
      ],
      [
        ["catalog", "products", "list", "--help"],
        [/--filter <rql>/, /--all/, /--format <format>/, /--sandbox/],
      ],
      [["accounts", "users", "set-password", "--help"], [/--password <value>/]],
      [["integration", "installations-token", "token", "--help"], [/--account-id <value>/]],
      [["help", "billing"], [/statements/]],
      [
        ["export", "--help"],
        [/--out <file>/, /progress bar/],
      ],
    ];
    const results = await Promise.all(levels.map(([args]) => mpt(args)));
    results.forEach((r, i) => {
      const [args, patterns] = levels[i] ?? [[], []];
      assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
      for (const p of patterns) assert.match(r.stdout, p, args.join(" "));
    });
  });

  it("suggests close names", async () => {
    const r = await mpt(["catalog", "products", "lst"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Did you mean list\?/);
  });
});
