/**
 * Actions that check or describe without changing anything (OpenAPI only): a request's
 * validation result, an enrollment checked before it is created, a user's SSO check, and what
 * transferring a buyer to another account would take. Answers are trimmed by `access` (record-answer.ts).
 */
import { requireReferences } from "../../domain/integrity.js";
import { expandRefs, shortRef } from "../../domain/references.js";
import { findInView, openView } from "../../domain/view.js";
import { isObject, type JsonObject, type JsonValue, valueAt, valuesAt } from "../../shared/json.js";
import { badRequest, validationError } from "../../shared/problem.js";
import type { RequestBody } from "../body.js";
import type { ActionCall, RequestContext } from "../context.js";
import { actionAnswer, recordJson } from "../record-answer.js";

/** `POST commerce/requests/{id}/validate`: `{ error, parameters: [{ id, value, isValid, error }] }`. */
export function validateRequest(rc: RequestContext, call: ActionCall): Response {
  const request = findInView(openView(rc), call.id ?? "");
  const list = Array.isArray(request["parameters"]) ? request["parameters"] : [];
  const parameters = list.filter(isObject).map((p) => {
    const value = p["value"];
    const isValid = value !== undefined && value !== null && value !== "";
    return {
      // created from the spec's CreateParameter (`parameterDefinitionId`) or kept from a fixture (`id`)
      id: p["id"] ?? p["parameterDefinitionId"] ?? null,
      externalId: p["externalId"] ?? null,
      value: typeof value === "string" ? value : value === undefined ? null : JSON.stringify(value),
      isValid,
      error: isValid ? null : "A value is required.",
    };
  });
  const invalid = parameters.filter((p) => !p.isValid).length;
  const result = { error: invalid > 0 ? `${invalid} parameter(s) are not valid.` : null, parameters };
  return recordJson(rc, actionAnswer(rc.route.store, call.name), result);
}

/** `POST program/enrollments/validate`: the enrollment as it would be created; nothing is stored. */
export function validateEnrollmentDraft(rc: RequestContext, call: ActionCall, raw: RequestBody): Response {
  const body = raw.json;
  if (!isObject(body)) throw validationError({ $: ["The enrollment (a JSON object) is required."] });
  if (typeof valueAt(body, "program.id") !== "string")
    throw validationError({ program: ["The Program field is required."] });
  requireReferences(rc, rc.route.store, body);
  const draft: JsonObject = { ...body };
  for (const f of ["id", "audit", "$meta"]) delete draft[f];
  return recordJson(rc, actionAnswer(rc.route.store, call.name), expandRefs(rc.sandbox.store, draft));
}

/** `GET accounts/users/{id}/sso-check`: 200 with no body for a user the caller can see. */
export function ssoCheck(rc: RequestContext, call: ActionCall): Response {
  findInView(openView(rc), call.id ?? "");
  return new Response(null, { status: 200 });
}

function countWhere(rc: RequestContext, store: string, path: string, id: string): number {
  let n = 0;
  for (const record of rc.sandbox.store.collection(store).scan())
    if (valuesAt(record, path).includes(id)) n++;
  return n;
}

/**
 * `GET accounts/buyers/{id}/transfer?destinationAccountId=`: the buyer with the counts of what
 * moves with it and the users of its current account (`BuyerTransferDetails`).
 */
export function transferDetails(rc: RequestContext, call: ActionCall): Response {
  const buyer = findInView(openView(rc), call.id ?? "");
  const destination = rc.url.searchParams.get("destinationAccountId");
  if (!destination) throw badRequest("The destinationAccountId query parameter is required.");
  const accounts = rc.sandbox.store.collection("accounts/accounts");
  if (!accounts.get(destination)) throw badRequest(`Account with id '${destination}' not found.`);
  const buyerId = buyer["id"] as string;
  const accountId = valueAt(buyer, "account.id") ?? valueAt(buyer, "client.id");
  const users: JsonValue[] = [];
  if (typeof accountId === "string") {
    for (const user of rc.sandbox.store.collection("accounts/users").scan()) {
      if (valuesAt(user, "accounts.id").includes(accountId)) users.push(shortRef(user));
    }
  }
  const stats = {
    licenseeCount: countWhere(rc, "accounts/licensees", "buyer.id", buyerId),
    orderCount: countWhere(rc, "commerce/orders", "buyer.id", buyerId),
    subscriptionCount: countWhere(rc, "commerce/subscriptions", "buyer.id", buyerId),
    agreementCount: countWhere(rc, "commerce/agreements", "buyer.id", buyerId),
    userCount: users.length,
    userGroupCount:
      typeof accountId === "string" ? countWhere(rc, "accounts/user-groups", "account.id", accountId) : 0,
  };
  return recordJson(rc, actionAnswer(rc.route.store, call.name), { ...buyer, stats, users });
}
