/** Profiles in a temporary MPT_CONFIG, the precedence of flags, environment and profiles, and secrecy of tokens. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let dir: string;
const DEAD = "http://127.0.0.1:9";

before(async () => {
  sb = await sandbox();
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-config-"));
});
after(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(name: string, extra: Record<string, string> = {}) {
  return { MPT_CONFIG: join(dir, name, "config.json"), ...extra };
}

function assertNoToken(text: string, token: string) {
  assert.ok(!text.includes(token), `token leaked in: ${text}`);
}

describe("config", () => {
  it("set, list (masked), use, remove; the file is private", async () => {
    const e = env("a");
    const set = await mpt(["config", "set", "sandbox", "--base-url", sb.url, "--token", sb.token], {
      env: e,
    });
    assert.equal(set.code, 0, set.stderr);
    assertNoToken(set.stdout + set.stderr, sb.token);
    const path = e.MPT_CONFIG;
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal((JSON.parse(readFileSync(path, "utf8")) as { current: string }).current, "sandbox");

    const other = await mpt(["config", "set", "other", "--base-url", DEAD, "--token", "-"], {
      env: e,
      input: "other-secret-token-value\n",
    });
    assert.equal(other.code, 0, other.stderr);

    const list = await mpt(["config", "list", "-o", "json"], { env: e });
    assert.equal(list.code, 0, list.stderr);
    const rows = JSON.parse(list.stdout) as { name: string; current: string; token: string }[];
    assert.deepEqual(
      rows.map((r) => [r.name, r.current]),
      [
        ["sandbox", "*"],
        ["other", ""],
      ],
    );
    assert.match(rows[1]?.token ?? "", /^\*{4}alue$/);
    assertNoToken(list.stdout, sb.token);
    assertNoToken(list.stdout, "other-secret-token-value");
    const table = await mpt(["config", "list"], { env: { ...e, MPT_FORCE_TTY: "1" } });
    assert.match(table.stdout, /^current\s+name\s+baseUrl\s+token$/m);
    assertNoToken(table.stdout, sb.token);

    // the current profile is used
    const count = await mpt(["catalog", "products", "count"], { env: e });
    assert.equal(count.code, 0, count.stderr);
    assert.match(count.stdout, /^\d+\n$/);

    const use = await mpt(["config", "use", "other"], { env: e });
    assert.equal(use.code, 0);
    const dead = await mpt(["--retries", "0", "catalog", "products", "count"], { env: e });
    assert.equal(dead.code, 4, dead.stderr);
    assertNoToken(dead.stderr, "other-secret-token-value");

    assert.equal((await mpt(["config", "use", "nope"], { env: e })).code, 2);
    assert.equal((await mpt(["config", "remove", "other"], { env: e })).code, 0);
    const left = JSON.parse((await mpt(["config", "list", "-o", "json"], { env: e })).stdout) as unknown[];
    assert.equal(left.length, 1);
  });

  it("precedence: flags, then --profile, then environment, then the current profile", async () => {
    const e = env("b");
    mkdirSync(join(dir, "b"));
    const profiles = {
      good: { baseUrl: sb.url, token: sb.token },
      bad: { baseUrl: DEAD, token: "bad-token-0123456789" },
    };
    writeFileSync(e.MPT_CONFIG, JSON.stringify({ current: "bad", profiles }), { mode: 0o600 });
    const count = ["--retries", "0", "catalog", "products", "count"];
    const [fromEnv, fromProfile, fromFlags, flagAfter, missing] = await Promise.all([
      // the current profile (bad) loses to the environment
      mpt(count, { env: { ...e, MPT_API_BASE_URL: sb.url, MPT_API_TOKEN: sb.token } }),
      // the environment loses to --profile
      mpt(["--profile", "good", ...count], {
        env: { ...e, MPT_API_BASE_URL: DEAD, MPT_API_TOKEN: "env-token-0123456789" },
      }),
      // --profile loses to flags
      mpt(["--profile", "bad", "--base-url", sb.url, "--token", sb.token, ...count], {
        env: { ...e, MPT_API_BASE_URL: DEAD },
      }),
      // flags after the command work too
      mpt([...count, "--base-url", DEAD], { env: { ...e, MPT_API_TOKEN: sb.token } }),
      mpt(["--profile", "missing", ...count], { env: e }),
    ]);
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assert.equal(fromProfile.code, 0, fromProfile.stderr);
    assert.equal(fromFlags.code, 0, fromFlags.stderr);
    assert.equal(flagAfter.code, 4, flagAfter.stderr);
    assert.equal(missing.code, 2, missing.stderr);
  });

  it("never prints the token, not even with --debug or on errors", async () => {
    const outputs = await Promise.all([
      mpt([...sb.args, "--debug", "catalog", "products", "list", "--limit", "1"]),
      mpt([...sb.args, "catalog", "products", "get", "PRD-0000-0000"]),
      mpt([
        "--base-url",
        DEAD,
        "--token",
        sb.token,
        "--retries",
        "0",
        "--debug",
        "catalog",
        "products",
        "list",
      ]),
      mpt(["catalog", "products", "list", "--base-url", "not a url", "--token", sb.token]),
    ]);
    for (const r of outputs) {
      assert.notEqual(r.stderr, "");
      assertNoToken(r.stdout + r.stderr, sb.token);
    }
  });
});
