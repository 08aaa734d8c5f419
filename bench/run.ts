/**
 * `npm run bench`: starts the loopback API in its own process, runs every benchmark case in a
 * fresh child process (so memory figures are isolated), prints the table and writes
 * `bench/results.json`. `npm run bench -- get stream` runs only the named cases.
 */
import { type ChildProcess, fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { EXEC_ARGV, type Row, type Servers } from "./lib.js";

const CASES = ["get", "overhead", "iterate", "stream", "concurrency", "transfer", "failures"] as const;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function startServer(): Promise<{ child: ChildProcess; servers: Servers }> {
  const child = fork(here("./server.ts"), [], { execArgv: EXEC_ARGV, stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve({ child, servers: message as Servers }));
    child.once("exit", (code) => reject(new Error(`bench server exited (${code})`)));
  });
}

function runCase(name: string, servers: Servers): Promise<Row[]> {
  const child = fork(here(`./cases/${name}.ts`), [servers.url, servers.admin], {
    execArgv: EXEC_ARGV,
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    let rows: Row[] | undefined;
    child.on("message", (message) => {
      rows = (message as { rows: Row[] }).rows;
    });
    child.once("exit", (code) => {
      if (rows) resolve(rows);
      else reject(new Error(`bench case ${name} exited (${code}) without results`));
    });
  });
}

function table(rows: Row[]): string {
  const header = ["benchmark", "measure", "result", "target", "status"];
  const lines = rows.map((r) => [
    r.bench,
    r.measure,
    r.value,
    r.target,
    r.pass === null ? "-" : r.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const fmtLine = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [fmtLine(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmtLine)].join(
    "\n",
  );
}

const wanted = process.argv.slice(2);
const selected = wanted.length ? CASES.filter((c) => wanted.includes(c)) : [...CASES];
const { child: server, servers } = await startServer();
const rows: Row[] = [];
let failed = false;
try {
  for (const name of selected) {
    process.stderr.write(`bench: ${name}...\n`);
    try {
      rows.push(...(await runCase(name, servers)));
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
    }
  }
} finally {
  server.kill();
}
console.log(table(rows));
const machine = `${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`;
console.log(`\n${machine}`);
writeFileSync(
  here("./results.json"),
  `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
);
if (failed || rows.some((r) => r.pass === false)) process.exitCode = 1;
