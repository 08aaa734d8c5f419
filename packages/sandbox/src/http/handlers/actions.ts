/**
 * Custom actions (`POST {id}/publish`, `GET {id}/render`, ...): generic behaviour driven by the
 * state-machine tables (who may call, from which statuses, to which status, delayed settling),
 * the action's `returns` (model 200, none 204, text, file), plus the special cases in
 * the store definition's `special` and `uploads` (token issuing, uploads, batch attachments,
 * group membership).
 */

import { effectOnAction } from "../../domain/effects.js";
import { schedule, stamp, withAudit, withStatus } from "../../domain/lifecycle.js";
import { machineOf } from "../../domain/machines/index.js";
import { checkWriter, withoutCredentials } from "../../domain/ownership.js";
import { validateRequest } from "../../domain/validation.js";
import { findInView, modelName, openView, type View } from "../../domain/view.js";
import { deepMerge, isObject, type JsonObject } from "../../shared/json.js";
import { forbidden, notFound, SandboxError } from "../../shared/problem.js";
import { bodyOf, type RequestBody } from "../body.js";
import type { ActionCall, RequestContext } from "../context.js";
import { json, noContent } from "../envelope.js";
import { blobRedirect, imageOwner } from "../files.js";
import { actionAnswer, recordJson } from "../record-answer.js";
import { specialAction, type UploadOutcome, uploadHook } from "./special.js";

/** The text a `render`/`template` action answers (a JSON string, as MPT does). */
function renderText(record: JsonObject, name: string): string {
  const title = String(record["name"] ?? record["id"]);
  return `<h1>${title}</h1><p>${name === "template" ? "Template" : "Rendered"} for ${String(record["id"])} (status ${String(record["status"] ?? "n/a")}).</p>`;
}

function transitionError(
  view: View,
  record: JsonObject,
  name: string,
  from: readonly string[],
): SandboxError {
  const status = String(record["status"]);
  return new SandboxError({
    status: 409,
    title: "Conflict",
    detail: `Cannot ${name} ${modelName(view.store)} ${String(record["id"])} in status '${status}'; allowed from: ${from.join(", ")}.`,
    errors: [{ message: `Action '${name}' is not allowed in status '${status}'.`, properties: ["status"] }],
  });
}

/** A custom action, with the body read whole; checks and writes synchronously. */
export function handleAction(
  rc: RequestContext,
  call: ActionCall,
  raw: RequestBody,
): Response | Promise<Response> {
  const special = specialAction(rc.route.store, call.name);
  if (special) return special(rc, call, raw);

  const { sandbox, caller, route } = rc;
  const { action, name } = call;
  const view = openView(rc);
  if (call.id === undefined || (action.defaultId !== undefined && call.id === action.defaultId)) {
    if (action.returns === "none") return noContent();
    throw notFound();
  }
  let record = findInView(view, call.id, action.method !== "GET");

  if (action.method === "GET") {
    if (action.returns === "text") return json(renderText(record, name));
    if (action.returns === "file") {
      const kind = action.path === "image" ? "image" : "icon";
      const owner = imageOwner(sandbox.store, call.id, kind);
      if (!owner) throw notFound(`${modelName(view.store)} ${call.id} has no ${kind}.`);
      return blobRedirect(rc.url.origin, owner);
    }
    if (action.returns === "none") return new Response(null, { status: 200 });
    return recordJson(rc, actionAnswer(route.store, name), record);
  }

  checkWriter(route.store, caller, record);
  const body = bodyOf(raw, action.file?.emptyDataPart);
  body.data = validateRequest(rc, body.data);
  const transition = machineOf(route.store)?.actions[name];
  if (transition) {
    if (transition.by && !transition.by.includes(caller.accountType)) {
      throw forbidden(
        `A ${caller.accountType} account cannot ${name} ${modelName(view.store)}; allowed: ${transition.by.join(", ")}.`,
      );
    }
    if (transition.from !== "*" && !transition.from.includes(String(record["status"]))) {
      throw transitionError(view, record, name, transition.from);
    }
  }
  let outcome: UploadOutcome = {};
  const upload = uploadHook(route.store, name);
  if (upload) {
    outcome = upload(rc, record, body);
    record = outcome.record ?? record;
  } else if (action.returns === "model" && !action.bodyField && isObject(body.data)) {
    const patch: JsonObject = withoutCredentials(route.store, body.data);
    for (const f of ["id", "status", "audit", "$meta"]) delete patch[f];
    record = deepMerge(record, patch);
  }
  if (transition?.to) record = withStatus(sandbox, record, transition.to, caller);
  else record = withAudit(record, ["updated"], stamp(sandbox, caller));
  const settles = outcome.settles ?? transition?.settles;
  if (settles) schedule(sandbox, route.store, call.id, settles);
  const effect = effectOnAction(route.store, name);
  if (effect) record = effect(sandbox, record, caller);
  view.collection.put(record);
  return action.returns === "none" ? noContent() : recordJson(rc, actionAnswer(route.store, name), record);
}
