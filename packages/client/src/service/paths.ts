/**
 * Path building: fills `{param}` placeholders of catalogue templates with percent-encoded ids,
 * so that an id can never change the path (`get("../x")` stays inside the endpoint).
 */
import { MPTError } from "../errors.js";

/** Encodes one path segment; rejects ids that are empty or dot segments (URL parsers resolve those). */
export function encodeSegment(value: unknown, what: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new MPTError(`${what}: expected a non-empty string id, got ${describe(value)}`);
  }
  if (value === "." || value === "..") {
    throw new MPTError(`${what}: "${value}" is not a valid id (a dot segment would change the path)`);
  }
  try {
    return encodeURIComponent(value);
  } catch {
    throw new MPTError(`${what}: the id contains an unpaired surrogate and cannot be encoded`);
  }
}

/** Replaces the placeholders of `template` in order with the encoded `values`. */
export function fillTemplate(template: string, values: readonly string[], what: string): string {
  let i = 0;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[i];
    i += 1;
    return encodeSegment(value, `${what} (${name})`);
  });
  if (i !== values.length) {
    throw new MPTError(`${what}: expected ${i} id(s), got ${values.length}`);
  }
  return path;
}

/** Names of the placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return value.length === 0 ? "an empty string" : `"${value}"`;
  return typeof value;
}
