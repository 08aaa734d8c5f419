/**
 * Checks request data before it is sent: a plain object whose values JSON can carry exactly.
 * `JSON.stringify` would silently turn NaN into null and drop undefined array items; we refuse.
 */
import { MPTError } from "../errors.js";
import { describe } from "./paths.js";

export function assertJsonObject(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new MPTError(`${what}: expected an object with the resource's fields, got ${describe(value)}`);
  }
  assertJsonValue(value, what, "data");
  return value as Record<string, unknown>;
}

/** Like `assertJsonObject`, but a list of objects is accepted too (collection PUTs that replace a set). */
export function assertJsonObjectOrList(value: unknown, what: string): Record<string, unknown> | unknown[] {
  if (!Array.isArray(value)) return assertJsonObject(value, what);
  value.forEach((item, i) => {
    assertJsonObject(item, `${what}[${i}]`);
  });
  return value;
}

function assertJsonValue(value: unknown, what: string, at: string): void {
  switch (typeof value) {
    case "string":
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value)) {
        throw new MPTError(
          `${what}: ${at} is ${value}, which JSON cannot carry; send a finite number or null`,
        );
      }
      return;
    case "object": {
      if (value === null || value instanceof Date) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (item === undefined) throw new MPTError(`${what}: ${at}[${i}] is undefined; use null`);
          assertJsonValue(item, what, `${at}[${i}]`);
        });
        return;
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") return;
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) assertJsonValue(item, what, `${at}.${key}`);
      }
      return;
    }
    default:
      throw new MPTError(`${what}: ${at} is a ${typeof value}, which JSON cannot carry`);
  }
}
