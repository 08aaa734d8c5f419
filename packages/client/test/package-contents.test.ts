/**
 * What `npm pack` would publish, for each package of the repository: only `dist/`, the README,
 * the LICENSE (the Apache-2.0 text of the repository root), a CHANGELOG and package.json (plus a
 * file its `bin` names), and the metadata npm shows: license, repository, homepage, bugs, keywords.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runProcess } from "./support/run-process.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const PACKAGES = ["client", "sandbox", "cli"];
const ALWAYS = new Set(["package.json", "README.md", "LICENSE", "CHANGELOG.md"]);

interface Manifest {
  name: string;
  license?: string;
  homepage?: string;
  repository?: { type: string; url: string; directory?: string };
  bugs?: { url: string };
  keywords?: string[];
  bin?: Record<string, string>;
}

describe("npm pack contents", { concurrency: true }, () => {
  for (const pkg of PACKAGES) {
    const dir = join(root, "packages", pkg);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;

    test(`${manifest.name}: only dist, README, LICENSE, CHANGELOG and package.json`, async () => {
      const { code, stdout, stderr } = await runProcess(
        "npm",
        ["pack", "--dry-run", "--json", "--ignore-scripts"],
        {
          cwd: dir,
        },
      );
      assert.equal(code, 0, stderr);
      const [packed] = JSON.parse(stdout) as Array<{ files: Array<{ path: string }> }>;
      const files = (packed?.files ?? []).map((f) => f.path);
      const bins = new Set(Object.values(manifest.bin ?? {}).map((p) => normalize(p)));
      const unexpected = files.filter((f) => !ALWAYS.has(f) && !f.startsWith("dist/") && !bins.has(f));
      assert.deepEqual(unexpected, [], `${manifest.name} would publish files outside dist/`);
      for (const needed of ["package.json", "README.md", "LICENSE"])
        assert.ok(files.includes(needed), needed);
      assert.ok(
        files.some((f) => f.startsWith("dist/")),
        "dist/ is missing: run `npm run build` first (npm test does)",
      );
    });

    test(`${manifest.name}: LICENSE and the metadata npm shows`, () => {
      assert.equal(
        readFileSync(join(dir, "LICENSE"), "utf8"),
        readFileSync(join(root, "LICENSE"), "utf8"),
        "the package's LICENSE is the repository's",
      );
      assert.match(
        readFileSync(join(root, "LICENSE"), "utf8"),
        /Apache License\s+Version 2\.0, January 2004/,
      );
      assert.equal(manifest.license, "Apache-2.0");
      const rootManifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as Manifest;
      assert.deepEqual(manifest.repository, { ...rootManifest.repository, directory: `packages/${pkg}` });
      assert.deepEqual(manifest.bugs, rootManifest.bugs);
      assert.ok(
        manifest.homepage?.startsWith(rootManifest.repository?.url.replace(/^git\+|\.git$/g, "") ?? "-"),
      );
      assert.ok((manifest.keywords ?? []).length >= 4, "keywords");
    });
  }
});
