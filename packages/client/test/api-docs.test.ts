/**
 * The API reference (`npm run docs`, TypeDoc into docs/api/) stays complete: TypeDoc converts the
 * client's public entry point with validation on (an undocumented export or a broken `{@link}`
 * is a warning, and warnings are errors) and renders nothing (`--emit none`). Type errors are
 * `npm run typecheck`'s job, so TypeDoc skips its own type check (`skipErrorChecking`).
 * A clean run is remembered in .tmp/ under a hash of everything TypeDoc reads (the client's
 * sources, package.json and tsconfig, typedoc.json, tsconfig.base.json and the versions of
 * typedoc, its plugin and TypeScript): an unchanged input is not converted again.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { runProcess } from "./support/run-process.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

test("typedoc.json keeps its validation on", () => {
  const config = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8")) as {
    validation: Record<string, boolean>;
    treatWarningsAsErrors: boolean;
    requiredToBeDocumented: string[];
  };
  assert.equal(config.validation["notDocumented"], true);
  assert.equal(config.validation["invalidLink"], true);
  assert.equal(config.treatWarningsAsErrors, true);
  for (const kind of ["Class", "Interface", "Function", "TypeAlias", "Variable"]) {
    assert.ok(config.requiredToBeDocumented.includes(kind), `${kind} must be required to be documented`);
  }
});

/** A hash of every file TypeDoc's result depends on (paths and contents). */
function inputsHash(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(join(root, "packages", "client", "src"));
  files.push(
    ...[
      "typedoc.json",
      "tsconfig.base.json",
      "packages/client/package.json",
      "packages/client/tsconfig.json",
      "node_modules/typedoc/package.json",
      "node_modules/typedoc-plugin-markdown/package.json",
      "node_modules/typescript/package.json",
    ].map((file) => join(root, file)),
  );
  const hash = createHash("sha256");
  for (const file of files.sort()) hash.update(`${relative(root, file)}\0`).update(readFileSync(file));
  return hash.digest("hex").slice(0, 32);
}

test("every export of mpt-api-client is documented and every doc link resolves (TypeDoc)", async (t) => {
  const cacheDir = join(root, ".tmp", "typedoc-ok");
  const passed = join(cacheDir, inputsHash());
  if (existsSync(passed)) {
    t.diagnostic(`unchanged since a clean TypeDoc run (${relative(root, passed)})`);
    return;
  }
  const { code, stdout, stderr } = await runProcess(
    process.execPath,
    [join(root, "node_modules", "typedoc", "bin", "typedoc"), "--emit", "none"],
    { cwd: root, env: { FORCE_COLOR: "0" } },
  );
  const output = stdout + stderr;
  const problems = output.split("\n").filter((line) => /\[(warning|error)\]/.test(line));
  assert.deepEqual(problems, [], `TypeDoc reported problems:\n${problems.join("\n")}`);
  assert.equal(code, 0, output);
  rmSync(cacheDir, { recursive: true, force: true }); // only the newest clean run is kept
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(passed, `${new Date().toISOString()}\n`);
});
