/**
 * Credential fields in what the API answers: `ApiToken.token` (the full bearer string), a
 * webhook's `secret`, a `password`. Output shows them masked (`****abcd`, as profiles show
 * tokens) unless `--show-secrets` is given, and says once on stderr what it hid.
 */
import { maskToken } from "../config-file.js";
import { printErr, type Runtime } from "../runtime.js";

/** Field names whose string values are credentials (from the OpenAPI spec's schemas). */
const SECRET_FIELDS: ReadonlySet<string> = new Set(["token", "secret", "password"]);

/** Maps a record to what may be printed. */
export type Masker = (record: unknown) => unknown;

function masked(value: unknown, hidden: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => masked(v, hidden));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (SECRET_FIELDS.has(key) && typeof field === "string" && field !== "") {
      hidden.add(key);
      out[key] = maskToken(field);
    } else {
      out[key] = masked(field, hidden);
    }
  }
  return out;
}

/** The masker of a command: identity with `--show-secrets`, else masking with one notice. */
export function secretMasker(rt: Runtime, showSecrets: boolean | undefined): Masker {
  if (showSecrets) return (record) => record;
  let told = false;
  return (record) => {
    const hidden = new Set<string>();
    const out = masked(record, hidden);
    if (hidden.size > 0 && !told) {
      told = true;
      const fields = [...hidden].join(", ");
      printErr(rt, `mpt: ${fields} masked in the output; add --show-secrets to print credentials`);
    }
    return out;
  };
}
