/** Credential fields the API answers with (`token`, `secret`, `password`) are masked in every output path unless --show-secrets. */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let created: { id: string; token: string };

const NOTICE = /^mpt: token masked in the output; add --show-secrets to print credentials$/m;

before(async () => {
  sb = await sandbox();
  const made = await mpt([
    ...sb.args,
    "accounts",
    "api-tokens",
    "create",
    "--data",
    '{"name":"ci"}',
    "--show-secrets",
    "-o",
    "json",
  ]);
  assert.equal(made.code, 0, made.stderr);
  assert.doesNotMatch(made.stderr, NOTICE);
  created = JSON.parse(made.stdout) as { id: string; token: string };
  assert.match(
    created.token,
    /^idt:TKN-\d{4}-\d{4}:[0-9a-f]{32}$/,
    "--show-secrets prints the bearer string",
  );
});
after(() => sb.close());

const tail = () => `****${created.token.slice(-4)}`;

describe("credential fields in output", () => {
  it("create, get, list, export and api mask the token in every format and say so once", async () => {
    const runs = await Promise.all([
      mpt([...sb.args, "accounts", "api-tokens", "create", "--data", '{"name":"ci2"}', "-o", "json"]),
      mpt([...sb.args, "accounts", "api-tokens", "get", created.id, "-o", "json"]),
      mpt([...sb.args, "accounts", "api-tokens", "get", created.id, "-o", "table"]),
      mpt([...sb.args, "accounts", "api-tokens", "list", "--filter", "eq(name,ci)", "-o", "csv"]),
      mpt([...sb.args, "accounts", "api-tokens", "list", "--all", "-o", "jsonl"]),
      mpt([...sb.args, "export", "accounts", "api-tokens", "--out", "-", "--format", "jsonl"]),
      mpt([...sb.args, "api", "GET", `/accounts/api-tokens/${created.id}`]),
      mpt([...sb.args, "api", "GET", "/accounts/api-tokens", "--paginate", "-o", "jsonl"]),
    ]);
    for (const [i, run] of runs.entries()) {
      assert.equal(run.code, 0, `run ${i}: ${run.stderr}`);
      assert.doesNotMatch(run.stdout, /idt:TKN-\d{4}-\d{4}:[0-9a-f]{32}/, `run ${i} printed a bearer token`);
      assert.equal(run.stderr.match(new RegExp(NOTICE.source, "gm"))?.length, 1, `run ${i}: ${run.stderr}`);
    }
    assert.match(runs[0]?.stdout ?? "", /"token": "\*\*\*\*[0-9a-f]{4}"/);
    for (const i of [1, 2, 3, 5, 6])
      assert.ok(runs[i]?.stdout.includes(tail()), `run ${i} shows the masked tail`);
  });

  it("--show-secrets prints the token on reads too, and records without credentials print no notice", async () => {
    const shown = await mpt([
      ...sb.args,
      "accounts",
      "api-tokens",
      "get",
      created.id,
      "--show-secrets",
      "-o",
      "json",
    ]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal((JSON.parse(shown.stdout) as { token: string }).token, created.token);
    const products = await mpt([...sb.args, "catalog", "products", "list", "--limit", "2", "-o", "json"]);
    assert.equal(products.code, 0, products.stderr);
    assert.doesNotMatch(products.stderr, /masked/);
  });
});
