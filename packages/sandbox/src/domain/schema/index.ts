/**
 * Property paths of the OpenAPI spec (generated graph): the type of `path` in a store's records,
 * so validation accepts paths the spec has even when no loaded record carries them.
 */
import { SCHEMA_ROOTS, SCHEMAS } from "./generated.js";

/** The type of a property path (RQL, select and order check operators and values against it). */
export type FieldType = "string" | "number" | "boolean" | "date" | "object" | "array" | "null";

const TYPES: Readonly<Record<string, FieldType>> = {
  s: "string",
  d: "date",
  n: "number",
  b: "boolean",
  o: "object",
};

function typeOfCode(code: string): FieldType {
  if (code.startsWith("[")) return "array";
  if (code.startsWith("@")) return "object";
  return TYPES[code] ?? "object";
}

/** The code of a dotted path (arrays transparent), or undefined when the spec lacks it. */
function codeAt(store: string, path: string): string | undefined {
  let schema = SCHEMA_ROOTS[store];
  let code: string | undefined;
  for (const segment of path.split(".")) {
    if (!schema) return undefined;
    code = SCHEMAS[schema]?.[segment];
    if (code === undefined) return undefined;
    const target = code.replace(/^\[+/, "");
    schema = target.startsWith("@") ? target.slice(1) : undefined;
  }
  return code;
}

export function schemaTypeOf(store: string, path: string): FieldType | undefined {
  const code = codeAt(store, path);
  return code === undefined ? undefined : typeOfCode(code);
}

/** Element type of an array path (`tags` -> string). */
export function schemaElementTypeOf(store: string, path: string): FieldType | undefined {
  const code = codeAt(store, path);
  return code?.startsWith("[") ? typeOfCode(code.slice(1)) : undefined;
}
