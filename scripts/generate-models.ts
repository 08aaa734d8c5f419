/**
 * Model generator: turns the MPT OpenAPI spec (4.0.2162) into the client's model interfaces.
 *
 * Writes `packages/client/src/models/generated/<module>.ts` (one file per API module, plus
 * `common.ts` for schemas several modules share, and an `index.ts` barrel) and
 * `packages/client/src/models/model-map.ts` (`ModelMap`, `ModelName`, `MODEL_NAMES`).
 *
 * Which schema answers which model is derived from the catalogue rows
 * (`packages/client/src/resources/*.ts`): a service's `model` is typed by the 200 response of
 * `GET {endpoint}/{id}`, else by the item type of `GET {endpoint}`. Models the spec does not
 * cover (helpdesk, integration, exchange, branch-only services) get a `BaseModel` interface.
 *
 * Usage: `npm run generate [-- --spec <file>] [-- --out <dir>] [-- --check]`
 *   --spec <file>  the OpenAPI JSON (default: $MPT_OPENAPI_SPEC, else
 *                  `../shared/reference/mpt-openapi-4.0.2162.json` relative to the repo root)
 *   --out <dir>    directory that receives `generated/` and `model-map.ts`
 *                  (default: packages/client/src/models)
 *   --check        write nothing; exit 1 if the committed files differ from fresh output
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// ---------------------------------------------------------------------------------------------
// Inputs

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_SPEC = resolve(ROOT, "../shared/reference/mpt-openapi-4.0.2162.json");
const RESOURCES_DIR = join(ROOT, "packages/client/src/resources");
const DEFAULT_OUT = join(ROOT, "packages/client/src/models");
const LINE_WIDTH = 110;

/** The subset of OpenAPI 3.0 schema objects the generator reads. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  nullable?: boolean;
  deprecated?: boolean;
  enum?: readonly (string | number | boolean | null)[];
  properties?: { [name: string]: Schema };
  required?: readonly string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: readonly Schema[];
  oneOf?: readonly Schema[];
  anyOf?: readonly Schema[];
}

interface Operation {
  summary?: string;
  requestBody?: { content?: { [mediaType: string]: { schema?: Schema } } };
  responses?: { [status: string]: { content?: { [mediaType: string]: { schema?: Schema } } } };
}

interface Spec {
  info?: { version?: string };
  paths: { [path: string]: { [method: string]: Operation } };
  components: { schemas: { [name: string]: Schema } };
}

/** One model-bearing endpoint taken from the catalogue rows. */
interface ModelSource {
  model: string;
  /** Catalogue group (= API module), e.g. `catalog`. */
  group: string;
  /** Dotted service name, e.g. `catalog.products.documents`. */
  service: string;
  /** Endpoint template of the service, or of the action answering with the model. */
  path: string;
  method: string;
  /** True when `path` names one object (an action), not a collection. */
  single: boolean;
}

/**
 * Catalogue endpoints that the spec spells differently (compared after `{param}` names are
 * blanked out).
 */
const PATH_ALIASES: { readonly [catalogue: string]: string } = {
  "/public/v1/accounts/accounts/{}/users": "/public/v1/accounts/{}/users",
};

const PUBLISHABLE = ["Draft", "Pending", "Published", "Unpublished", "Deleted"];

/**
 * `status` unions for schemas whose spec field is a plain string, from the state machines of
 * `mpt-api-behaviour.md` §6. Applied only while the spec's field is a plain string: an enum the
 * spec gains wins (the type tests pin the unions users rely on).
 */
const DOCUMENTED_STATUS: { readonly [schema: string]: readonly string[] } = {
  ApiToken: ["Active", "Disabled", "Deleted"],
  CloudTenant: ["Active", "Disabled", "Deleted"],
  ParameterDefinition: ["Idle", "Deleted"],
  ParameterDefinitionRef: ["Idle", "Deleted"],
  Product: PUBLISHABLE,
  ProductDocument: PUBLISHABLE,
  ProductItem: PUBLISHABLE,
  ProductMedia: PUBLISHABLE,
  ProductRef: PUBLISHABLE,
  Request: ["New", "Draft", "Processing", "Querying", "Completed"],
  TermsAndConditions: PUBLISHABLE,
  TermsAndConditionsVariant: PUBLISHABLE,
};

/** `schema` with its documented `status` union applied (see `DOCUMENTED_STATUS`). */
function withDocumentedStatus(name: string, schema: Schema): Schema {
  const states = DOCUMENTED_STATUS[name];
  if (!states) return schema;
  const own = schema.properties?.["status"];
  if (!own || own.$ref || own.enum || own.type !== "string") return schema;
  const doc = `${own.description ? `${own.description.trim()} ` : ""}States documented in mpt-api-behaviour.md.`;
  return {
    ...schema,
    properties: { ...schema.properties, status: { ...own, enum: states, description: doc } },
  };
}

/** Fields known for models the spec does not cover (from the platform docs). */
const BASE_MODEL_FIELDS: { readonly [model: string]: readonly string[] } = {
  InstallationsToken: ["/** Installation (or account-scoped) JWT. */", "token: string;"],
};

/** Schemas whose spec name is a global or a model name answered elsewhere, with a clearer name. */
const RENAMES: { readonly [schema: string]: string } = {
  Event: "AuditEvent",
  ProgramParameter: "ProgramParameterValue",
  Request: "CommerceRequest",
};

/**
 * Names that must not be exported because they shadow ECMAScript, DOM or Node globals or TS
 * utility types; a schema or model with one of these names gets its module as prefix.
 */
const RESERVED = new Set(
  (
    "Array ArrayBuffer Attr Audio Awaited BigInt Blob Body Boolean Buffer Comment Credential Crypto Date " +
    "DataView Document DocumentType Element Error Event EventTarget Exclude Extract File FormData Function " +
    "Generator Headers History Image Intl Iterator JSON Location Lock Map Math Navigator Node Notification " +
    "Number Object Omit Option Partial Performance Pick Plugin Promise Proxy Range Readonly Record Reflect " +
    "RegExp Report Request Required Response Screen Selection Set Storage String Symbol Text URL WeakMap " +
    "WeakSet Window Worker"
  ).split(" "),
);

// ---------------------------------------------------------------------------------------------
// Small helpers

const pascal = (s: string): string =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join("");

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const refName = (ref: string): string => ref.slice(ref.lastIndexOf("/") + 1);

const normPath = (p: string): string => p.replace(/\{[^}]*\}/g, "{}");

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const propKey = (name: string): string =>
  /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);

/** First sentence of a description, on one line, safe inside a block comment. */
function shortDoc(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let s = text.replace(/\s+/g, " ").trim();
  const stop = s.search(/\.(\s|$)/);
  if (stop > 0) s = s.slice(0, stop + 1);
  if (s.length > 160) s = s.slice(0, 157).trimEnd() + "...";
  return s.replace(/\*\//g, "*\\/") || undefined;
}

function jsdoc(lines: readonly string[], indent: string): string[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`${indent}/** ${lines[0]} */`];
  return [`${indent}/**`, ...lines.map((l) => `${indent} * ${l}`), `${indent} */`];
}

function schemaDocLines(schema: Schema): string[] {
  const lines: string[] = [];
  const d = shortDoc(schema.description);
  if (d) lines.push(d);
  if (schema.deprecated) lines.push("@deprecated");
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Catalogue rows -> model sources

interface RowLike {
  path: string;
  model: string;
  params?: readonly string[];
  accessor?: string;
  ops?: readonly string[];
  upload?: { on: readonly string[] };
  actions?: {
    [name: string]: {
      method: string;
      path: string;
      scope?: string;
      model?: string;
      body?: string;
      bodyField?: string;
      file?: unknown;
    };
  };
  children?: { [name: string]: RowLike };
}

/** The interface a request body schema is listed in (see `ActionBodies`). */
type BodyKind = "action" | "create" | "update";

/** An action whose JSON body the spec describes with its own schema (not the service's model). */
interface ActionBodySource {
  /** Which interface lists it: `ActionBodies`, `CreateBodies` or `UpdateBodies`. */
  kind: BodyKind;
  /** `{service path}/{id}/{action path}` as the service types spell it (see `ActionBodies`). */
  key: string;
  group: string;
  path: string;
  method: string;
  model: string;
}

/** The key of an action in `ActionBodies`; service/types.ts builds the same from the row's types. */
function actionKey(rowPath: string, action: { path: string; scope?: string }): string {
  const base = action.scope === "collection" ? rowPath : `${rowPath}/{id}`;
  return action.path ? `${base}/${action.path}` : base;
}

const isRow = (v: unknown): v is RowLike =>
  isObject(v) && typeof v["path"] === "string" && typeof v["model"] === "string";

/** A top-level catalogue row: its group, accessor name and the name of its export. */
interface TopRow {
  group: string;
  exportName: string;
  name: string;
  row: RowLike;
}

async function loadModelSources(): Promise<{
  sources: ModelSource[];
  bodies: ActionBodySource[];
  rows: TopRow[];
}> {
  const files = readdirSync(RESOURCES_DIR)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts")
    .sort(compare);
  const out: ModelSource[] = [];
  const bodies: ActionBodySource[] = [];
  const rows: TopRow[] = [];
  for (const file of files) {
    const group = basename(file, ".ts");
    const mod: unknown = await import(pathToFileURL(join(RESOURCES_DIR, file)).href);
    if (!isObject(mod)) continue;
    for (const [exportName, exported] of Object.entries(mod)) {
      if (!isObject(exported)) continue;
      const walk = (service: string, row: RowLike): void => {
        out.push({ model: row.model, group, service, path: row.path, method: "get", single: false });
        for (const action of Object.values(row.actions ?? {})) {
          if (
            (action.body === "required" || action.body === "optional") &&
            !action.bodyField &&
            !action.file
          ) {
            const key = actionKey(row.path, action);
            bodies.push({
              kind: "action",
              key,
              group,
              path: key,
              method: action.method.toLowerCase(),
              model: row.model,
            });
          }
        }
        // create/update with a JSON body (multipart uploads keep the model): keyed by the row's path.
        const uploads = row.upload?.on ?? [];
        if (row.ops?.includes("create") && !uploads.includes("create")) {
          bodies.push({
            kind: "create",
            key: row.path,
            group,
            path: row.path,
            method: "post",
            model: row.model,
          });
        }
        if (row.ops?.includes("update") && !uploads.includes("update")) {
          const path = `${row.path}/{id}`;
          bodies.push({ kind: "update", key: row.path, group, path, method: "put", model: row.model });
        }
        for (const [name, action] of Object.entries(row.actions ?? {})) {
          if (!action.model) continue;
          const base = action.scope === "collection" ? row.path : `${row.path}/{id}`;
          out.push({
            model: action.model,
            group,
            service: `${service}.${name}`,
            path: action.path ? `${base}/${action.path}` : base,
            method: action.method.toLowerCase(),
            single: true,
          });
        }
        for (const [name, child] of Object.entries(row.children ?? {})) {
          if (isRow(child)) walk(`${service}.${name}`, child);
        }
      };
      for (const [name, row] of Object.entries(exported)) {
        if (!isRow(row)) continue;
        walk(`${group}.${name}`, row);
        rows.push({ group, exportName, name, row });
      }
    }
  }
  return { sources: out, bodies, rows };
}

// ---------------------------------------------------------------------------------------------
// Model -> schema

function jsonSchemaOf(op: Operation | undefined): Schema | undefined {
  const responses = op?.responses ?? {};
  const ok = responses["200"] ?? responses["201"];
  return ok?.content?.["application/json"]?.schema;
}

type PathIndex = Map<string, { [method: string]: Operation }>;

function findPath(byNorm: PathIndex, p: string): { [method: string]: Operation } | undefined {
  const n = normPath(p);
  return byNorm.get(n) ?? byNorm.get(PATH_ALIASES[n] ?? "");
}

/** The `$ref` schema of an operation's JSON request body, if it has one. */
function requestSchemaOf(byNorm: PathIndex, path: string, method: string): string | undefined {
  const ref = findPath(byNorm, path)?.[method]?.requestBody?.content?.["application/json"]?.schema?.$ref;
  return ref ? refName(ref) : undefined;
}

/** Spec path items keyed by their template with `{param}` names blanked out. */
function indexPaths(spec: Spec): PathIndex {
  const byNorm: PathIndex = new Map();
  for (const [p, item] of Object.entries(spec.paths)) byNorm.set(normPath(p), item);
  return byNorm;
}

function resolveModelSchema(spec: Spec, byNorm: PathIndex, source: ModelSource): string | undefined {
  const find = (p: string) => findPath(byNorm, p);
  const asRef = (s: Schema | undefined): string | undefined => (s?.$ref ? refName(s.$ref) : undefined);
  const unwrapList = (s: Schema | undefined): string | undefined => {
    const name = asRef(s);
    if (!name) return undefined;
    const target = spec.components.schemas[name];
    const data = target?.properties?.["data"];
    if (data?.type === "array") return asRef(data.items);
    return name;
  };
  if (source.single) return unwrapList(jsonSchemaOf(find(source.path)?.[source.method]));
  return (
    asRef(jsonSchemaOf(find(`${source.path}/{id}`)?.["get"])) ??
    unwrapList(jsonSchemaOf(find(source.path)?.["get"]))
  );
}

// ---------------------------------------------------------------------------------------------
// Schema graph

/** Direct `$ref` targets of a schema, skipping `$meta` (the engine keeps it apart). */
function refsOf(schema: Schema, out: Set<string>): Set<string> {
  if (schema.$ref) out.add(refName(schema.$ref));
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (name !== "$meta") refsOf(prop, out);
  }
  if (isObject(schema.additionalProperties)) refsOf(schema.additionalProperties, out);
  if (schema.items) refsOf(schema.items, out);
  for (const list of [schema.allOf, schema.oneOf, schema.anyOf]) for (const s of list ?? []) refsOf(s, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generation

interface ModelInfo {
  name: string;
  group: string;
  services: string[];
  /** Spec schema, or undefined for a base model. */
  schema: string | undefined;
  /** Exported TypeScript name. */
  exportName: string;
}

interface Rendered {
  type: string;
  optional: boolean;
}

class Generator {
  private readonly schemas: { [name: string]: Schema };
  /** schema -> exported TypeScript name */
  private readonly tsName = new Map<string, string>();
  /** schema -> module file (without `.ts`) */
  private readonly home = new Map<string, string>();
  /** schema -> models it answers */
  private readonly modelsOf = new Map<string, ModelInfo[]>();
  private readonly flatCache = new Map<string, Map<string, Rendered>>();
  /** Spec version without its build suffix (`4.0.2162-ga003db3a` -> `4.0.2162`). */
  private readonly version: string;
  private readonly header: string;

  constructor(
    spec: Spec,
    private readonly models: readonly ModelInfo[],
    /** Request bodies with their own schema: kind, key (see `ActionBodies`) -> schema. */
    private readonly bodies: readonly { kind: BodyKind; key: string; schema: string; group: string }[] = [],
  ) {
    this.schemas = Object.fromEntries(
      Object.entries(spec.components.schemas).map(([name, schema]) => [
        name,
        withDocumentedStatus(name, schema),
      ]),
    );
    this.version = (spec.info?.version ?? "unknown").split("-")[0] || "unknown";
    this.header = `// Generated by scripts/generate-models.ts from mpt-openapi ${this.version} — do not edit.`;
    for (const m of models) {
      if (m.schema) this.modelsOf.set(m.schema, [...(this.modelsOf.get(m.schema) ?? []), m]);
    }
    this.assignHomes();
    this.assignNames();
  }

  /** Each reachable schema lives in the module of its models, or the one nearest to it, or common. */
  private assignHomes(): void {
    const groups = [...new Set(this.models.map((m) => m.group))].sort(compare);
    const dist = new Map<string, Map<string, number>>();
    for (const group of groups) {
      const seen = new Map<string, number>();
      let frontier = [
        ...new Set([
          ...this.models.filter((m) => m.group === group && m.schema).map((m) => m.schema!),
          ...this.bodies.filter((b) => b.group === group).map((b) => b.schema),
        ]),
      ];
      for (const s of frontier) seen.set(s, 0);
      for (let d = 1; frontier.length > 0; d++) {
        const next: string[] = [];
        for (const s of frontier) {
          const schema = this.schemas[s];
          if (!schema) throw new Error(`schema ${s} is referenced but not defined`);
          for (const r of [...refsOf(schema, new Set())].sort(compare)) {
            if (!seen.has(r)) {
              seen.set(r, d);
              next.push(r);
            }
          }
        }
        frontier = next;
      }
      dist.set(group, seen);
    }
    const reachable = new Set<string>();
    for (const seen of dist.values()) for (const s of seen.keys()) reachable.add(s);
    for (const s of [...reachable].sort(compare)) {
      const owners = [...new Set((this.modelsOf.get(s) ?? []).map((m) => m.group))];
      if (owners.length === 1) {
        this.home.set(s, owners[0]!);
        continue;
      }
      if (owners.length > 1) {
        this.home.set(s, "common");
        continue;
      }
      let best = Number.POSITIVE_INFINITY;
      let at: string[] = [];
      for (const group of groups) {
        const d = dist.get(group)?.get(s);
        if (d === undefined) continue;
        if (d < best) {
          best = d;
          at = [group];
        } else if (d === best) at.push(group);
      }
      this.home.set(s, at.length === 1 ? at[0]! : "common");
    }
    // A base schema (`ProductRef`, the `allOf` member of `Product`) lives with its extenders.
    const extenders = new Map<string, string[]>();
    for (const s of this.home.keys()) {
      for (const part of this.schemas[s]!.allOf ?? []) {
        if (part.$ref) extenders.set(refName(part.$ref), [...(extenders.get(refName(part.$ref)) ?? []), s]);
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [base, subs] of [...extenders].sort((a, b) => compare(a[0], b[0]))) {
        if (this.modelsOf.has(base)) continue;
        const homes = new Set(subs.map((s) => this.home.get(s)));
        const only = homes.size === 1 ? [...homes][0] : undefined;
        if (only && this.home.get(base) !== only) {
          this.home.set(base, only);
          changed = true;
        }
      }
    }
  }

  /**
   * Schemas keep their spec names unless the name is a global or belongs to a model that is
   * answered by another schema; then they take their model's name or a module prefix.
   */
  private assignNames(): void {
    const taken = new Set<string>();
    for (const m of this.models) {
      if (taken.has(m.exportName)) throw new Error(`model export name ${m.exportName} is used twice`);
      taken.add(m.exportName);
    }
    const used = new Set<string>();
    for (const s of [...this.home.keys()].sort(compare)) {
      const ms = this.modelsOf.get(s) ?? [];
      let name: string | undefined;
      if (ms.some((m) => m.exportName === s)) name = s;
      else if (RENAMES[s] && !taken.has(RENAMES[s])) name = RENAMES[s];
      else if (!RESERVED.has(s) && !taken.has(s)) name = s;
      else if (ms.length > 0) name = ms[0]!.exportName;
      else {
        name = [`${pascal(this.home.get(s)!)}${s}`, `${s}Schema`].find((n) => !taken.has(n) && !used.has(n));
        if (!name) throw new Error(`no free name for schema ${s}`);
      }
      if (used.has(name)) throw new Error(`two schemas named ${name}`);
      used.add(name);
      taken.add(name);
      this.tsName.set(s, name);
    }
  }

  // --- type rendering ------------------------------------------------------------------------

  private ref(s: string, imports: Map<string, Set<string>>, module: string): string {
    const name = this.tsName.get(s);
    const home = this.home.get(s);
    if (!name || !home) throw new Error(`schema ${s} was not collected`);
    if (home !== module) {
      const set = imports.get(home) ?? new Set<string>();
      set.add(name);
      imports.set(home, set);
    }
    return name;
  }

  /** TypeScript type of a schema at a given indentation (used by nested object literals). */
  private render(schema: Schema, imports: Map<string, Set<string>>, module: string, indent: string): string {
    let t = this.renderNonNull(schema, imports, module, indent);
    if (schema.nullable && t !== "unknown" && !/(^|\| )null$/.test(t)) t = `${t} | null`;
    return t;
  }

  private renderNonNull(
    schema: Schema,
    imports: Map<string, Set<string>>,
    module: string,
    indent: string,
  ): string {
    if (schema.$ref) return this.ref(refName(schema.$ref), imports, module);
    const group = (t: string): string => (/[|&]/.test(t) && !t.startsWith("{") ? `(${t})` : t);
    if (schema.allOf && schema.allOf.length > 0) {
      const parts = schema.allOf.map((s) => this.render(s, imports, module, indent));
      if (schema.properties) parts.push(this.objectLiteral(schema, imports, module, indent));
      return parts.length === 1 ? parts[0]! : parts.map(group).join(" & ");
    }
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives && alternatives.length > 0) {
      return [...new Set(alternatives.map((s) => this.render(s, imports, module, indent)))].join(" | ");
    }
    if (schema.enum && schema.enum.length > 0) {
      return [...new Set(schema.enum.map((v) => JSON.stringify(v)))].join(" | ");
    }
    switch (schema.type) {
      case "string":
        return "string";
      case "integer":
      case "number":
        return "number";
      case "boolean":
        return "boolean";
      case "array":
        return `${group(schema.items ? this.render(schema.items, imports, module, indent) : "unknown")}[]`;
      case "object":
        return this.objectLiteral(schema, imports, module, indent);
      default:
        return schema.properties ? this.objectLiteral(schema, imports, module, indent) : "unknown";
    }
  }

  private indexSignature(schema: Schema, imports: Map<string, Set<string>>, module: string, indent: string) {
    const ap = schema.additionalProperties;
    const hasProps = Object.keys(schema.properties ?? {}).length > 0;
    if (ap === false) return undefined;
    if (isObject(ap) && !hasProps) return `[key: string]: ${this.render(ap, imports, module, indent)};`;
    if (ap === true || isObject(ap) || !hasProps) return "[key: string]: unknown;";
    return undefined;
  }

  private members(
    schema: Schema,
    imports: Map<string, Set<string>>,
    module: string,
    indent: string,
    forceId: boolean,
  ): { lines: string[]; props: Map<string, Rendered> } {
    const lines: string[] = [];
    const props = new Map<string, Rendered>();
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(schema.properties ?? {}).filter(([name]) => name !== "$meta");
    if (forceId && !entries.some(([name]) => name === "id")) {
      lines.push(`${indent}id: string;`);
      props.set("id", { type: "string", optional: false });
    }
    for (const [name, prop] of entries) {
      const isId = forceId && name === "id";
      const type = isId ? "string" : this.render(prop, imports, module, indent);
      const optional = !isId && !required.has(name);
      lines.push(...jsdoc(schemaDocLines(prop), indent));
      lines.push(...propertyLines(`${indent}${propKey(name)}${optional ? "?" : ""}:`, type, indent));
      props.set(name, { type, optional });
    }
    const index = this.indexSignature(schema, imports, module, indent);
    if (index) lines.push(`${indent}${index}`);
    return { lines, props };
  }

  private objectLiteral(schema: Schema, imports: Map<string, Set<string>>, module: string, indent: string) {
    const inner = `${indent}  `;
    const { lines } = this.members(schema, imports, module, inner, false);
    if (lines.length === 0) return "{ [key: string]: unknown }";
    if (lines.length === 1 && lines[0]!.trimStart().startsWith("[key: string]")) {
      return `{ ${lines[0]!.trim().replace(/;$/, "")} }`;
    }
    return `{\n${lines.join("\n")}\n${indent}}`;
  }

  /** All properties of an object schema including inherited ones (as rendered for comparison). */
  private flatProps(s: string): Map<string, Rendered> {
    const cached = this.flatCache.get(s);
    if (cached) return cached;
    const schema = this.schemas[s]!;
    const out = new Map<string, Rendered>();
    for (const part of schema.allOf ?? []) {
      if (part.$ref) for (const [k, v] of this.flatProps(refName(part.$ref))) out.set(k, v);
    }
    const scratch = new Map<string, Set<string>>();
    const forceId = this.modelsOf.has(s);
    for (const [k, v] of this.members(schema, scratch, this.home.get(s) ?? "", "  ", forceId).props) {
      out.set(k, v);
    }
    this.flatCache.set(s, out);
    return out;
  }

  private isInterfaceLike(s: string): boolean {
    const schema = this.schemas[s]!;
    return !schema.enum && (schema.type === "object" || !!schema.properties || !!schema.allOf);
  }

  /** The declaration of one schema. */
  private declaration(s: string, imports: Map<string, Set<string>>, module: string): string[] {
    const schema = this.schemas[s]!;
    const name = this.tsName.get(s)!;
    const docLines = schemaDocLines(schema);
    const ms = this.modelsOf.get(s) ?? [];
    if (ms.length > 0) {
      docLines.push(`Model ${ms.map((m) => `\`${m.name}\` (${m.services.join(", ")})`).join(", ")}.`);
    }
    if (docLines.length === 0) docLines.push(`Schema \`${s}\` of mpt-openapi ${this.version}.`);
    const doc = jsdoc(docLines, "");
    if (!this.isInterfaceLike(s)) {
      const type = this.render(schema, imports, module, "");
      return [...doc, ...typeAlias(name, type)];
    }
    const bases: string[] = [];
    const inline: Schema[] = [];
    for (const part of schema.allOf ?? []) {
      if (part.$ref && this.isInterfaceLike(refName(part.$ref))) bases.push(refName(part.$ref));
      else inline.push(part);
    }
    const merged: Schema = { ...schema, properties: { ...schema.properties } };
    for (const part of inline) {
      if (part.$ref || !part.properties) {
        // a non-object allOf member: fall back to an intersection type
        return [...doc, ...typeAlias(name, this.render(schema, imports, module, ""))];
      }
      Object.assign(merged.properties!, part.properties);
    }
    const { lines, props } = this.members(merged, imports, module, "  ", ms.length > 0);
    const heritage = bases.map((b) => {
      const baseName = this.ref(b, imports, module);
      const clash = [...props]
        .filter(([k, v]) => {
          const inherited = this.flatProps(b).get(k);
          return inherited && (inherited.type !== v.type || (v.optional && !inherited.optional));
        })
        .map(([k]) => JSON.stringify(k))
        .sort(compare);
      return clash.length > 0 ? `Omit<${baseName}, ${clash.join(" | ")}>` : baseName;
    });
    const head = `export interface ${name}${heritage.length > 0 ? ` extends ${heritage.join(", ")}` : ""}`;
    if (lines.length === 0) return [...doc, `${head} {}`];
    return [...doc, `${head} {`, ...lines, "}"];
  }

  private baseModelDeclaration(m: ModelInfo): string[] {
    const doc = jsdoc(
      [`Model \`${m.name}\` (${m.services.join(", ")}); not described by mpt-openapi ${this.version}.`],
      "",
    );
    const fields = BASE_MODEL_FIELDS[m.name] ?? [];
    if (fields.length === 0) return [...doc, `export interface ${m.exportName} extends BaseModel {}`];
    return [
      ...doc,
      `export interface ${m.exportName} extends BaseModel {`,
      ...fields.map((f) => `  ${f}`),
      "}",
    ];
  }

  /** Every generated file: module files, the barrel and the model map (paths relative to --out). */
  files(): Map<string, string> {
    const modules = new Map<string, { name: string; lines: string[] }[]>();
    const add = (module: string, name: string, lines: string[]) => {
      const list = modules.get(module) ?? [];
      list.push({ name, lines });
      modules.set(module, list);
    };
    const imports = new Map<string, Map<string, Set<string>>>();
    const importsOf = (module: string) => {
      const m = imports.get(module) ?? new Map<string, Set<string>>();
      imports.set(module, m);
      return m;
    };
    for (const s of [...this.home.keys()].sort(compare)) {
      const module = this.home.get(s)!;
      add(module, this.tsName.get(s)!, this.declaration(s, importsOf(module), module));
    }
    const needsBase = new Set<string>();
    for (const m of this.models) {
      if (!m.schema) {
        add(m.group, m.exportName, this.baseModelDeclaration(m));
        needsBase.add(m.group);
        continue;
      }
      const target = this.ref(m.schema, importsOf(m.group), m.group);
      if (target === m.exportName) continue;
      const doc = jsdoc([`Model \`${m.name}\` (${m.services.join(", ")}).`], "");
      add(m.group, m.exportName, [...doc, `export type ${m.exportName} = ${target};`]);
    }

    const files = new Map<string, string>();
    const moduleNames = [...modules.keys()].sort(compare);
    for (const module of moduleNames) {
      const decls = modules.get(module)!.sort((a, b) => compare(a.name, b.name));
      const out: string[] = [this.header, ""];
      const importLines: string[] = [];
      if (needsBase.has(module)) importLines.push(`import type { BaseModel } from "../base.js";`);
      const own = imports.get(module) ?? new Map<string, Set<string>>();
      for (const from of [...own.keys()].sort(compare)) {
        importLines.push(...importStatement([...own.get(from)!].sort(compare), `./${from}.js`));
      }
      if (importLines.length > 0) out.push(...importLines, "");
      for (const d of decls) out.push(...d.lines, "");
      files.set(`generated/${module}.ts`, out.join("\n"));
    }
    files.set(
      "generated/index.ts",
      [this.header, "", ...moduleNames.map((m) => `export type * from "./${m}.js";`), ""].join("\n"),
    );
    files.set("model-map.ts", this.modelMap());
    return files;
  }

  private modelMap(): string {
    const sorted = [...this.models].sort((a, b) => compare(a.name, b.name));
    return [
      "/**",
      " * Model name -> model interface, for every `model` a catalogue row names; the interfaces",
      " * themselves live in `./generated/` (one file per API module).",
      ` * ${this.header.slice(3)}`,
      " */",
      'import type * as M from "./generated/index.js";',
      "",
      "/** Every model the catalogue names, keyed by the name used in `ServiceDef.model`. */",
      "export interface ModelMap {",
      ...sorted.map((m) => `  ${m.name}: M.${m.exportName};`),
      "}",
      "",
      "/**",
      " * Request bodies of actions that the spec describes with their own schema (not the service's",
      " * model), keyed by `{service path}/{id}/{action path}`.",
      " */",
      ...this.bodiesInterface("action", "ActionBodies"),
      "",
      "/**",
      " * Bodies of `create` (`POST` on the collection) that the spec describes with their own schema,",
      " * keyed by the service's path; other services send `Body<Model>`.",
      " */",
      ...this.bodiesInterface("create", "CreateBodies"),
      "",
      "/**",
      " * Bodies of `update` (`PUT` on a record) that the spec describes with their own schema, keyed",
      " * by the service's path; other services send `Body<Model>`.",
      " */",
      ...this.bodiesInterface("update", "UpdateBodies"),
      "",
      "/** Name of a model in `ModelMap`. */",
      "export type ModelName = keyof ModelMap & string;",
      "",
      "/** Every model name, sorted (for listing and for tests). */",
      "export const MODEL_NAMES = [",
      ...sorted.map((m) => `  ${JSON.stringify(m.name)},`),
      "] as const satisfies readonly ModelName[];",
      "",
    ].join("\n");
  }

  /** `export interface {name} { key: M.Schema; ... }` for the bodies of one kind. */
  private bodiesInterface(kind: BodyKind, name: string): string[] {
    const bodies = this.bodies.filter((b) => b.kind === kind).sort((a, b) => compare(a.key, b.key));
    if (bodies.length === 0) return [`export interface ${name} {}`];
    return [
      `export interface ${name} {`,
      ...bodies.map((b) => `  ${JSON.stringify(b.key)}: M.${this.tsName.get(b.schema)};`),
      "}",
    ];
  }
}

/** A flat union of literals and names, safe to break one member a line. */
const isFlatUnion = (type: string): boolean =>
  type.includes(" | ") && type.split(" | ").every((t) => /^("[^"|]*"|[A-Za-z0-9_.]+)$/.test(t));

function typeAlias(name: string, type: string): string[] {
  const oneLine = `export type ${name} = ${type};`;
  if (oneLine.length <= LINE_WIDTH || !isFlatUnion(type)) return [oneLine];
  return [
    `export type ${name} =`,
    ...type.split(" | ").map((t, i, all) => `  | ${t}${i === all.length - 1 ? ";" : ""}`),
  ];
}

/** A property, its literal union broken one member a line when it is too long (as Biome does). */
function propertyLines(head: string, type: string, indent: string): string[] {
  const oneLine = `${head} ${type};`;
  if (oneLine.length <= LINE_WIDTH || !isFlatUnion(type)) return [oneLine];
  const members = type.split(" | ");
  return [head, ...members.map((t, i) => `${indent}  | ${t}${i === members.length - 1 ? ";" : ""}`)];
}

function importStatement(names: readonly string[], from: string): string[] {
  const oneLine = `import type { ${names.join(", ")} } from "${from}";`;
  if (oneLine.length <= LINE_WIDTH) return [oneLine];
  return ["import type {", ...names.map((n) => `  ${n},`), `} from "${from}";`];
}

// ---------------------------------------------------------------------------------------------
// Entry point

export async function generate(spec: Spec): Promise<Map<string, string>> {
  const { sources, bodies: bodySources, rows } = await loadModelSources();
  const paths = indexPaths(spec);
  const byName = new Map<string, ModelInfo>();
  for (const source of sources) {
    const schema = resolveModelSchema(spec, paths, source);
    const known = byName.get(source.model);
    if (known) {
      known.services.push(source.service);
      known.schema ??= schema;
      continue;
    }
    byName.set(source.model, {
      name: source.model,
      group: source.group,
      services: [source.service],
      schema,
      exportName: RESERVED.has(source.model) ? `${pascal(source.group)}${source.model}` : source.model,
    });
  }
  const models = [...byName.values()].sort((a, b) => compare(a.name, b.name));
  const bodies: { kind: BodyKind; key: string; schema: string; group: string }[] = [];
  for (const b of bodySources) {
    const schema = requestSchemaOf(paths, b.path, b.method);
    if (!schema || schema === byName.get(b.model)?.schema) continue;
    if (!bodies.some((known) => known.kind === b.kind && known.key === b.key)) {
      bodies.push({ kind: b.kind, key: b.key, schema, group: b.group });
    }
  }
  const files = new Generator(spec, models, bodies).files();
  files.set("generated/services.ts", servicesFile(rows, paths, spec));
  const barrel = files.get("generated/index.ts")!;
  files.set("generated/index.ts", `${barrel}export type * from "./services.js";\n`);
  return files;
}

// ---------------------------------------------------------------------------------------------
// Named service interfaces

/**
 * `generated/services.ts`: one named interface per service (`ProductsService`) so hovers show a
 * name, with a doc comment on the service, each action and each nested accessor (whose
 * parameters keep their names: `items(productId)`), and one interface per group.
 */
function servicesFile(rows: readonly TopRow[], paths: PathIndex, spec: Spec): string {
  const version = (spec.info?.version ?? "unknown").split("-")[0] || "unknown";
  interface Node {
    group: string;
    names: string[];
    row: RowLike;
    type: string;
    name: string;
  }
  const nodes: Node[] = [];
  const walk = (group: string, names: string[], row: RowLike, type: string) => {
    nodes.push({ group, names, row, type, name: "" });
    for (const [child, crow] of Object.entries(row.children ?? {})) {
      walk(group, [...names, child], crow, `NonNullable<${type}["children"]>[${JSON.stringify(child)}]`);
    }
  };
  for (const top of rows) {
    walk(top.group, [top.name], top.row, `(typeof ${top.exportName})[${JSON.stringify(top.name)}]`);
  }
  const base = (n: Node) => `${n.names.map(pascal).join("")}Service`;
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(base(n), (counts.get(base(n)) ?? 0) + 1);
  for (const n of nodes) n.name = (counts.get(base(n)) ?? 0) > 1 ? `${pascal(n.group)}${base(n)}` : base(n);
  const byRow = new Map<RowLike, Node>(nodes.map((n) => [n.row, n]));
  const summary = (path: string, method: string) => shortDoc(findPath(paths, path)?.[method]?.summary);

  const out: string[] = [
    `// Generated by scripts/generate-models.ts from mpt-openapi ${version} — do not edit.`,
    "// Named service interfaces built from the catalogue rows (packages/client/src/resources).",
    "",
    'import type { ServiceOf } from "../../service/types.js";',
  ];
  const exportsByFile = new Map<string, string[]>();
  for (const top of rows) {
    const list = exportsByFile.get(top.group) ?? [];
    if (!list.includes(top.exportName)) list.push(top.exportName);
    exportsByFile.set(top.group, list);
  }
  for (const [file, names] of [...exportsByFile].sort((a, b) => compare(a[0], b[0]))) {
    out.push(`import type { ${names.sort(compare).join(", ")} } from "../../resources/${file}.js";`);
  }
  out.push("");
  const accessor = (child: Node, indent: string): string[] => {
    const params = (child.row.params ?? []).map((p) => `${p}: string`).join(", ");
    const doc = `\`${child.group}.${child.names.join(".")}\`: \`${child.row.path}\`.`;
    return [...jsdoc([doc], indent), `${indent}${child.names.at(-1)}(${params}): ${child.name};`];
  };
  for (const n of nodes) {
    const dotted = `${n.group}.${n.names.join(".")}`;
    const list = summary(n.row.path, "get");
    out.push(
      ...jsdoc(
        [`Service \`${dotted}\` (model \`${n.row.model}\`): \`${n.row.path}\`.`, ...(list ? [list] : [])],
        "",
      ),
    );
    const members: string[] = [];
    for (const [action, def] of Object.entries(n.row.actions ?? {}).sort((a, b) => compare(a[0], b[0]))) {
      const path = actionKey(n.row.path, def);
      const doc = [`\`${def.method} ${path}\`.`];
      const said = summary(path, def.method.toLowerCase());
      if (said) doc.push(said);
      members.push(
        ...jsdoc(doc, "  "),
        `  ${propKey(action)}: ServiceOf<${n.type}>[${JSON.stringify(action)}];`,
      );
    }
    for (const crow of Object.values(n.row.children ?? {})) members.push(...accessor(byRow.get(crow)!, "  "));
    const head = `export interface ${n.name} extends ServiceOf<${n.type}>`;
    out.push(...(members.length === 0 ? [`${head} {}`] : [`${head} {`, ...members, "}"]), "");
  }
  const groups = [...new Set(rows.map((r) => r.group))].sort(compare);
  for (const group of groups) {
    out.push(
      ...jsdoc([`The \`${group}\` group of \`MPTClient\`.`], ""),
      `export interface ${pascal(group)}Group {`,
    );
    for (const top of rows.filter((r) => r.group === group)) {
      const node = byRow.get(top.row)!;
      if (top.row.accessor === "method" || (top.row.params ?? []).length > 0)
        out.push(...accessor(node, "  "));
      else {
        out.push(
          ...jsdoc([`\`${group}.${top.name}\`: \`${top.row.path}\`.`], "  "),
          `  readonly ${top.name}: ${node.name};`,
        );
      }
    }
    out.push("}", "");
  }
  return out.join("\n");
}

function parseArgs(argv: readonly string[]): { spec: string; out: string; check: boolean } {
  let spec = process.env["MPT_OPENAPI_SPEC"] || DEFAULT_SPEC;
  let out = DEFAULT_OUT;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") check = true;
    else if (arg === "--spec" || arg === "--out") {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value`);
      if (arg === "--spec") spec = resolve(value);
      else out = resolve(value);
    } else throw new Error(`unknown argument ${arg} (expected --spec <file>, --out <dir>, --check)`);
  }
  return { spec, out, check };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.spec)) {
    console.error(
      `generate-models: OpenAPI spec not found at ${args.spec}\n` +
        "Pass --spec <file> or set MPT_OPENAPI_SPEC to the mpt-openapi JSON file.",
    );
    return 1;
  }
  const spec = JSON.parse(readFileSync(args.spec, "utf8")) as Spec;
  if (!isObject(spec) || !isObject(spec.paths) || !isObject(spec.components?.schemas)) {
    console.error(`generate-models: ${args.spec} is not an OpenAPI document with components.schemas`);
    return 1;
  }
  const files = await generate(spec);
  const generatedDir = join(args.out, "generated");
  if (args.check) {
    const stale: string[] = [];
    for (const [file, content] of files) {
      const path = join(args.out, file);
      if (!existsSync(path) || readFileSync(path, "utf8") !== content) stale.push(file);
    }
    if (existsSync(generatedDir)) {
      for (const f of readdirSync(generatedDir))
        if (!files.has(`generated/${f}`)) stale.push(`generated/${f}`);
    }
    if (stale.length > 0) {
      console.error(`generate-models: out of date: ${stale.join(", ")} (run npm run generate)`);
      return 1;
    }
    console.log("generate-models: up to date");
    return 0;
  }
  rmSync(generatedDir, { recursive: true, force: true });
  mkdirSync(generatedDir, { recursive: true });
  let bytes = 0;
  for (const [file, content] of files) {
    writeFileSync(join(args.out, file), content);
    bytes += Buffer.byteLength(content);
  }
  console.log(
    `generate-models: wrote ${files.size} files (${bytes} bytes) to ${relative(process.cwd(), args.out) || "."}`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`generate-models: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
