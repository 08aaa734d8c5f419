/**
 * The process around a command: its streams, environment and whether stdout / stderr are
 * terminals. `MPT_FORCE_TTY=1` makes both count as terminals (and `MPT_FORCE_TTY=0` as pipes),
 * so tests and recordings see what a user at a terminal sees. Also the set of secrets (tokens)
 * that must never reach the output. Tests run commands in-process with a runtime of their own
 * (`run(argv, runtime)` in main.ts), so nothing below reads `process` except `processRuntime`.
 */
import { resolve } from "node:path";
import type { Readable, Writable } from "node:stream";

export interface Runtime {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable;
  readonly env: NodeJS.ProcessEnv;
  /** stdout is a terminal: tables by default. */
  readonly stdoutIsTTY: boolean;
  /** stderr is a terminal: progress bars and notices. */
  readonly stderrIsTTY: boolean;
  /** Width of the terminal in characters (120 when unknown). */
  readonly columns: number;
  /** Tokens in use: replaced by `****` in everything written to stderr. */
  readonly secrets: Set<string>;
  /** Aborted on Ctrl+C: long reads stop and clean up, and the command exits with 130. */
  readonly signal: AbortSignal;
  /** Directory that relative paths (`--out`, `--data @file`, `--file`, downloads) are taken from. */
  readonly cwd: string;
}

/** Whether a stream counts as a terminal: `MPT_FORCE_TTY` (1 or 0) overrides what it is. */
export function isTerminal(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  const force = env["MPT_FORCE_TTY"];
  return force === "1" ? true : force === "0" ? false : isTTY === true;
}

export function processRuntime(signal: AbortSignal): Runtime {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: isTerminal(process.env, process.stdout.isTTY),
    stderrIsTTY: isTerminal(process.env, process.stderr.isTTY),
    columns: process.stdout.columns || Number(process.env["COLUMNS"]) || 120,
    secrets: new Set(),
    signal,
    cwd: process.cwd(),
  };
}

/** `path` taken from the command's directory (absolute paths stay as they are). */
export function pathIn(rt: Runtime, path: string): string {
  return resolve(rt.cwd, path);
}

/** Registers the tokens a command line or the environment holds, before anything is parsed. */
export function collectSecrets(rt: Runtime, argv: readonly string[]): void {
  argv.forEach((arg, i) => {
    if (arg === "--token" && argv[i + 1] !== undefined && argv[i + 1] !== "-")
      rt.secrets.add(argv[i + 1] ?? "");
    if (arg.startsWith("--token=")) rt.secrets.add(arg.slice("--token=".length));
  });
  const fromEnv = rt.env["MPT_API_TOKEN"];
  if (fromEnv) rt.secrets.add(fromEnv);
}

/** `text` with every known secret replaced by `****`. */
export function redactSecrets(rt: Runtime, text: string): string {
  let out = text;
  for (const secret of rt.secrets) if (secret.length >= 4) out = out.split(secret).join("****");
  return out;
}

/** Writes a line to stderr (secrets redacted). */
export function printErr(rt: Runtime, line: string): void {
  rt.stderr.write(`${redactSecrets(rt, line)}\n`);
}

/** A line for people at a terminal (to stderr, only when stderr is a terminal). */
export function notice(rt: Runtime, line: string): void {
  if (rt.stderrIsTTY) printErr(rt, line);
}
