/**
 * Test helpers: run `mpt` in-process through `run(argv, runtime)` with captured streams (the
 * way almost every test does), run the built binary for the few smoke tests that need a real
 * process (signals, the bin shim, bash scripts), and start a sandbox. Nothing here builds:
 * `npm test` builds before it runs the tests.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { RunningSandbox } from "mpt-sandbox";
import { run } from "../src/main.js";
import { isTerminal, type Runtime } from "../src/runtime.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The committed `mpt` bin shim (it loads dist/bin.js). */
export const BIN = join(ROOT, "packages", "cli", "bin", "mpt.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  cwd?: string;
}

/** Only what the test passes (and a config path where no file exists), never the caller's MPT settings. */
function testEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { MPT_CONFIG: join(tmpdir(), "mpt-cli-test-no-config.json") };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

interface Capture {
  readonly stream: Writable;
  text(): string;
  /** What was written, byte for byte (downloads to stdout are binary). */
  bytes(): Buffer;
  /** Resolves with the text once it matches `pattern`; rejects when `ended` settles first. */
  match(pattern: RegExp, ended: Promise<unknown>): Promise<string>;
}

/** A writable stream that keeps what is written as text and tells waiters about each write. */
function capture(): Capture {
  let text = "";
  const chunks: Buffer[] = [];
  const waiters = new Set<() => void>();
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      text += chunk.toString();
      for (const waiter of waiters) waiter();
      callback();
    },
  });
  const match = (pattern: RegExp, ended: Promise<unknown>) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(text)) return;
        waiters.delete(check);
        resolve(text);
      };
      waiters.add(check);
      check();
      void ended.then(() => {
        if (waiters.delete(check))
          reject(new Error(`the command ended without printing ${pattern}:\n${text}`));
      });
    });
  return { stream, text: () => text, bytes: () => Buffer.concat(chunks), match };
}

export interface Running {
  /** Ctrl+C: aborts the command's signal, as the bin does on SIGINT. */
  interrupt(): void;
  /** stderr so far. */
  stderr(): string;
  /** stdout or stderr so far, byte for byte. */
  bytes(stream: "stdout" | "stderr"): Buffer;
  /** Resolves with all of stdout (or stderr) once it matches `pattern` (no polling, no timers). */
  waitFor(stream: "stdout" | "stderr", pattern: RegExp): Promise<string>;
  readonly done: Promise<CliResult>;
}

/** Starts one command line in this process; the terminal is simulated from `MPT_FORCE_TTY` and `COLUMNS`. */
export function start(args: readonly string[], options: RunOptions = {}): Running {
  const env = testEnv(options.env ?? {});
  const stdout = capture();
  const stderr = capture();
  const interrupt = new AbortController();
  const rt: Runtime = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from([Buffer.from(options.input ?? "")]),
    env,
    stdoutIsTTY: isTerminal(env, false),
    stderrIsTTY: isTerminal(env, false),
    columns: Number(env["COLUMNS"]) || 120,
    secrets: new Set(),
    signal: interrupt.signal,
    cwd: options.cwd ?? ROOT,
  };
  const done = run(args, rt).then((code) => ({ code, stdout: stdout.text(), stderr: stderr.text() }));
  return {
    interrupt: () => interrupt.abort(new Error("interrupted")),
    stderr: stderr.text,
    bytes: (stream) => (stream === "stdout" ? stdout : stderr).bytes(),
    waitFor: (stream, pattern) => (stream === "stdout" ? stdout : stderr).match(pattern, done),
    done,
  };
}

/** Runs one command line in this process to the end. */
export function mpt(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return start(args, options).done;
}

export interface Process {
  readonly child: ChildProcessWithoutNullStreams;
  stderr(): string;
  readonly done: Promise<CliResult>;
}

/** Starts the real `mpt` executable (for smoke tests); fails clearly when the CLI is not built. */
export function spawnBin(args: readonly string[], options: RunOptions = {}): Process {
  if (!existsSync(join(ROOT, "packages", "cli", "dist", "bin.js"))) {
    throw new Error("packages/cli/dist/bin.js is missing: run `npm run build` first (npm test does)");
  }
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith("MPT_") && k !== "NODE_OPTIONS") env[k] = v;
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...env, ...testEnv(options.env ?? {}) },
    cwd: options.cwd ?? ROOT,
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
