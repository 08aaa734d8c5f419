/**
 * Every `sh` block of packages/cli/README.md runs as written (with `mpt` being the built CLI), each
 * block as one bash script (`set -euo pipefail`) in its own temporary directory.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { BIN } from "./helpers.js";

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-readme-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function bash(script: string, cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env))
      if (!k.startsWith("MPT_") && k !== "NODE_OPTIONS") env[k] = v;
    env["MPT_CONFIG"] = join(cwd, "config.json");
    const child = spawn(
      "bash",
      ["-c", `set -euo pipefail\nmpt() { node ${JSON.stringify(BIN)} "$@"; }\n${script}`],
      {
        cwd,
        env,
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

describe("README examples", () => {
  it("has runnable examples", () => {
    assert.ok(blocks.length >= 10, `found ${blocks.length} sh blocks`);
  });

  it("runs every sh block successfully", async () => {
    const results = await Promise.all(
      blocks.map((block, i) => bash(block, mkdtempSync(join(dir, `block-${i}-`)))),
    );
    for (const [i, r] of results.entries()) {
      assert.equal(r.code, 0, `block ${i}:\n${blocks[i]}\n--- output ---\n${r.output}`);
    }
  });
});
