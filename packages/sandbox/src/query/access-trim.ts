/**
 * Response trimming by the spec's `x-softwareone-rql.access` (generated/rql-metadata.ts, `a`): a
 * property whose access excludes the caller's account type is left out of every answer, at every
 * depth the metadata describes (references and collections of objects). Operations sees
 * everything; stores without a spec schema, and fields only the data has, are untouched.
 * Compiled once per schema and account type (a plan of what to drop and where to descend), cached.
 */
import type { AccountType } from "../domain/machines/types.js";
import { SCHEMA_ROOTS } from "../domain/schema/generated.js";
import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";
import { RQL_SCHEMAS } from "./generated/rql-metadata.js";

/** What a schema's objects lose: hidden properties, and children with something hidden below. */
interface Plan {
  hidden: string[];
  nested: Array<[string, Plan]>;
}

export type Trimmer = (record: JsonObject) => JsonObject;

const identity: Trimmer = (record) => record;

const LETTER: Readonly<Record<AccountType, string>> = { Client: "C", Vendor: "V", Operations: "O" };

/** Per account type: schema -> plan, for the schemas with something hidden at or below them. */
const plans = new Map<AccountType, Map<string, Plan>>();
const trimmers = new Map<string, Trimmer>();

function hides(access: string | undefined, letter: string): boolean {
  return access !== undefined && !access.includes(letter);
}

/**
 * The plans of every schema that hides something from `accountType` itself or through a
 * reference or collection (schemas refer to each other in cycles: the set is grown to a fixed
 * point over the reversed reference graph, then each plan links to its children's plans).
 */
function compile(accountType: AccountType): Map<string, Plan> {
  const letter = LETTER[accountType];
  const referrers = new Map<string, Set<string>>();
  const affected = new Set<string>();
  for (const [schema, props] of Object.entries(RQL_SCHEMAS)) {
    for (const meta of Object.values(props)) {
      if (hides(meta.a, letter)) affected.add(schema);
      if (meta.to === undefined) continue;
      const set = referrers.get(meta.to) ?? new Set<string>();
      referrers.set(meta.to, set);
      set.add(schema);
    }
  }
  const queue = [...affected];
  for (let schema = queue.pop(); schema !== undefined; schema = queue.pop()) {
    for (const parent of referrers.get(schema) ?? []) {
      if (affected.has(parent)) continue;
      affected.add(parent);
      queue.push(parent);
    }
  }
  const out = new Map<string, Plan>();
  for (const schema of affected) out.set(schema, { hidden: [], nested: [] });
  for (const [schema, plan] of out) {
    for (const [name, meta] of Object.entries(RQL_SCHEMAS[schema] ?? {})) {
      if (hides(meta.a, letter)) plan.hidden.push(name);
      else if (meta.to !== undefined && meta.t !== "P") {
        const child = out.get(meta.to);
        if (child) plan.nested.push([name, child]);
      }
    }
  }
  return out;
}

/** `value` without what `plan` hides (walked by the plan's properties, not the record's). */
function trimValue(value: JsonValue, plan: Plan, depth: number): JsonValue {
  if (depth > 32) return value;
  if (Array.isArray(value)) {
    let items: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as JsonValue;
      const trimmed = trimValue(item, plan, depth + 1);
      if (trimmed === item) continue;
      items ??= [...value];
      items[i] = trimmed;
    }
    return items ?? value;
  }
  if (!isObject(value)) return value;
  let out: JsonObject | undefined;
  for (const key of plan.hidden) {
    if (!Object.hasOwn(value, key)) continue;
    out ??= { ...value };
    delete out[key];
  }
  for (const [key, child] of plan.nested) {
    const current = value[key];
    if (current === undefined || current === null || typeof current !== "object") continue;
    const trimmed = trimValue(current, child, depth + 1);
    if (trimmed === current) continue;
    out ??= { ...value };
    out[key] = trimmed;
  }
  return out ?? value;
}

/**
 * The trimming of `store`'s records for `accountType` (undefined or Operations: none). Records
 * are not modified: parts losing a property are copied, the rest is shared.
 */
export function accessTrimmer(store: string, accountType: AccountType | undefined): Trimmer {
  const schema = SCHEMA_ROOTS[store];
  return schemaTrimmer(schema, accountType);
}

/** As `accessTrimmer`, for records of spec schema `schema`. */
export function schemaTrimmer(schema: string | undefined, accountType: AccountType | undefined): Trimmer {
  if (schema === undefined || accountType === undefined || accountType === "Operations") return identity;
  const key = `${accountType}\u0000${schema}`;
  let trimmer = trimmers.get(key);
  if (trimmer) return trimmer;
  const byType = plans.get(accountType) ?? compile(accountType);
  plans.set(accountType, byType);
  const plan = byType.get(schema);
  trimmer = plan ? (record) => trimValue(record, plan, 0) as JsonObject : identity;
  trimmers.set(key, trimmer);
  return trimmer;
}
