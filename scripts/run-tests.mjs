#!/usr/bin/env node
// Runs every `*.test.ts` under packages/*/test, one node process per file (tsx loader, "source"
// export condition so workspaces resolve each other's TypeScript sources), two at a time (set
// MPT_TEST_CONCURRENCY to change). Extra args filter paths; `--verbose` prints every file's report
// (by default only failing files print theirs). Ends with each file's duration, slowest first; the
// durations are kept in .tmp/test-times.json so the next run starts the slowest files first.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const filters = args.filter((a) => a !== "--verbose");
const concurrency = Math.max(1, Number(process.env.MPT_TEST_CONCURRENCY) || 2);
/** A file still running after this long is killed and counts as failed. */
const FILE_TIMEOUT_MS = 300_000;
const timesFile = join(root, ".tmp", "test-times.json");

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "node_modules" && name !== "fixtures") collect(full, out);
    } else if (name.endsWith(".test.ts")) {
      out.push(relative(root, full));
    }
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, "packages"))) {
  const testDir = join(root, "packages", pkg, "test");
  try {
    collect(testDir, files);
  } catch {
    // a package without tests
  }
}
const selected = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
if (selected.length === 0) {
  console.error("run-tests: no test files matched");
  process.exit(1);
}

let previous = {};
try {
  previous = JSON.parse(readFileSync(timesFile, "utf8"));
} catch {
  // first run: alphabetical order
}
const queue = selected.sort().sort((a, b) => (previous[b] ?? 0) - (previous[a] ?? 0));

/** Runs one test file; resolves with its exit code, report, counts and duration. */
function runFile(file) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "--test-reporter=spec", file],
      { cwd: root, env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : "0" } },
    );
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const timer = setTimeout(() => {
      output += `\nrun-tests: ${file} still running after ${FILE_TIMEOUT_MS / 1000} s: killed\n`;
      child.kill("SIGKILL");
    }, FILE_TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const count = (name) => Number(new RegExp(`^\\S* ${name} (\\d+)$`, "m").exec(output)?.[1] ?? 0);
      resolve({
        file,
        code: code ?? (signal ? 1 : 0),
        output,
        tests: count("tests"),
        failed: count("fail"),
        ms: performance.now() - started,
      });
    });
  });
}

const results = [];
const started = performance.now();
async function worker() {
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const result = await runFile(file);
    results.push(result);
    const ok = result.code === 0;
    const line = `${ok ? "ok  " : "FAIL"} ${file} (${result.tests} tests, ${(result.ms / 1000).toFixed(1)} s)`;
    if (verbose || !ok) process.stdout.write(`\n# ${file}\n${result.output}\n`);
    console.log(line);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const wall = (performance.now() - started) / 1000;

mkdirSync(join(root, ".tmp"), { recursive: true });
writeFileSync(
  timesFile,
  `${JSON.stringify(Object.fromEntries(results.map((r) => [r.file, Math.round(r.ms)])), null, 2)}\n`,
);

const failed = results.filter((r) => r.code !== 0);
const tests = results.reduce((n, r) => n + r.tests, 0);
console.log("\nDurations per file (slowest first):");
for (const r of [...results].sort((a, b) => b.ms - a.ms)) {
  console.log(`${(r.ms / 1000).toFixed(1).padStart(7)} s  ${r.file}`);
}
console.log(
  `\n${results.length} files, ${tests} tests, ${failed.length} failing files, ${wall.toFixed(1)} s (concurrency ${concurrency})`,
);
for (const r of failed) console.log(`failed: ${r.file}`);
process.exit(failed.length ? 1 : 0);
