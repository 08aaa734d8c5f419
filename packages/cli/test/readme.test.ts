/**
 * Every `sh` block of packages/cli/README.md runs as written, each block as one bash script
 * (`set -euo pipefail`) in its own temporary directory. `mpt` runs the CLI in this process
 * through shell-bridge.ts (one Node process per command would cost half a second each); the real
 * binary is covered by bin.test.ts and examples/cli-script.sh.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { type ShellBridge, shellBridge } from "./shell-bridge.js";

const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");
const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
let dir: string;
let bridge: ShellBridge;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-readme-"));
  bridge = await shellBridge();
});
after(async () => {
  await bridge.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("README examples", () => {
  it("has runnable examples", () => {
    assert.ok(blocks.length >= 10, `found ${blocks.length} sh blocks`);
  });

  it("runs every sh block successfully", async () => {
    const results = await Promise.all(
      blocks.map((block, i) => {
        const cwd = mkdtempSync(join(dir, `block-${i}-`));
        return bridge.bash(block, cwd, { MPT_CONFIG: join(cwd, "config.json") });
      }),
    );
    for (const [i, r] of results.entries()) {
      assert.equal(r.code, 0, `block ${i}:\n${blocks[i]}\n--- output ---\n${r.output}`);
    }
  });
});
