/**
 * A property as mpt-rql-net sees it: RQL type (Primitive, Reference, Collection), the kind of
 * value it holds, the operators it permits, who may see it; and the walk of a dotted path
 * (case-insensitive per segment) with mpt-rql-net's path errors. The spec's `x-softwareone-rql`
 * metadata (generated/rql-metadata.ts) describes the stores' schemas; fields only the loaded data
 * has are typed from their values.
 */
import type { AccountType } from "../domain/machines/types.js";
import type { FieldType } from "../domain/schema/index.js";
import { RQL_ENUMS, RQL_SCHEMAS, type RqlPropertyMeta } from "./generated/rql-metadata.js";

/** Where a path segment is looked up: under `path` (canonical, `""` at the root), of spec schema `schema`. */
export interface Parent {
  path: string;
  schema: string | undefined;
}

/** What RQL, select and order need to know about a collection's property paths. */
export interface FieldLookup {
  /** The root: the store's records. */
  readonly root: Parent;
  /** The property `segment` (any letter case) under `parent`, or undefined when there is none. */
  lookup(parent: Parent, segment: string): PropertyInfo | undefined;
  /** The root's property names: the spec schema's, then those only the data has. */
  rootNames(): string[];
}

/** mpt-rql-net's `RqlOperators` names (its "Operator 'X' is not permitted" messages use them). */
export type RqlOperator =
  | "Eq"
  | "Ne"
  | "Gt"
  | "Ge"
  | "Lt"
  | "Le"
  | "ListIn"
  | "ListOut"
  | "StartsWith"
  | "Contains"
  | "EndsWith"
  | "Null"
  | "Empty"
  | "Any"
  | "All";

export type RqlType = "Primitive" | "Reference" | "Collection";

/** What a primitive holds (for a collection of primitives: what its elements hold). */
export type ValueKind = "string" | "guid" | "date" | "integer" | "number" | "boolean" | "enum";

export interface PropertyInfo {
  /** Canonical dotted path (the records' spelling). */
  path: string;
  rqlType: RqlType;
  kind: ValueKind;
  /** Members of an enum, in declaration order. */
  members?: readonly string[];
  /** Whether null is a value it may hold (a non-nullable number cannot be compared with null). */
  nullable: boolean;
  operators: ReadonlySet<RqlOperator>;
  /** Spec schema of a reference, or of a collection's elements. */
  schema: string | undefined;
  /** What a collection's elements are: objects (Reference) or values of `kind` (Primitive). */
  elements?: "Primitive" | "Reference";
  /** Account types that may see it; undefined: all. */
  access?: readonly AccountType[];
}

const GENERIC: readonly RqlOperator[] = ["Eq", "Ne", "Gt", "Ge", "Lt", "Le", "ListIn", "ListOut"];

/** mpt-rql-net's defaults (`RqlOperators.*Defaults`, `MetadataFactory`). */
export const OPERATORS = {
  string: new Set<RqlOperator>([...GENERIC, "StartsWith", "EndsWith", "Contains", "Empty", "Null"]),
  guid: new Set<RqlOperator>(["Eq", "Ne", "ListIn", "ListOut"]),
  value: new Set<RqlOperator>(GENERIC),
  nullableValue: new Set<RqlOperator>([...GENERIC, "Null"]),
  reference: new Set<RqlOperator>(),
  collection: new Set<RqlOperator>(["Any", "All"]),
} as const;

function operatorsOf(rqlType: RqlType, kind: ValueKind, nullable: boolean): ReadonlySet<RqlOperator> {
  if (rqlType === "Reference") return OPERATORS.reference;
  if (rqlType === "Collection") return OPERATORS.collection;
  if (kind === "string") return OPERATORS.string;
  if (kind === "guid") return OPERATORS.guid;
  return nullable ? OPERATORS.nullableValue : OPERATORS.value;
}

const KINDS: Readonly<Record<string, ValueKind>> = {
  s: "string",
  g: "guid",
  d: "date",
  i: "integer",
  n: "number",
  b: "boolean",
  e: "enum",
};

const DATA_KINDS: Readonly<Partial<Record<FieldType, ValueKind>>> = {
  date: "date",
  number: "number",
  boolean: "boolean",
};

/** Operators of a data-only field whose values are all null: a string's, or a collection's. */
const UNKNOWN_OPERATORS: ReadonlySet<RqlOperator> = new Set([...OPERATORS.string, ...OPERATORS.collection]);

/** A property only the loaded data describes: typed from its values (all nullable). */
export function dataProperty(
  path: string,
  type: FieldType,
  elementType: FieldType | undefined,
): PropertyInfo {
  const rqlType: RqlType = type === "array" ? "Collection" : type === "object" ? "Reference" : "Primitive";
  const kind = DATA_KINDS[(rqlType === "Collection" ? elementType : type) ?? "string"] ?? "string";
  const info: PropertyInfo = {
    path,
    rqlType,
    kind,
    nullable: true,
    operators: type === "null" ? UNKNOWN_OPERATORS : operatorsOf(rqlType, kind, true),
    schema: undefined,
  };
  if (rqlType === "Collection") info.elements = elementType === undefined ? "Reference" : "Primitive";
  return info;
}

const ACCOUNTS: Readonly<Record<string, AccountType>> = { C: "Client", V: "Vendor", O: "Operations" };

function fromMeta(path: string, meta: RqlPropertyMeta): PropertyInfo {
  const rqlType: RqlType = meta.t === "R" ? "Reference" : meta.t === "C" ? "Collection" : "Primitive";
  const kind = KINDS[meta.k ?? "s"] ?? "string";
  const nullable = meta.n === 1;
  const info: PropertyInfo = {
    path,
    rqlType,
    kind,
    nullable,
    operators: operatorsOf(rqlType, kind, nullable),
    schema: meta.to,
  };
  if (rqlType === "Collection") info.elements = meta.to === undefined ? "Primitive" : "Reference";
  const members = meta.e === undefined ? undefined : RQL_ENUMS[meta.e];
  if (members) info.members = members;
  if (meta.a !== undefined) info.access = [...meta.a].flatMap((l) => ACCOUNTS[l] ?? []);
  return info;
}

/** Lower-cased property name -> spelling, per schema (built on first use). */
const spellings = new Map<string, Map<string, string>>();

function spellingIn(schema: string, segment: string): string | undefined {
  const fields = RQL_SCHEMAS[schema];
  if (!fields) return undefined;
  if (Object.hasOwn(fields, segment)) return segment;
  let names = spellings.get(schema);
  if (!names) {
    names = new Map(Object.keys(fields).map((k) => [k.toLowerCase(), k]));
    spellings.set(schema, names);
  }
  return names.get(segment.toLowerCase());
}

/** The spec's property names of `schema` (none for a store without one). */
export function specNames(schema: string | undefined): string[] {
  return schema === undefined ? [] : Object.keys(RQL_SCHEMAS[schema] ?? {});
}

/** The spec's property `segment` (any letter case) of `parent.schema`, or undefined. */
export function specProperty(parent: Parent, segment: string): PropertyInfo | undefined {
  if (parent.schema === undefined) return undefined;
  const name = spellingIn(parent.schema, segment);
  const meta = name === undefined ? undefined : RQL_SCHEMAS[parent.schema]?.[name];
  if (name === undefined || meta === undefined) return undefined;
  return fromMeta(parent.path === "" ? name : `${parent.path}.${name}`, meta);
}

/**
 * `self()`: one element of `collection` (inside `any`/`all`), or the record itself at the top
 * (a reference, on which no operator is permitted).
 */
export function elementOf(collection: PropertyInfo | undefined, parent: Parent): PropertyInfo {
  const rqlType: RqlType = collection?.elements === "Primitive" ? "Primitive" : "Reference";
  const kind = collection?.kind ?? "string";
  const info: PropertyInfo = {
    path: parent.path,
    rqlType,
    kind,
    nullable: true,
    operators: operatorsOf(rqlType, kind, true),
    schema: parent.schema,
  };
  if (collection?.members) info.members = collection.members;
  return info;
}

/** Whether `accountType` may see `info` (no account type, or no `access` list: yes). */
export function seenBy(info: PropertyInfo, accountType: AccountType | undefined): boolean {
  return !accountType || !info.access || info.access.includes(accountType);
}

/** The scope a property's children are looked up in (a collection's: its elements'). */
export function parentOf(info: PropertyInfo): Parent {
  return { path: info.path, schema: info.schema };
}

/** Which query part walks the path: its error for a property the caller may not see differs. */
export type PathUse = "filter" | "order" | "select";

export type PathResult =
  | { ok: true; info: PropertyInfo }
  | { ok: false; key: string; message: string; hidden?: boolean };

/** mpt-rql-net's answer for a hidden property; a select leaves it out silently. */
const NOT_PERMITTED: Readonly<Record<PathUse, string>> = {
  filter: "Filtering is not permitted.",
  order: "Ordering is not permitted.",
  select: "",
};

/**
 * Walks `path` from `parent` as mpt-rql-net's PathInfoBuilder does: each segment must be a
 * property (any letter case) of the one before, and visible to `accountType`. A filter or order
 * path cannot go through a collection (`lines.id`: use `any(lines,…)`); errors are keyed by the
 * path up to the failing segment, prefixed by `keyPrefix` (the enclosing `any`/`all` path).
 */
export function resolvePath(
  fields: FieldLookup,
  parent: Parent,
  path: string,
  use: PathUse,
  accountType: AccountType | undefined,
  keyPrefix = "",
): PathResult {
  const segments = path.split(".");
  let current = parent;
  let info: PropertyInfo | undefined;
  let written = keyPrefix;
  for (const segment of segments) {
    written = written === "" ? segment : `${written}.${segment}`;
    if (info?.rqlType === "Collection" && use !== "select") {
      return { ok: false, key: written, message: "Invalid property path." };
    }
    info = segment === "" ? undefined : fields.lookup(current, segment);
    if (!info) return { ok: false, key: written, message: "Invalid property path." };
    if (!seenBy(info, accountType)) {
      return { ok: false, key: written, message: NOT_PERMITTED[use], hidden: true };
    }
    current = parentOf(info);
  }
  if (!info) return { ok: false, key: written, message: "Invalid property path." };
  return { ok: true, info };
}
