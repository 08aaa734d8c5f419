/**
 * JSON value types and the small helpers every module uses: reading dotted paths (arrays are
 * transparent), deep merge for PUT, cloning.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Values at a dotted path; arrays on the way fan out. A missing path yields nothing. */
export function valuesAt(root: JsonValue | undefined, path: string): JsonValue[] {
  if (path === "") return root === undefined ? [] : [root];
  let current: JsonValue[] = root === undefined ? [] : [root];
  for (const part of path.split(".")) {
    const next: JsonValue[] = [];
    for (const value of current) collect(value, part, next);
    current = next;
  }
  return current;
}

function collect(value: JsonValue, part: string, out: JsonValue[]): void {
  if (Array.isArray(value)) {
    for (const element of value) collect(element, part, out);
  } else if (isObject(value) && part in value) {
    out.push(value[part] as JsonValue);
  }
}

/** The single value at a dotted path through objects only (no fan-out); undefined if absent. */
export function valueAt(root: JsonValue | undefined, path: string): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const part of path.split(".")) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/** Sets a dotted path, creating objects on the way (mutates). */
export function setAt(root: JsonObject, path: string, value: JsonValue): void {
  const parts = path.split(".");
  let current = root;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    if (isObject(next)) current = next;
    else {
      const created: JsonObject = {};
      current[part] = created;
      current = created;
    }
  }
  current[parts[parts.length - 1] as string] = value;
}

/** PUT semantics: objects merge recursively, everything else (arrays included) replaces. */
export function deepMerge(base: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

export function clone<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** Adds every dotted path of `value` (arrays transparent) to `out`, prefixed by `prefix`. */
export function collectPaths(value: JsonValue, prefix: string, out: Set<string>, depth = 0): void {
  if (depth > 12) return;
  if (Array.isArray(value)) {
    for (const element of value) collectPaths(element, prefix, out, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    out.add(path);
    collectPaths(child, path, out, depth + 1);
  }
}
