/**
 * What property paths a collection has and of which type, learnt from its records (and, for
 * virtual sources, from a sample). RQL, select and order validate paths against it: a path is
 * valid when the loaded data has it.
 */

import { type FieldType, schemaElementTypeOf, schemaTypeOf } from "../domain/schema/index.js";
import { isObject, type JsonValue } from "../shared/json.js";

export type { FieldType } from "../domain/schema/index.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function typeOfValue(value: JsonValue): FieldType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return ISO_DATE.test(value) ? "date" : "string";
}

/** What validation needs to know about a store's property paths. */
export interface FieldLookup {
  has(path: string): boolean;
  typeOf(path: string): FieldType | undefined;
  elementTypeOf(path: string): FieldType | undefined;
}

/** Path -> type, growing as records are added. `null` types are refined by later values. */
export class FieldIndex implements FieldLookup {
  private readonly types = new Map<string, FieldType>();

  add(record: JsonValue): void {
    this.walk(record, "", 0);
  }

  private note(path: string, value: JsonValue): void {
    const type = typeOfValue(value);
    const known = this.types.get(path);
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
      const path = prefix === "" ? key : `${prefix}.${key}`;
      this.note(path, child);
      this.walk(child, path, depth + 1);
    }
  }

  has(path: string): boolean {
    return this.types.has(path);
  }

  typeOf(path: string): FieldType | undefined {
    return this.types.get(path);
  }

  /** Element type of a primitive array path (`tags` of `["a","b"]` -> string). */
  elementTypeOf(path: string): FieldType | undefined {
    return this.types.get(`${path}.[]`);
  }

  paths(): string[] {
    return [...this.types.keys()].filter((p) => !p.endsWith(".[]"));
  }
}

/** The loaded data's paths, completed by the OpenAPI spec's for the store. */
export function storeFields(store: string, data: FieldIndex): FieldLookup {
  return {
    has: (path) => data.has(path) || schemaTypeOf(store, path) !== undefined,
    typeOf: (path) => {
      const known = data.typeOf(path);
      if (known !== undefined && known !== "null") return known;
      return schemaTypeOf(store, path) ?? known;
    },
    elementTypeOf: (path) => data.elementTypeOf(path) ?? schemaElementTypeOf(store, path),
  };
}
