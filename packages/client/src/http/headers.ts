/**
 * Request headers as plain records of lower-case names until the transport boundary (no web
 * `Headers` object per request): building them from user input with the same checks `Headers`
 * makes, so that a bad name or value is an `MPTError` naming the header.
 */
import { MPTError } from "../errors.js";

/** RFC 9110 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Characters a field value may not contain (after trimming): controls and non-Latin-1, as node:http. */
const FORBIDDEN_IN_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** Copies `record` into `into` (lower-case names, trimmed values), checking each header. */
export function addHeaders(
  record: Record<string, string> | undefined,
  into: Record<string, string> = {},
): Record<string, string> {
  if (record === undefined) return into;
  for (const name in record) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    const trimmed = typeof value === "string" ? value.trim() : undefined;
    if (!TOKEN.test(name) || trimmed === undefined || FORBIDDEN_IN_VALUE.test(trimmed)) {
      throw new MPTError(`Invalid HTTP header ${JSON.stringify(name)}: its name or value is not allowed`);
    }
    into[name.toLowerCase()] = trimmed;
  }
  return into;
}
