/**
 * JSON answers that carry records outside the list/get projection (create, update and action
 * answers, and the special handlers: split billing, memberships, checks, batch attachments): each
 * goes through the one access trimming (query/access-trim.ts) for the caller's account type, by
 * the spec schema of what it answers (the store's, or the one its definition's `answers` names for
 * an action), so no answer shows a field the spec hides from the caller.
 */
import { storeDef } from "../domain/stores/index.js";
import { accessTrimmer, schemaTrimmer, type Trimmer } from "../query/access-trim.js";
import { RQL_SCHEMAS } from "../query/generated/rql-metadata.js";
import type { JsonObject } from "../shared/json.js";
import type { RequestContext } from "./context.js";
import { json } from "./envelope.js";

/** What an answer holds: records of a store (its spec schema) or objects of a named spec schema. */
export type AnswerOf = { store: string } | { schema: string };

/** What action `action` of `store` answers: the schema its definition's `answers` names, else the store's records. */
export function actionAnswer(store: string, action: string): AnswerOf {
  const answers: Readonly<Record<string, string | undefined>> = storeDef(store).answers ?? {};
  const schema = answers[action];
  return schema === undefined ? { store } : { schema };
}

function trimmerOf(rc: RequestContext, of: AnswerOf): Trimmer {
  if ("store" in of) return accessTrimmer(of.store, rc.caller.accountType);
  // A schema name is code, not input: a typo would silently trim nothing, so it fails loudly.
  if (!Object.hasOwn(RQL_SCHEMAS, of.schema)) throw new Error(`unknown spec schema '${of.schema}'`);
  return schemaTrimmer(of.schema, rc.caller.accountType);
}

/** `body` (one object or a list) as JSON, without what the caller's account type may not see. */
export function recordJson(
  rc: RequestContext,
  of: AnswerOf,
  body: JsonObject | JsonObject[],
  status = 200,
): Response {
  const trim = trimmerOf(rc, of);
  return json(Array.isArray(body) ? body.map((r) => trim(r)) : trim(body), status);
}
