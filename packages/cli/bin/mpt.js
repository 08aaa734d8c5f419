#!/usr/bin/env node
// The `mpt` executable as npm links it: loads the built CLI from ../dist/bin.js. Committed (not
// built), so `npm ci` links `npx mpt` in a fresh clone of the repository too. There, when dist/
// is missing, it builds the workspaces once (`npm run build` at the repository root) and goes on;
// anywhere else a missing dist/ is a broken install, and it says so.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = new URL("../dist/bin.js", import.meta.url);
if (!existsSync(dist)) {
  const repository = new URL("../../../", import.meta.url);
  const inRepository = existsSync(new URL("../src/bin.ts", import.meta.url));
  if (!inRepository) {
    process.stderr.write(
      `mpt: ${fileURLToPath(dist)} is missing; reinstall mpt-cli (npm install --global mpt-cli)\n`,
    );
    process.exit(1);
  }
  process.stderr.write("mpt: the CLI is not built yet; running `npm run build` once (about a minute)...\n");
  const build = spawnSync("npm", ["run", "build"], {
    cwd: fileURLToPath(repository),
    stdio: ["ignore", process.stderr, process.stderr],
  });
  if (build.status !== 0 || !existsSync(dist)) {
    process.stderr.write("mpt: the build failed (see above); fix it, then run `npm run build`\n");
    process.exit(1);
  }
}
await import(dist.href);
