/**
 * Body fields of the CLI's write commands, read from the MPT OpenAPI spec: for each create,
 * update and custom action with a JSON body, the top-level fields of its request body (name,
 * type, required), keyed `METHOD /path` with every `{param}` written `{}`. Multipart bodies
 * (uploads) list the fields of their JSON part, whose names the spec spells in PascalCase; they
 * are written in camelCase, as the API's JSON is. `$meta` and read-only fields are left out.
 *
 * `generate-fields.ts` writes the result to src/generated/body-fields.ts; the drift test
 * (test/body-fields.test.ts) recomputes it from the spec and compares.
 */
import { listServices, type ServiceDef } from "mpt-api-client";
import { operationKey } from "../src/body-help.js";

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: readonly unknown[];
  readOnly?: boolean;
  properties?: Record<string, Schema>;
  required?: readonly string[];
  items?: Schema;
  allOf?: readonly Schema[];
  oneOf?: readonly Schema[];
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface Spec {
  info?: { version?: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** `[name, type, required]`. */
export type BodyField = readonly [string, string, boolean];

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}

function camel(name: string): string {
  return name
    .split(".")
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join(".");
}

class Reader {
  constructor(private readonly spec: Spec) {}

  resolve(schema: Schema): Schema {
    return schema.$ref ? (this.spec.components.schemas[refName(schema.$ref)] ?? {}) : schema;
  }

  /** Properties and required names of an object schema, with `allOf` parts merged in. */
  members(
    schema: Schema,
    seen = new Set<Schema>(),
  ): { properties: Record<string, Schema>; required: Set<string> } {
    const own = this.resolve(schema);
    const out = { properties: {} as Record<string, Schema>, required: new Set<string>() };
    if (seen.has(own)) return out;
    seen.add(own);
    for (const part of own.allOf ?? []) {
      const inner = this.members(part, seen);
      Object.assign(out.properties, inner.properties);
      for (const name of inner.required) out.required.add(name);
    }
    Object.assign(out.properties, own.properties ?? {});
    for (const name of own.required ?? []) out.required.add(name);
    return out;
  }

  /** `string`, `integer (int32)`, `string (Draft|Published)`, `AccountRef`, `OrderLine[]`. */
  typeName(schema: Schema): string {
    if (schema.$ref) {
      const target = this.resolve(schema);
      if (target.enum || (target.type && target.type !== "object" && !target.properties))
        return this.typeName(target);
      return refName(schema.$ref);
    }
    if (schema.allOf?.length === 1 && schema.allOf[0]) return this.typeName(schema.allOf[0]);
    if (schema.type === "array") return `${schema.items ? this.typeName(schema.items) : "unknown"}[]`;
    if (schema.enum) {
      const values = schema.enum.map(String);
      return `${schema.type ?? "string"} (${values.length <= 6 ? values.join("|") : `one of ${values.length}`})`;
    }
    if (schema.format && schema.format !== "binary") return `${schema.type ?? "string"} (${schema.format})`;
    return schema.type ?? "object";
  }

  /** The fields of an operation's body: its JSON schema, or the JSON part of a multipart body. */
  fields(operation: Operation, dataKey: string | undefined): BodyField[] | undefined {
    const content = operation.requestBody?.content ?? {};
    let schema = content["application/json"]?.schema;
    let rename = (name: string) => name;
    const multipart = content["multipart/form-data"]?.schema;
    if (!schema && multipart) {
      const parts = Object.entries(this.members(multipart).properties);
      const part = parts.find(([name]) => name === dataKey) ?? parts.find(([, s]) => s.format !== "binary");
      if (!part) return undefined;
      schema = part[1];
      rename = camel;
    }
    if (!schema || this.resolve(schema).type === "array") return undefined;
    const { properties, required } = this.members(schema);
    const fields = Object.entries(properties)
      .filter(([name, s]) => name !== "$meta" && !s.readOnly)
      .map(([name, s]): BodyField => [rename(name), this.typeName(s), required.has(name)]);
    return fields.length > 0 ? fields : undefined;
  }
}

/** The write operations of a catalogue row: `[method, path]` of create, update and actions with a body. */
function writeOperations(def: ServiceDef): [string, string][] {
  const out: [string, string][] = [];
  if (def.ops.includes("create")) out.push(["POST", def.path]);
  if (def.ops.includes("update")) out.push(["PUT", `${def.path}/{id}`]);
  for (const action of Object.values(def.actions ?? {})) {
    if (action.body !== "optional" && action.body !== "required") continue;
    if (action.bodyField) continue;
    const id = action.scope === "collection" ? "" : "/{id}";
    out.push([action.method, `${def.path}${id}${action.path ? `/${action.path}` : ""}`]);
  }
  return out;
}

/** Every write operation of the catalogue that the spec describes, with its body fields, sorted by key. */
export function bodyFields(spec: Spec): Record<string, BodyField[]> {
  const reader = new Reader(spec);
  const byKey = new Map<string, Operation>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations))
      byKey.set(operationKey(method, path), operation);
  }
  const out: Record<string, BodyField[]> = {};
  for (const { def } of listServices()) {
    for (const [method, path] of writeOperations(def)) {
      const key = operationKey(method, path);
      const operation = byKey.get(key);
      const fields = operation && reader.fields(operation, def.upload?.dataKey);
      if (fields) out[key] = fields;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The source of src/generated/body-fields.ts. */
export function renderBodyFields(spec: Spec): string {
  const entries = Object.entries(bodyFields(spec)).map(
    ([key, fields]) =>
      `  ${JSON.stringify(key)}: [\n${fields.map((f) => `    ${JSON.stringify(f)},\n`).join("")}  ],\n`,
  );
  return [
    `// Generated by packages/cli/scripts/generate-fields.ts from mpt-openapi ${spec.info?.version ?? "?"} — do not edit.`,
    "/** Top-level body fields of the write operations, `[name, type, required]`, keyed `METHOD /path` (ids as `{}`). */",
    "export const BODY_FIELDS: Readonly<Record<string, readonly (readonly [string, string, boolean])[]>> = {",
    ...entries.map((e) => e.trimEnd()),
    "};",
    "",
  ].join("\n");
}
