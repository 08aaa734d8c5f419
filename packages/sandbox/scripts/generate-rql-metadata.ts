/**
 * Writes src/query/generated/rql-metadata.ts from the OpenAPI spec's `x-softwareone-rql`
 * extensions: per schema and property, what the platform's RQL engine (mpt-rql-net) sees — its
 * RQL type (Primitive, Reference, Collection), the primitive's CLR-like kind (string, guid, date,
 * integer, number, boolean, enum), whether it is nullable, the schema it refers to, the account
 * types that may see it (`access`) and whether it is a core property (`isCore`). The sandbox's RQL
 * evaluator picks operators, converts values and refuses filter/order on hidden properties from
 * it (src/query/properties.ts); test/select-defaults.test.ts checks the stores' default
 * projections against `isCore`.
 * Usage: node --conditions=source --import tsx packages/sandbox/scripts/generate-rql-metadata.ts [spec]
 * `--check` compares with the committed file instead of writing (the drift test does the same).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { DEFAULT_SPEC } from "./generate-schema.js";
import type { RqlExtension, Schema } from "./spec-schema.js";

interface Spec {
  components: { schemas: Record<string, Schema> };
}

export { DEFAULT_SPEC };
export const TARGET = new URL("../src/query/generated/rql-metadata.ts", import.meta.url).pathname;

const ACCOUNT_LETTERS: Readonly<Record<string, string>> = { Client: "C", Vendor: "V", Operations: "O" };

/** The generated file's text. */
export function generate(source: string): string {
  const spec = JSON.parse(readFileSync(source, "utf8")) as Spec;
  const schemas = spec.components.schemas;
  const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

  /** `{allOf: [{$ref}]}` and `oneOf`/`anyOf` of one reference are that reference. */
  function unwrap(p: Schema): Schema {
    if (p.$ref) return p;
    const ref = [...(p.allOf ?? []), ...(p.oneOf ?? []), ...(p.anyOf ?? [])].find((s) => s.$ref)?.$ref;
    return ref === undefined ? p : { ...p, $ref: ref };
  }

  function propsOf(s: Schema, depth = 0): Record<string, Schema> {
    if (depth > 20) return {};
    const r = s.$ref ? (schemas[refName(s.$ref)] ?? {}) : s;
    const out: Record<string, Schema> = {};
    for (const part of r.allOf ?? []) Object.assign(out, propsOf(part, depth + 1));
    return Object.assign(out, r.properties ?? {});
  }

  function access(ext: RqlExtension | undefined): string | undefined {
    const letters = (ext?.access ?? []).map((a) => ACCOUNT_LETTERS[a.trim()] ?? "").join("");
    return letters === "" || letters === "CVO" ? undefined : letters;
  }

  /** Kind code of a primitive: s string, g guid, d date, i integer, n number, b boolean, e enum. */
  function primitiveKind(p: Schema): string {
    switch (p.type) {
      case "integer":
        return "i";
      case "number":
        return "n";
      case "boolean":
        return "b";
      case "string":
        if (p.enum) return "e";
        if (p.format === "date-time" || p.format === "date") return "d";
        return p.format === "uuid" ? "g" : "s";
      default:
        return "s";
    }
  }

  const enums: Record<string, string[]> = {};
  const out: Record<string, Record<string, Record<string, string | number>>> = {};
  const todo = Object.keys(schemas).filter((name) => Object.keys(propsOf(schemas[name] ?? {})).length > 0);

  /** The metadata of one property (the target schema's extension for references). */
  function describe(raw: Schema): Record<string, string | number> {
    const p = unwrap(raw);
    const target = p.$ref ? (schemas[refName(p.$ref)] ?? {}) : undefined;
    const ext = p["x-softwareone-rql"] ?? raw["x-softwareone-rql"] ?? target?.["x-softwareone-rql"];
    const meta: Record<string, string | number> = {};
    const shape = target ?? p;
    const isArray = shape.type === "array";
    const hasProps = Object.keys(propsOf(shape)).length > 0;
    const rqlType = ext?.rqlType ?? (isArray ? "Collection" : hasProps ? "Reference" : "Primitive");
    meta["t"] = rqlType.charAt(0);
    if (rqlType === "Collection") {
      const items = unwrap(shape.items ?? {});
      if (items.$ref && Object.keys(propsOf(items)).length > 0) meta["to"] = refName(items.$ref);
      else meta["k"] = primitiveKind(items.$ref ? (schemas[refName(items.$ref)] ?? {}) : items);
    } else if (rqlType === "Reference") {
      if (p.$ref && hasProps) meta["to"] = refName(p.$ref);
    } else {
      meta["k"] = primitiveKind(shape);
      if (meta["k"] === "e" && p.$ref) {
        meta["e"] = refName(p.$ref);
        enums[refName(p.$ref)] = (shape.enum ?? []).map(String);
      } else if (meta["k"] === "e") meta["k"] = "s";
    }
    if (raw.nullable || p.nullable || shape.nullable) meta["n"] = 1;
    const seen = access(ext);
    if (seen !== undefined) meta["a"] = seen;
    if (ext?.isCore === true) meta["c"] = 1;
    return meta;
  }

  for (const name of todo.sort()) {
    const fields: Record<string, Record<string, string | number>> = {};
    for (const [field, p] of Object.entries(propsOf(schemas[name] ?? {}))) {
      if (field === "$meta") continue;
      fields[field] = describe(p);
    }
    out[name] = fields;
  }

  const sorted = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const lines = Object.entries(out).map(
    ([name, fields]) => `  ${JSON.stringify(name)}: ${JSON.stringify(fields)},`,
  );
  return `/**
 * RQL metadata of the MPT OpenAPI spec's schemas (its \`x-softwareone-rql\` extensions). Generated by
 * scripts/generate-rql-metadata.ts from ${source.split("/").at(-1)}; do not edit.
 * Per property: t RQL type (P primitive, R reference, C collection); k kind of a primitive or of a
 * collection's elements (s string, g guid, d date, i integer, n number, b boolean, e enum);
 * e enum name (RQL_ENUMS); to schema of a reference or of a collection's elements; n nullable;
 * a account types that may see it (C client, V vendor, O operations; absent: all three);
 * c core (isCore: true; for a reference, the referenced schema's flag).
 */

export interface RqlPropertyMeta {
  t: "P" | "R" | "C";
  k?: "s" | "g" | "d" | "i" | "n" | "b" | "e";
  e?: string;
  to?: string;
  n?: 1;
  a?: string;
  c?: 1;
}

/** Schema -> property -> metadata. */
export const RQL_SCHEMAS: Readonly<Record<string, Readonly<Record<string, RqlPropertyMeta>>>> = {
${lines.join("\n")}
};

/** Enum schema -> members, in declaration order. */
export const RQL_ENUMS: Readonly<Record<string, readonly string[]>> = ${JSON.stringify(sorted(enums))};
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith("--")) ?? DEFAULT_SPEC;
  const text = generate(source);
  if (args.includes("--check")) {
    if (readFileSync(TARGET, "utf8") !== text) {
      console.error(`${TARGET} differs from the spec: run this script without --check`);
      process.exit(1);
    }
  } else {
    writeFileSync(TARGET, text);
    console.log(`wrote ${TARGET}`);
  }
}
