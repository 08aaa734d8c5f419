/** `mpt api` (raw requests, --paginate) and `mpt whoami` (account and masked token), in-process against a sandbox. */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { jsonLines, mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let dir: string;

before(async () => {
  sb = await sandbox();
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-api-"));
});
after(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("mpt api", () => {
  it("GETs a path with or without /public/v1 and prints the JSON answer indented", async () => {
    const [short, full] = await Promise.all([
      mpt([...sb.args, "api", "GET", "/catalog/products?limit=2&select=-*,id"]),
      mpt([...sb.args, "api", "get", "/public/v1/catalog/products?limit=2&select=-*,id"]),
    ]);
    assert.equal(short.code, 0, short.stderr);
    assert.equal(short.stdout, full.stdout);
    assert.match(short.stdout, /^ {2}"\$meta": \{$/m);
    const page = JSON.parse(short.stdout) as { data: { id: string }[] };
    assert.equal(page.data.length, 2);
    assert.match(page.data[0]?.id ?? "", /^PRD-/);
  });

  it("sends --data as the JSON body (POST) and DELETEs with an empty answer", async () => {
    const created = await mpt([...sb.args, "api", "POST", "/catalog/products", "--data", '{"name":"Raw"}']);
    assert.equal(created.code, 0, created.stderr);
    const product = JSON.parse(created.stdout) as { id: string; name: string };
    assert.equal(product.name, "Raw");
    const removed = await mpt([...sb.args, "api", "DELETE", `/catalog/products/${product.id}`]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(removed.stdout, "");
    const gone = await mpt([...sb.args, "api", "GET", `/catalog/products/${product.id}`]);
    assert.equal(gone.code, 3);
    assert.match(gone.stderr, /^mpt: 404 /);
  });

  it("--paginate prints every record of a collection, keeping the query", async () => {
    const [all, count, filtered, filteredCount] = await Promise.all([
      mpt([...sb.args, "api", "GET", "/billing/invoices?select=-*,id", "--paginate", "-o", "jsonl"]),
      mpt([...sb.args, "billing", "invoices", "count"]),
      mpt([...sb.args, "api", "GET", "/catalog/products?eq(status,Published)&limit=1", "--paginate"]),
      mpt([...sb.args, "catalog", "products", "count", "--filter", "eq(status,Published)"]),
    ]);
    assert.equal(all.code, 0, all.stderr);
    const total = Number(count.stdout);
    assert.ok(total > 100, "more than one page");
    const ids = jsonLines(all.stdout).map((r) => r["id"]);
    assert.equal(ids.length, total);
    assert.equal(new Set(ids).size, total);
    const published = JSON.parse(filtered.stdout) as { status: string }[];
    assert.equal(published.length, Number(filteredCount.stdout));
    assert.ok(published.every((p) => p.status === "Published"));
  });

  it("refuses bad methods, relative paths and --paginate without GET or a collection (exit 2)", async () => {
    const cases = [
      ["api", "FETCH", "/catalog/products"],
      ["api", "GET", "catalog/products"],
      ["api", "POST", "/catalog/products", "--paginate"],
      ["api", "POST", "/catalog/products", "--data", "{oops"],
    ];
    const results = await Promise.all(cases.map((args) => mpt([...sb.args, ...args])));
    results.forEach((r, i) => {
      assert.equal(r.code, 2, `${cases[i]?.join(" ")}: ${r.stderr}`);
      assert.match(r.stderr, /^mpt: /);
    });
    const product = JSON.parse(
      (await mpt([...sb.args, "api", "GET", "/catalog/products?limit=1"])).stdout,
    ) as {
      data: { id: string }[];
    };
    const one = await mpt([
      ...sb.args,
      "api",
      "GET",
      `/catalog/products/${product.data[0]?.id}`,
      "--paginate",
    ]);
    assert.equal(one.code, 2);
    assert.match(one.stderr, /is not a collection/);
  });
});

describe("mpt whoami", () => {
  it("names the account behind an API token and where the token came from, masked", async () => {
    const r = await mpt([...sb.args, "whoami", "-o", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const me = JSON.parse(r.stdout) as Record<string, unknown> & { account: { type: string; name: string } };
    assert.equal(me["baseUrl"], sb.url);
    assert.equal(me["tokenFrom"], "--token");
    assert.equal(me["token"], `****${sb.token.slice(-4)}`);
    assert.equal(me["tokenId"], sb.token.split(":")[1]);
    assert.equal(me["tokenStatus"], "Active");
    assert.equal(me.account.type, "Operations");
    assert.ok(!r.stdout.includes(sb.token) && !r.stderr.includes(sb.token));
  });

  it("reports the current profile, and the claims of a JWT without sending it anywhere", async () => {
    const config = join(dir, "config.json");
    writeFileSync(
      config,
      JSON.stringify({ current: "sb", profiles: { sb: { baseUrl: sb.url, token: sb.token } } }),
    );
    const fromProfile = await mpt(["whoami", "-o", "json"], { env: { MPT_CONFIG: config } });
    assert.equal(fromProfile.code, 0, fromProfile.stderr);
    assert.equal((JSON.parse(fromProfile.stdout) as { tokenFrom: string }).tokenFrom, "current profile sb");

    const claims = {
      "https://claims.softwareone.com/accountId": "ACC-1234-5678",
      "https://claims.softwareone.com/userId": "USR-1234-5678",
      exp: 2_000_000_000,
    };
    const jwt = ["{}", JSON.stringify(claims), "signature"]
      .map((part) => Buffer.from(part).toString("base64url"))
      .join(".");
    const r = await mpt(["whoami", "-o", "json"], {
      env: { MPT_API_BASE_URL: "http://127.0.0.1:9", MPT_API_TOKEN: jwt },
    });
    assert.equal(r.code, 0, r.stderr);
    const me = JSON.parse(r.stdout) as Record<string, unknown>;
    assert.deepEqual(me["account"], { id: "ACC-1234-5678" });
    assert.equal(me["user"], "USR-1234-5678");
    assert.equal(me["tokenFrom"], "MPT_API_TOKEN");
    assert.equal(me["expires"], "2033-05-18T03:33:20.000Z");
    assert.ok(!r.stdout.includes(jwt));
  });

  it("a token the API refuses: exit 3, token not echoed", async () => {
    const token = "idt:TKN-0000-0000:not-a-real-secret-value";
    const r = await mpt(["--base-url", sb.url, "--token", token, "whoami"]);
    assert.equal(r.code, 3, r.stderr);
    assert.ok(!r.stderr.includes(token));
  });
});
