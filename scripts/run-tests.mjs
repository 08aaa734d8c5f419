#!/usr/bin/env node
// Runs every `*.test.ts` under packages/*/test with the node test runner (tsx loader, "source"
// export condition so workspaces resolve each other's TypeScript sources). Extra args filter paths.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "node_modules" && name !== "fixtures") collect(full, out);
    } else if (name.endsWith(".test.ts")) {
      out.push(full);
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
const result = spawnSync(
  process.execPath,
  ["--conditions=source", "--import", "tsx", "--test", "--test-concurrency=2", ...selected.sort()],
  { stdio: "inherit", cwd: root },
);
process.exit(result.status ?? 1);
