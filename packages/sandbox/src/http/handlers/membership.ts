/**
 * Membership routes (`link` in routes.ts: a user's groups in an account). The route stores one
 * link per (parents, linked record), so a group can belong to several users: POST `{id}` links a
 * record, DELETE `{id}` unlinks it, the collection PUT replaces the links. POST and PUT answer
 * the owner (the last parent, the account user) with its linked records, as the OpenAPI spec says.
 */

import { allocateId } from "../../domain/id-allocation.js";
import { requireReferences } from "../../domain/integrity.js";
import { stamp, withAudit } from "../../domain/lifecycle.js";
import { checkWriter } from "../../domain/ownership.js";
import { shortRef } from "../../domain/references.js";
import type { StoreRef } from "../../domain/routes.js";
import { validateRequest } from "../../domain/validation.js";
import { findInView, modelName, openView, type View } from "../../domain/view.js";
import { isObject, type JsonObject, type JsonValue, setAt, valueAt } from "../../shared/json.js";
import { validationError } from "../../shared/problem.js";
import type { RequestBody } from "../body.js";
import type { ActionCall, RequestContext } from "../context.js";
import { noContent } from "../envelope.js";
import { recordJson } from "../record-answer.js";

/** `group` of `group.id`: the field of a link that names the linked record. */
function linkField(link: StoreRef): string {
  return link.path.replace(/\.id$/, "");
}

/** The linked record a body entry (`{id}`) names; 400 naming the field and id if there is none. */
function linkedRecord(rc: RequestContext, view: View, link: StoreRef, entry: unknown): JsonObject {
  const field = linkField(link);
  const id = isObject(entry) ? entry["id"] : undefined;
  if (typeof id !== "string" || id === "") throw validationError({ [field]: ["The Id field is required."] });
  requireReferences(rc, view.store, { [field]: { id } });
  const record = view.shown.get(id) as JsonObject;
  // The linked record must belong where the route places it (a group of this account).
  const placed = rc.route.refs.every((ref) => {
    const value = valueAt(record, ref.path);
    return value === undefined || value === rc.params[ref.param];
  });
  if (!placed) throw validationError({ [field]: [`${modelName(link.store)} with id '${id}' not found.`] });
  return record;
}

function addLink(rc: RequestContext, view: View, link: StoreRef, record: JsonObject): void {
  const id = record["id"] as string;
  if (view.linkOf(id)) return;
  const draft: JsonObject = {};
  for (const ref of rc.route.refs) setAt(draft, ref.path, rc.params[ref.param] ?? "");
  draft[linkField(link)] = shortRef(record);
  const withId = { id: allocateId(rc.sandbox.store, view.store, draft), ...draft };
  const stored = withAudit(withId, ["created"], stamp(rc.sandbox, rc.caller));
  view.collection.put(stored);
  rc.sandbox.counters.created(view.store);
}

/**
 * The owner (last parent) with its linked records under the route's last segment (`groups`),
 * trimmed as a record of the owner's store (a user's `accounts` are for Operations only).
 */
function ownerAnswer(rc: RequestContext, view: View): Response {
  const last = rc.route.refs.at(-1);
  const owner = last ? view.parents[last.param] : undefined;
  const listed: JsonValue[] = [...view.records()].map(shortRef);
  const field = rc.route.segments.at(-1) ?? "items";
  return recordJson(rc, { store: last?.store ?? rc.route.store }, { ...(owner ?? {}), [field]: listed });
}

/** Changing a user's groups is changing the user: the owner's `writers` rule applies. */
function checkOwnerWriter(rc: RequestContext, view: View): void {
  const last = rc.route.refs.at(-1);
  const owner = last ? view.parents[last.param] : undefined;
  if (last && owner) checkWriter(last.store, rc.caller, owner);
}

function linkOfRoute(rc: RequestContext): StoreRef {
  const link = rc.route.link;
  if (!link) throw new Error(`${rc.route.name} is not a membership route`);
  return link;
}

/** `POST …/users/{userId}/groups` `{id}`: adds the user to the group (no duplicate links). */
export function createLink(rc: RequestContext, body: unknown): Response {
  const link = linkOfRoute(rc);
  const view = openView(rc);
  checkOwnerWriter(rc, view);
  const valid = validateRequest(rc, body);
  const record = linkedRecord(rc, view, link, valid);
  addLink(rc, view, link, record);
  return ownerAnswer(rc, view);
}

/** `DELETE …/users/{userId}/groups/{groupId}`: removes the user from the group. */
export function deleteLink(rc: RequestContext, id: string): Response {
  const view = openView(rc);
  checkOwnerWriter(rc, view);
  findInView(view, id, true);
  const stored = view.linkOf(id);
  if (stored) view.collection.delete(stored["id"] as string);
  return noContent();
}

/** `PUT …/users/{userId}/groups` `[{id}, …]` (or `{groups: […]}`): replaces the user's groups. */
export function replaceLinks(rc: RequestContext, _call: ActionCall, raw: RequestBody): Response {
  const link = linkOfRoute(rc);
  const view = openView(rc);
  checkOwnerWriter(rc, view);
  const body = validateRequest(rc, raw.json);
  const field = rc.route.segments.at(-1) ?? "";
  const list = Array.isArray(body) ? body : isObject(body) ? body[field] : undefined;
  if (!Array.isArray(list)) throw validationError({ [field]: [`A list of ${field} ({ id }) is required.`] });
  const records = list.map((entry) => linkedRecord(rc, view, link, entry));
  for (const existing of [...view.collection.scan()]) {
    if (view.member(existing)) view.collection.delete(existing["id"] as string);
  }
  for (const record of records) addLink(rc, view, link, record);
  return ownerAnswer(rc, view);
}
