/**
 * Split billing (OpenAPI only): `GET|POST|PUT commerce/agreements/{id}/split` and
 * `GET|PUT commerce/subscriptions/{id}/split`. A split shares an agreement's or subscription's
 * charges between buyers; it is the owner's `split` field (`SplitBillingAgreement`,
 * `SplitBillingSubscription`), answered with the owner's id. Sandbox rules, checked on every
 * write: a non-empty `allocations` list, each naming an existing buyer once with a percentage
 * above 0, the percentages adding up to 100. POST sets an agreement's first split (409 once it has
 * allocations), PUT replaces it; a subscription without allocations of its own shows its
 * agreement's. Answers are trimmed by `access` (record-answer.ts).
 */
import { stamp, withAudit } from "../../domain/lifecycle.js";
import { shortRef } from "../../domain/references.js";
import { findInView, openView } from "../../domain/view.js";
import { isObject, type JsonObject, type JsonValue, valueAt } from "../../shared/json.js";
import { SandboxError, validationError } from "../../shared/problem.js";
import type { RequestBody } from "../body.js";
import type { ActionCall, RequestContext } from "../context.js";
import { actionAnswer, recordJson } from "../record-answer.js";

/** Percentages add up to 100 within this tolerance (they are doubles on the wire). */
const TOLERANCE = 0.001;

function checkAllocations(rc: RequestContext, body: unknown): JsonObject[] {
  const list = isObject(body) ? body["allocations"] : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    throw validationError({
      allocations: ["At least one allocation ({ buyer: { id }, percentage }) is required."],
    });
  }
  const buyers = rc.sandbox.store.collection("accounts/buyers");
  const errors: Record<string, string[]> = {};
  const seen = new Set<string>();
  let total = 0;
  const out = list.map((entry: JsonValue, i) => {
    const at = `allocations[${i}]`;
    const buyerId = valueAt(entry, "buyer.id");
    const percentage = valueAt(entry, "percentage");
    if (typeof buyerId !== "string" || buyerId === "") {
      errors[`${at}.buyer`] = ["The Buyer field is required."];
    } else if (!buyers.get(buyerId)) {
      errors[`${at}.buyer`] = [`Buyer with id '${buyerId}' not found.`];
    } else if (seen.has(buyerId)) {
      errors[`${at}.buyer`] = [`Buyer '${buyerId}' is allocated more than once.`];
    } else {
      seen.add(buyerId);
    }
    if (
      typeof percentage !== "number" ||
      !Number.isFinite(percentage) ||
      percentage <= 0 ||
      percentage > 100
    ) {
      errors[`${at}.percentage`] = ["The percentage must be a number above 0 and at most 100."];
    } else {
      total += percentage;
    }
    const buyer = typeof buyerId === "string" ? buyers.get(buyerId) : undefined;
    const allocation: JsonObject = { ...(isObject(entry) ? entry : {}) };
    if (buyer) allocation["buyer"] = shortRef(buyer);
    return allocation;
  });
  if (Object.keys(errors).length > 0) {
    throw new SandboxError({
      status: 400,
      title: "One or more validation errors occurred.",
      detail: Object.values(errors).flat().join(" "),
      errors,
    });
  }
  if (Math.abs(total - 100) > TOLERANCE) {
    throw new SandboxError({
      status: 400,
      title: "Bad Request",
      detail: `The allocation percentages must add up to 100; they add up to ${total}.`,
      errors: [{ message: "The allocation percentages must add up to 100.", properties: ["allocations"] }],
    });
  }
  return out;
}

const allocationsOf = (split: JsonValue | undefined): JsonValue[] =>
  isObject(split) && Array.isArray(split["allocations"]) ? split["allocations"] : [];

/** The split as answered: the owner's `split` with the owner's id (and name and reference for subscriptions). */
function answerOf(rc: RequestContext, owner: JsonObject): JsonObject {
  const own = isObject(owner["split"]) ? owner["split"] : {};
  const split: JsonObject = { ...own, id: owner["id"] as string, allocations: allocationsOf(own) };
  if (rc.route.store !== "commerce/subscriptions") return split;
  split["name"] = owner["name"] ?? null;
  split["subscription"] = shortRef(owner);
  const agreementId = valueAt(owner, "agreement.id");
  if (allocationsOf(own).length === 0 && typeof agreementId === "string") {
    const agreement = rc.sandbox.store.collection("commerce/agreements").get(agreementId);
    split["allocations"] = allocationsOf(agreement?.["split"]);
  }
  return split;
}

/** `GET {id}/split`. */
export function getSplit(rc: RequestContext, call: ActionCall): Response {
  return recordJson(
    rc,
    actionAnswer(rc.route.store, call.name),
    answerOf(rc, findInView(openView(rc), call.id ?? "")),
  );
}

/** `POST|PUT {id}/split`: sets (POST, once) or replaces the split after checking its allocations. */
export function writeSplit(rc: RequestContext, call: ActionCall, body: RequestBody): Response {
  const view = openView(rc);
  const owner = findInView(view, call.id ?? "", true);
  const creating = call.action.method === "POST";
  if (creating && allocationsOf(owner["split"]).length > 0) {
    throw new SandboxError({
      status: 409,
      title: "Conflict",
      detail: `${String(owner["id"])} already has a split billing; replace it with PUT.`,
    });
  }
  const allocations = checkAllocations(rc, body.json);
  const previous = isObject(owner["split"]) ? owner["split"] : {};
  const at = stamp(rc.sandbox, rc.caller);
  const split = withAudit({ ...previous, allocations }, creating ? ["created", "updated"] : ["updated"], at);
  const record = { ...owner, split };
  view.collection.put(record);
  return recordJson(rc, actionAnswer(rc.route.store, call.name), answerOf(rc, record), creating ? 201 : 200);
}
