/** `render()`: fills `{{ path }}` templates in a record's text fields (audit record `details`). */
import { type JsonObject, valuesAt } from "../shared/json.js";

const TEMPLATE = /\{\{\s*([\w.$]+)\s*\}\}/g;

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    return String(o["name"] ?? o["id"] ?? "");
  }
  return String(value);
}

export function renderRecord(record: JsonObject): JsonObject {
  let out: JsonObject | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== "string" || !value.includes("{{")) continue;
    out ??= { ...record };
    out[key] = value.replace(TEMPLATE, (_, path: string) => text(valuesAt(record, path)[0]));
  }
  return out ?? record;
}
