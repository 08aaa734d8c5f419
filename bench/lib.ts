/**
 * Helpers shared by the benchmark cases: the server addresses passed by the runner, a client for
 * them, timing, peak-RSS sampling, the server's counters, and the row format reported back.
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";

export const TOKEN = "idt:TKN-1111-2222:bench-secret-value";

/** One line of the results table. `pass` is null for figures without a target. */
export interface Row {
  bench: string;
  measure: string;
  value: string;
  target: string;
  pass: boolean | null;
  data: Record<string, number>;
}

export interface Servers {
  url: string;
  admin: string;
}

/** The addresses the runner passes as argv[2] and argv[3]. */
export function servers(): Servers {
  const [url, admin] = process.argv.slice(2);
  if (!url || !admin) throw new Error("usage: <case>.ts <api url> <admin url>");
  return { url, admin };
}

/** The client on its default transport (node:http on Node), or on the one named. */
export function client(url: string, transport?: "node" | "fetch"): MPTClient {
  return new MPTClient({ baseUrl: url, authentication: new BearerTokenAuthentication(TOKEN), transport });
}

/** Headers a plain-fetch baseline sends (what the client sends). */
export const PLAIN_HEADERS = { authorization: `Bearer ${TOKEN}`, accept: "application/json" };

export interface Counters {
  connections: number;
  requests: number;
  uploadedBytes: number;
}

/** Reads the server's counters (since the last reset); with `reset`, zeroes them afterwards. */
export async function counters(admin: string, reset = false): Promise<Counters> {
  const res = await fetch(`${admin}/${reset ? "reset" : "stats"}`);
  return (await res.json()) as Counters;
}

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Spins for `micros` microseconds: the consumer's per-record work. */
export function work(micros: number): void {
  const until = performance.now() + micros / 1000;
  while (performance.now() < until) {
    // busy
  }
}

const MB = 1024 * 1024;

/**
 * Samples RSS every few milliseconds (and whenever `sample()` is called from a hot loop) and
 * reports the peak growth over the RSS measured at `start` after a garbage collection.
 */
export class RssPeak {
  readonly base: number;
  #peak: number;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor() {
    globalThis.gc?.();
    this.base = process.memoryUsage.rss();
    this.#peak = this.base;
    this.#timer = setInterval(() => this.sample(), 5);
  }

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.#peak) this.#peak = rss;
  }

  /** Stops sampling; returns the peak growth in MB. */
  stop(): number {
    this.sample();
    clearInterval(this.#timer);
    return (this.#peak - this.base) / MB;
  }
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const EXEC_ARGV = ["--import", "tsx", "--expose-gc"];

/**
 * Runs `bench/cases/<file>.ts <api> <admin> ...args` in a fresh process (memory figures of one
 * measurement never include another's) and resolves with what it sent through `reportData`.
 */
export function inChild<T>(file: string, servers: Servers, args: string[] = []): Promise<T> {
  const path = fileURLToPath(new URL(`./cases/${file}.ts`, import.meta.url));
  const child = fork(path, [servers.url, servers.admin, ...args], { execArgv: EXEC_ARGV, stdio: "inherit" });
  return new Promise((resolve, reject) => {
    let data: T | undefined;
    child.on("message", (message) => {
      data = message as T;
    });
    child.once("exit", (code) => {
      if (data !== undefined) resolve(data);
      else reject(new Error(`${file} ${args.join(" ")} exited (${code}) without results`));
    });
  });
}

/** Sends one measurement of a child started by `inChild` and ends the process. */
export function reportData(data: object): void {
  if (process.send) process.send(data, () => process.exit(0));
  else {
    console.log(JSON.stringify(data));
    process.exit(0);
  }
}

/** Sends the rows to the runner and ends the process. */
export function report(rows: Row[]): void {
  reportData({ rows });
}
