/**
 * What property paths a collection has and of which type, learnt from its records (and, for
 * virtual sources, from a sample), completed by the OpenAPI spec's RQL metadata for the store.
 * RQL, select and order find each path segment here, case-insensitively as mpt-rql-net does.
 */

import { SCHEMA_ROOTS } from "../domain/schema/generated.js";
import type { FieldType } from "../domain/schema/index.js";
import { isObject, type JsonValue } from "../shared/json.js";
import {
  dataProperty,
  type FieldLookup,
  type Parent,
  type PropertyInfo,
  specNames,
  specProperty,
} from "./properties.js";

export type { FieldType } from "../domain/schema/index.js";
export type { FieldLookup, Parent } from "./properties.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function typeOfValue(value: JsonValue): FieldType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return ISO_DATE.test(value) ? "date" : "string";
}

const join = (prefix: string, key: string) => (prefix === "" ? key : `${prefix}.${key}`);

/** Path -> type, growing as records are added. `null` types are refined by later values. */
export class FieldIndex implements FieldLookup {
  private readonly types = new Map<string, FieldType>();
  /** Lower-cased path -> the records' spelling (the first one seen). */
  private readonly spelling = new Map<string, string>();
  readonly root: Parent = { path: "", schema: undefined };

  add(record: JsonValue): void {
    this.walk(record, "", 0);
  }

  private note(path: string, value: JsonValue): void {
    const type = typeOfValue(value);
    const known = this.types.get(path);
    if (known === undefined) {
      const lower = path.toLowerCase();
      if (!this.spelling.has(lower)) this.spelling.set(lower, path);
    }
    if (known === undefined || known === "null" || (known === "date" && type === "string")) {
      this.types.set(path, type);
    }
  }

  private walk(value: JsonValue, prefix: string, depth: number): void {
    if (depth > 12) return;
    if (Array.isArray(value)) {
      for (const element of value) {
        if (isObject(element) || Array.isArray(element)) this.walk(element, prefix, depth + 1);
        else if (prefix !== "") this.note(`${prefix}.[]`, element);
      }
      return;
    }
    if (!isObject(value)) return;
    for (const [key, child] of Object.entries(value)) {
      const path = join(prefix, key);
      this.note(path, child);
      this.walk(child, path, depth + 1);
    }
  }

  /** The records' spelling of `path` (exact, else case-insensitive), or undefined. */
  canonical(path: string): string | undefined {
    return this.types.has(path) ? path : this.spelling.get(path.toLowerCase());
  }

  typeOf(path: string): FieldType | undefined {
    return this.types.get(path);
  }

  /** Element type of a primitive array path (`tags` of `["a","b"]` -> string). */
  elementTypeOf(path: string): FieldType | undefined {
    return this.types.get(`${path}.[]`);
  }

  lookup(parent: Parent, segment: string): PropertyInfo | undefined {
    const path = this.canonical(join(parent.path, segment));
    const type = path === undefined ? undefined : this.types.get(path);
    if (path === undefined || type === undefined) return undefined;
    return dataProperty(path, type, this.elementTypeOf(path));
  }

  paths(): string[] {
    return [...this.types.keys()].filter((p) => !p.endsWith(".[]"));
  }

  rootNames(): string[] {
    return [...this.types.keys()].filter((p) => !p.includes("."));
  }
}

/**
 * The loaded data's paths, completed and typed by the spec's RQL metadata for the store: a path
 * the spec describes takes the spec's RQL type, kind and access; one only the data has (fixtures
 * may carry extra fields) takes the type of its values.
 */
export function storeFields(store: string, data: FieldIndex): FieldLookup {
  const root: Parent = { path: "", schema: SCHEMA_ROOTS[store] };
  return {
    root,
    lookup(parent, segment) {
      return specProperty(parent, segment) ?? data.lookup(parent, segment);
    },
    rootNames() {
      const spec = specNames(root.schema);
      const known = new Set(spec.map((n) => n.toLowerCase()));
      return [...spec, ...data.rootNames().filter((n) => !known.has(n.toLowerCase()))];
    },
  };
}
