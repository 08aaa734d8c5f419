/**
 * The TypeScript examples of the READMEs compile against the real API: every ```ts block of
 * README.md, packages/client/README.md and packages/sandbox/README.md is type-checked as its own
 * module, against the BUILT declarations (dist/*.d.ts, what a user of the published packages
 * gets; the sources behind them are `npm run typecheck`'s job, so checking them again here would
 * only cost time). A block may use `client` (an MPTClient), `sandbox` (a running sandbox), `iconBlob` and
 * any export of mpt-api-client or mpt-sandbox without declaring them, as the prose around it
 * does; everything else must be as written.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import * as sdk from "mpt-api-client";
import * as sandboxSdk from "mpt-sandbox";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const READMES = ["README.md", "packages/client/README.md", "packages/sandbox/README.md"];

interface Block {
  readme: string;
  line: number;
  code: string;
}

function blocks(readme: string): Block[] {
  const lines = readFileSync(join(root, readme), "utf8").split("\n");
  const out: Block[] = [];
  let start = -1;
  lines.forEach((text, index) => {
    if (start < 0 && text.trim() === "```ts") start = index + 1;
    else if (start >= 0 && text.trim() === "```") {
      out.push({ readme, line: start + 1, code: lines.slice(start, index).join("\n") });
      start = -1;
    }
  });
  return out;
}

const PACKAGES: ReadonlyArray<[string, readonly string[]]> = [
  ["mpt-api-client", Object.keys(sdk)],
  ["mpt-sandbox", Object.keys(sandboxSdk)],
];

/** What the prose gives a block: `client`, `sandbox`, `iconBlob` and the exports it did not import. */
function prelude(code: string): string {
  const lines = [
    'import type { MPTClient as ReadmeClient } from "mpt-api-client";',
    'import type { RunningSandbox as ReadmeSandbox } from "mpt-sandbox";',
  ];
  for (const [pkg, exported] of PACKAGES) {
    const from = new RegExp(`import\\s*(?:type\\s*)?\\{([^}]*)\\}\\s*from\\s*"${pkg}"`, "g");
    const imported = new Set(
      [...code.matchAll(from)].flatMap((m) =>
        (m[1] ?? "").split(",").map(
          (name) =>
            name
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? "",
        ),
      ),
    );
    const missing = exported.filter((name) => !imported.has(name) && new RegExp(`\\b${name}\\b`).test(code));
    if (missing.length > 0) lines.push(`import { ${missing.join(", ")} } from "${pkg}";`);
  }
  if (!/\bconst client\b/.test(code)) lines.push("declare const client: ReadmeClient;");
  if (!/\bconst sandbox\b/.test(code)) lines.push("declare const sandbox: ReadmeSandbox;");
  lines.push("declare const iconBlob: Blob;", "export {};");
  return `${lines.join("\n")}\n`;
}

test("every TypeScript example of the READMEs compiles", () => {
  const all = READMES.flatMap(blocks);
  assert.ok(all.length >= 10, `found only ${all.length} examples`);
  const virtual = new Map<string, { block: Block; offset: number; text: string }>();
  all.forEach((block, index) => {
    const head = prelude(block.code);
    const file = join(here, `__readme_example_${index}.ts`);
    virtual.set(file, { block, offset: head.split("\n").length - 1, text: head + block.code });
  });
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "packages/client/tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) =>
        assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    },
  );
  assert.ok(config);
  for (const pkg of ["client", "sandbox"]) {
    const types = join(root, "packages", pkg, "dist", "index.d.ts");
    assert.ok(existsSync(types), `${types} is missing: run \`npm run build\` first (npm test does)`);
  }
  // without the "source" condition the packages resolve to their dist/ declarations
  const { customConditions: _source, ...options } = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const base = { fileExists: host.fileExists, readFile: host.readFile, getSourceFile: host.getSourceFile };
  host.fileExists = (name) => virtual.has(name) || base.fileExists(name);
  host.readFile = (name) => virtual.get(name)?.text ?? base.readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const entry = virtual.get(name);
    return entry
      ? ts.createSourceFile(name, entry.text, language, true)
      : base.getSourceFile(name, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], options, host);
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && virtual.has(d.file.fileName))
    .map((d) => {
      const entry = virtual.get(d.file?.fileName ?? "");
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
      const where = entry ? `${entry.block.readme}:${entry.block.line + line - entry.offset}` : "?";
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
  assert.deepEqual(problems, []);
});
