/**
 * Test helpers: build the CLI when its dist is missing or older than its sources (and the client
 * and sandbox when theirs is missing), run `node packages/cli/dist/bin.js` as a user would, and
 * start a sandbox.
 */
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunningSandbox } from "mpt-sandbox";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const BIN = join(root, "packages", "cli", "dist", "bin.js");

/** `always`: rebuilt when missing or older than its sources; the others only when missing (`npm test` builds them first). */
const PACKAGES = [
  { dir: "client", entry: "dist/index.js", always: false },
  { dir: "sandbox", entry: "dist/index.js", always: false },
  { dir: "cli", entry: "dist/bin.js", always: true },
];

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function stale(dir: string, entry: string, always: boolean): boolean {
  const pkg = join(root, "packages", dir);
  const out = join(pkg, entry);
  if (!existsSync(out)) return true;
  if (!always) return false;
  const sources = Math.max(newest(join(pkg, "src")), newest(join(pkg, "package.json")));
  return sources > statSync(out).mtimeMs;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds the stale packages (client, sandbox, cli, in that order), one test process at a time. */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), "mpt-cli-test-build.lock");
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) break;
      await sleep(200);
    }
  }
  try {
    for (const { dir, entry, always } of PACKAGES) {
      if (!stale(dir, entry, always)) continue;
      const result = spawnSync("npx", ["tsup"], { cwd: join(root, "packages", dir), encoding: "utf8" });
      if (result.status !== 0)
        throw new Error(`building packages/${dir} failed:\n${result.stdout}${result.stderr}`);
    }
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // another process timed out and went ahead
    }
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

/** Environment without the caller's MPT settings, so tests see only what they pass. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith("MPT_") && k !== "NODE_OPTIONS") env[k] = v;
  env["MPT_CONFIG"] = join(tmpdir(), "mpt-cli-test-no-config.json");
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  /** stderr so far. */
  stderr(): string;
  readonly done: Promise<CliResult>;
}

/** Starts the built CLI (never blocking the event loop, so an in-process sandbox can answer). */
export function start(args: readonly string[], options: RunOptions = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: cleanEnv(options.env ?? {}),
    cwd: options.cwd ?? root,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  child.stdin.end(options.input ?? "");
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr }));
  });
  return { child, stderr: () => stderr, done };
}

/** Runs the built CLI to the end. */
export function mpt(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return start(args, options).done;
}

/** Lines of JSONL output, parsed. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

export interface TestSandbox {
  url: string;
  token: string;
  /** `--base-url <url> --token <token>` for the CLI. */
  args: string[];
  /** Switchable faults of the sandbox (`faults.add({ path, kind: "status", status: 501, times: 1 })`). */
  faults: RunningSandbox["faults"];
  close(): Promise<void>;
}

/** A sandbox on loopback for the CLI to talk to (operations token: sees everything). */
export async function sandbox(options: { scale?: number } = {}): Promise<TestSandbox> {
  const { startSandbox } = await import("mpt-sandbox");
  const sb = await startSandbox({ port: 0, ...options });
  const token = sb.tokens.operations;
  return {
    url: sb.url,
    token,
    args: ["--base-url", sb.url, "--token", token],
    faults: sb.faults,
    close: () => sb.close(),
  };
}
