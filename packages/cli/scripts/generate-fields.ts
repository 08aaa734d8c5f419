/**
 * Writes src/generated/body-fields.ts (the body fields shown in the help of write commands) from
 * the MPT OpenAPI spec. Run by `npm run generate` at the repository root.
 *
 * Usage: `node --conditions=source --import tsx packages/cli/scripts/generate-fields.ts [--spec <file>] [--check]`
 *   --spec <file>  the OpenAPI JSON (default: $MPT_OPENAPI_SPEC, else
 *                  `../shared/reference/mpt-openapi-4.0.2162.json` relative to the repository root)
 *   --check        write nothing; exit 1 if the committed file differs from fresh output
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { renderBodyFields, type Spec } from "./body-fields.js";

const cli = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const OUT = join(cli, "src", "generated", "body-fields.ts");
export const DEFAULT_SPEC = resolve(cli, "../../../shared/reference/mpt-openapi-4.0.2162.json");

const args = process.argv.slice(2);
const specArg = args.indexOf("--spec");
const spec =
  (specArg >= 0 ? args[specArg + 1] : undefined) ?? process.env["MPT_OPENAPI_SPEC"] ?? DEFAULT_SPEC;
if (!existsSync(spec)) {
  console.error(
    `generate-fields: OpenAPI spec not found at ${spec}; pass --spec <file> or set MPT_OPENAPI_SPEC`,
  );
  process.exit(1);
}
const text = renderBodyFields(JSON.parse(readFileSync(spec, "utf8")) as Spec);
if (args.includes("--check")) {
  const current = existsSync(OUT) ? readFileSync(OUT, "utf8") : "";
  if (current !== text) {
    console.error(`generate-fields: ${OUT} is out of date; run npm run generate`);
    process.exit(1);
  }
  console.log("generate-fields: up to date");
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`generate-fields: wrote ${OUT}`);
}
