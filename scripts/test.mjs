#!/usr/bin/env node
// `npm test`: the checks, then every test file (scripts/run-tests.mjs, which takes the same
// arguments: path filters, --verbose). The checks run in two lanes at once, as they share nothing
// but the sources: lint, type-check and the cycle check in one; the build and the package checks
// of the built client (publint, attw) in the other. Each step's output is printed when it ends,
// so the lanes do not interleave; the first failing step fails the run (after the other lane's
// current step), and the tests run only when every check passed. Ends with each step's duration.
import { spawn } from "node:child_process";

const root = new URL("..", import.meta.url).pathname;
const LANES = [
  [["lint"], ["typecheck"], ["check:cycles"]],
  [["build"], ["check:package", "-w", "mpt-api-client"]],
];
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const durations = [];

/** Runs `npm run <step...>`, resolving with its exit code once its output is printed. */
function runStep(step) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", ...step], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    child.on("error", (error) => {
      output += `\n${error.message}\n`;
    });
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      durations.push([step.join(" "), seconds]);
      process.stdout.write(output);
      console.log(`${code === 0 ? "ok  " : "FAIL"} npm run ${step.join(" ")} (${seconds.toFixed(1)} s)\n`);
      resolve(code ?? 1);
    });
  });
}

let failed = false;
await Promise.all(
  LANES.map(async (lane) => {
    for (const step of lane) {
      if (failed) return;
      if ((await runStep(step)) !== 0) failed = true;
    }
  }),
);
console.log("Checks (two lanes at once):");
for (const [step, seconds] of durations) console.log(`${seconds.toFixed(1).padStart(7)} s  ${step}`);
if (failed) process.exit(1);

const tests = spawn(process.execPath, ["scripts/run-tests.mjs", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
tests.on("close", (code) => process.exit(code ?? 1));
