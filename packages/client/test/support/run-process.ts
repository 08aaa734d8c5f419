/**
 * Child processes for tests: `runProcess` collects a command's exit code and output, and
 * `missingRuntime` is the one rule for a runtime that is not installed (fail in CI, skip with the
 * reason elsewhere).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `command` to its end. The environment is this process's plus `env`, without the test
 * runner's NODE_TEST_CONTEXT (a nested `node --test` would otherwise report to this runner).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<ProcessResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
  delete env["NODE_TEST_CONTEXT"];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A runtime the README promises is missing: a failure in CI (CI=true), a skip with the reason elsewhere. */
export function missingRuntime(t: { skip(message: string): void }, message: string): void {
  if (process.env["CI"] === "true" || process.env["CI"] === "1") {
    assert.fail(`${message} (CI=true: every runtime must run)`);
  }
  console.log(`# SKIPPED - ${message}`);
  t.skip(message);
}
