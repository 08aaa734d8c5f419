/** Allocating the id of a new record from its store's rule (random groups, parent-derived, joined). */

import { type JsonObject, valueAt } from "../shared/json.js";
import { idRule } from "./collections.js";
import { childId, digitGroups, randomId } from "./ids.js";
import type { Store } from "./store.js";

export function allocateId(store: Store, key: string, record: JsonObject): string {
  const rule = idRule(key);
  const collection = store.collection(key);
  if ("groups" in rule) {
    for (;;) {
      const id = randomId(rule.prefix, rule.groups, store.rng);
      if (!collection.has(id)) return id;
    }
  }
  if ("joins" in rule) {
    const groups = rule.joins.flatMap((path) => digitGroups(String(valueAt(record, path) ?? "")));
    return `${rule.prefix}-${groups.join("-")}`;
  }
  const parentId = rule.parent.map((p) => valueAt(record, p)).find((v): v is string => typeof v === "string");
  if (parentId === undefined) {
    for (;;) {
      const id = randomId(rule.prefix, 2 + (rule.pad ?? 0) + 1, store.rng);
      if (!collection.has(id)) return id;
    }
  }
  for (;;) {
    const id = childId(rule.prefix, parentId, store.nextSequence(key, parentId), rule.pad ?? 0);
    if (!collection.has(id)) return id;
  }
}
