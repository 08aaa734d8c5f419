/**
 * Smoke tests of the real executable (everything else runs in-process): the committed bin shim
 * as npm links it (`npx mpt`), its message when dist/ is missing outside the repository, Ctrl+C
 * (SIGINT) during an export, `mpt ... | head` ending quietly, and bash completion.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { BIN, ROOT, sandbox, spawnBin, type TestSandbox } from "./helpers.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "packages", "cli", "package.json"), "utf8")) as {
  version: string;
  bin: { mpt: string };
};
let sb: TestSandbox;
let dir: string;

before(async () => {
  sb = await sandbox({ scale: 40 });
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-bin-"));
});
after(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the mpt executable", () => {
  it("is the committed shim, linked by npm ci as node_modules/.bin/mpt (npx mpt)", () => {
    assert.equal(join(ROOT, "packages", "cli", pkg.bin.mpt), BIN);
    const link = join(ROOT, "node_modules", ".bin", "mpt");
    assert.ok(existsSync(link), "node_modules/.bin/mpt: run npm ci (or npm install)");
    assert.equal(realpathSync(link), realpathSync(BIN));
    const r = spawnSync(link, ["--version"], { cwd: ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  });

  it("outside the repository, a missing dist/ is reported as a broken install", () => {
    const copy = join(dir, "installed", "bin", "mpt.js");
    mkdirSync(join(dir, "installed", "bin"), { recursive: true });
    copyFileSync(BIN, copy);
    const r = spawnSync(process.execPath, [copy, "--help"], { encoding: "utf8" });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /dist\/bin\.js is missing; reinstall mpt-cli/);
    assert.equal(r.stdout, "");
  });

  it("Ctrl+C (SIGINT) stops an export with exit 130 and leaves no file behind", async () => {
    const out = join(dir, "interrupted.jsonl");
    const run = spawnBin([...sb.args, "export", "commerce", "orders", "--out", out], {
      env: { MPT_FORCE_TTY: "1" },
    });
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/Exporting .*[1-9]\d*\/\d+ items/.test(run.stderr())) {
          run.child.stderr.off("data", check);
          resolve();
        }
      };
      run.child.stderr.on("data", check);
      run.child.on("close", () => reject(new Error(`the export ended before Ctrl+C:\n${run.stderr()}`)));
    });
    run.child.kill("SIGINT");
    const r = await run.done;
    assert.equal(r.code, 130, r.stderr);
    assert.ok(!existsSync(out) && !existsSync(`${out}.partial`));
  });

  it("`mpt ... | head` ends quietly when the reader goes away", async () => {
    // async: the sandbox answering the command lives in this process
    const script = `set -o pipefail; node ${JSON.stringify(BIN)} ${sb.args.join(" ")} commerce orders list --all -o jsonl | head -n 2`;
    const child = spawn("bash", ["-c", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const [code] = (await once(child, "close")) as [number | null];
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trimEnd().split("\n").length, 2);
    assert.equal(stderr, "");
  });

  it("the bash completion script completes through the executable", async () => {
    const script = [
      `mpt() { node ${JSON.stringify(BIN)} "$@"; }`,
      "source <(mpt completion bash)",
      "COMP_WORDS=(mpt catalog products li); COMP_CWORD=3; _mpt_complete",
      `printf '%s\\n' "\${COMPREPLY[@]}"`,
    ].join("\n");
    const child = spawn("bash", ["-c", script], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    const [code] = (await once(child, "close")) as [number | null];
    assert.equal(code, 0);
    assert.deepEqual(stdout.trim().split("\n"), ["list"]);
  });
});
