/**
 * What an editor shows: the TypeScript language service's hover of `client.catalog.products` is a
 * short named type, its `publish` action carries a doc comment, and nested accessors keep their
 * parameter names (`items(productId: string)`). Against the BUILT declarations (dist/*.d.ts), as
 * in the editor of a project that installed the package.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, "__hover_example.ts");
const code = [
  'import { MPTClient } from "mpt-api-client";',
  "declare const client: MPTClient;",
  "client.catalog.products.publish;",
  'client.catalog.products.items("PRD-1");',
  "",
].join("\n");

function languageService(): ts.LanguageService {
  const configPath = join(here, "..", "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) =>
        assert.fail(ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    },
  );
  assert.ok(config);
  const types = join(here, "..", "dist", "index.d.ts");
  assert.ok(existsSync(types), `${types} is missing: run \`npm run build\` first (npm test does)`);
  // without the "source" condition the package resolves to its dist/ declarations
  const { customConditions: _source, ...options } = config.options;
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (name) => {
      const text = name === file ? code : ts.sys.readFile(name);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => here,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: (name) => (name === file ? code : ts.sys.readFile(name)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  return ts.createLanguageService(host);
}

function hover(ls: ts.LanguageService, marker: string, offsetInMarker: number) {
  const at = code.indexOf(marker) + offsetInMarker;
  const info = ls.getQuickInfoAtPosition(file, at);
  assert.ok(info, `no hover at ${marker}`);
  return {
    text: ts.displayPartsToString(info.displayParts),
    doc: ts.displayPartsToString(info.documentation),
  };
}

test("hovers show named services, doc comments and parameter names", () => {
  const ls = languageService();
  const line = "client.catalog.products.publish";
  const products = hover(ls, line, "client.catalog.".length + 1);
  assert.ok(products.text.length < 200, `hover is ${products.text.length} characters: ${products.text}`);
  assert.match(products.text, /: ProductsService$/);
  assert.match(products.doc, /\/public\/v1\/catalog\/products/);

  const publish = hover(ls, line, "client.catalog.products.".length + 1);
  assert.match(publish.doc, /POST \/public\/v1\/catalog\/products\/\{id\}\/publish/);

  const items = hover(ls, 'products.items("PRD-1")', "products.".length + 1);
  assert.match(items.text, /items\(productId: string\): ProductsItemsService/);
});
