/**
 * The API reference (`npm run docs`, TypeDoc into docs/api/) stays complete: TypeDoc converts the
 * client's public entry point with validation on (an undocumented export or a broken `{@link}`
 * is a warning, and warnings are errors) and renders nothing (`--emit none`). Type errors are
 * `npm run typecheck`'s job, so TypeDoc skips its own type check (`skipErrorChecking`).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
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

test("every export of mpt-api-client is documented and every doc link resolves (TypeDoc)", async () => {
  const { code, stdout, stderr } = await runProcess(
    process.execPath,
    [join(root, "node_modules", "typedoc", "bin", "typedoc"), "--emit", "none"],
    { cwd: root, env: { FORCE_COLOR: "0" } },
  );
  const output = stdout + stderr;
  const problems = output.split("\n").filter((line) => /\[(warning|error)\]/.test(line));
  assert.deepEqual(problems, [], `TypeDoc reported problems:\n${problems.join("\n")}`);
  assert.equal(code, 0, output);
});
