/**
 * Writes: create (201, JSON or multipart with the row's data and file parts), update (PUT,
 * partial merge, 200), delete (204; soft for product parameters; only from the statuses the
 * state machine allows).
 */
import { checkAccess } from "../../domain/access.js";
import { requiredFields, softDeletes } from "../../domain/collections.js";
import { deriveOnCreate } from "../../domain/derive.js";
import { effectOnCreate } from "../../domain/effects.js";
import { allocateId } from "../../domain/id-allocation.js";
import { deleteWithParts, requireReferences } from "../../domain/integrity.js";
import { stamp, withAudit, withStatus } from "../../domain/lifecycle.js";
import { machineOf } from "../../domain/machines/index.js";
import { checkCreate, checkUpdate, checkWriter, rejectCredentials } from "../../domain/ownership.js";
import { API_PREFIX } from "../../domain/routes.js";
import type { StoredFile } from "../../domain/store.js";
import { validateRequest } from "../../domain/validation.js";
import { findInView, modelName, openView } from "../../domain/view.js";
import { deepMerge, type JsonObject, setAt, valueAt, valuesAt } from "../../shared/json.js";
import { badRequest, SandboxError, validationError } from "../../shared/problem.js";
import { bodyOf, type RequestBody } from "../body.js";
import type { RequestContext } from "../context.js";
import { noContent } from "../envelope.js";
import { attachEmbedded, withFileMetadata } from "../files.js";
import { recordJson } from "../record-answer.js";
import { createLink, deleteLink } from "./membership.js";

const READ_ONLY_FIELDS = ["id", "audit", "$meta"];

function sanitize(data: JsonObject, keepStatus: boolean): JsonObject {
  const out: JsonObject = { ...data };
  for (const f of READ_ONLY_FIELDS) delete out[f];
  if (!keepStatus) delete out["status"];
  return out;
}

function requireFields(store: string, record: JsonObject): void {
  const errors: Record<string, string[]> = {};
  for (const path of requiredFields(store)) {
    const value = valueAt(record, path);
    if (value === undefined || value === null || value === "") {
      const name = path.replace(/\.id$/, "");
      errors[name] = [`The ${name.charAt(0).toUpperCase()}${name.slice(1)} field is required.`];
    }
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** Sets a parent reference; a path through a list field (`accounts.id`) adds to the list. */
function stampParent(record: JsonObject, path: string, id: string): void {
  if (valuesAt(record, path).includes(id)) return;
  const [field, ...rest] = path.split(".");
  if (!field) return;
  const current = record[field];
  if (Array.isArray(current) || (field.endsWith("s") && current === undefined && rest.length === 1)) {
    const list = Array.isArray(current) ? [...current] : [];
    list.push({ [rest.join(".")]: id });
    record[field] = list;
    return;
  }
  setAt(record, path, id);
}

/**
 * Stores an uploaded file. `icon`/`logo` parts become the record's icon (served at `{id}/icon`);
 * other file parts make a file-backed record (`filename`, `size`, `contentType`).
 */
export function attachFile(
  rc: RequestContext,
  record: JsonObject,
  file: StoredFile | undefined,
  collectionPath: string,
): JsonObject {
  if (!file) return record;
  const upload = rc.route.def.upload;
  const id = record["id"] as string;
  if (upload && (upload.fileKey === "icon" || upload.fileKey === "logo")) {
    rc.sandbox.store.files.set(`${id}/icon`, file);
    return { ...record, icon: `/v1/${collectionPath.slice(API_PREFIX.length)}/${id}/icon` };
  }
  const embedded = attachEmbedded(rc.sandbox.store, rc.route.store, record, file);
  if (embedded) return embedded;
  rc.sandbox.store.files.set(id, file);
  return withFileMetadata(record, file);
}

function parentPath(pathname: string): string {
  return pathname.replace(/\/[^/]*$/, "");
}

/**
 * POST on a collection, with the body read whole; checks and writes synchronously. Services whose
 * catalogue row says `bulkCreate` also take a JSON array: each element is created as if posted
 * alone, all or none, and the answer lists them.
 */
export function handleCreate(rc: RequestContext, raw: RequestBody): Response {
  const { route, caller } = rc;
  checkAccess(route.store, "create", caller.accountType);
  if (route.link) return createLink(rc, raw.json);
  if (Array.isArray(raw.json) && route.def.bulkCreate) {
    if (raw.json.length === 0) throw validationError({ $: ["The list of records to create is empty."] });
    const created = raw.json.map((element: unknown, index) =>
      withIndexedErrors(index, () => createOne(rc, { json: element, parts: [], multipart: false })),
    );
    return recordJson(rc, { store: route.store }, created, 201);
  }
  return recordJson(rc, { store: route.store }, createOne(rc, raw), 201);
}

/** Runs the create of element `index` of a bulk body; its field errors are keyed `[index].field`. */
function withIndexedErrors<T>(index: number, create: () => T): T {
  try {
    return create();
  } catch (error) {
    const errors = error instanceof SandboxError ? error.init.errors : undefined;
    if (!errors || Array.isArray(errors)) throw error;
    const keyed: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(errors)) {
      keyed[field === "$" ? `[${index}]` : `[${index}].${field}`] = messages;
    }
    throw new SandboxError({ ...(error as SandboxError).init, errors: keyed });
  }
}

/** Creates one record from a body (an object, or multipart with the row's data and file parts). */
function createOne(rc: RequestContext, raw: RequestBody): JsonObject {
  const { route, sandbox, caller } = rc;
  const view = openView(rc);
  const upload = route.def.upload;
  const body = bodyOf(raw, upload?.on.includes("create") ? upload.dataKey : undefined);
  const machine = machineOf(route.store);
  rejectCredentials(route.store, body.data);
  let record = sanitize(validateRequest(rc, body.data), true);
  for (const ref of route.refs) stampParent(record, ref.path, rc.params[ref.param] ?? "");
  requireFields(route.store, record);
  requireReferences(rc, route.store, record);

  const requested = record["status"];
  delete record["status"];
  if (machine?.initial) {
    const allowed = machine.createStatuses ?? [machine.initial];
    record["status"] =
      typeof requested === "string" && allowed.includes(requested) ? requested : machine.initial;
  } else if (typeof requested === "string") {
    record["status"] = requested;
  }
  record = { id: allocateId(sandbox.store, route.store, record), ...record };
  record = deriveOnCreate(sandbox.store, route.store, record, caller);
  checkCreate(sandbox.store, route.store, caller, record);
  record = withAudit(record, ["created", "updated"], stamp(sandbox, caller));
  record = attachFile(rc, record, upload ? body.files.get(upload.fileKey) : undefined, rc.url.pathname);
  const effect = effectOnCreate(route.store);
  view.collection.put(record);
  sandbox.counters.created(route.store);
  if (effect) {
    record = effect(sandbox, record, caller);
    view.collection.put(record);
  }
  return record;
}

/** PUT on a record, with the body read whole; checks and writes synchronously. */
export function handleUpdate(rc: RequestContext, id: string, raw: RequestBody): Response {
  const { route, sandbox, caller } = rc;
  checkAccess(route.store, "update", caller.accountType);
  const view = openView(rc);
  const current = findInView(view, id);
  const upload = route.def.upload;
  const body = bodyOf(raw, upload?.on.includes("update") ? upload.dataKey : undefined);
  const machine = machineOf(route.store);
  const keepStatus = !machine || Object.keys(machine.actions).length === 0;
  const name = body.data["name"];
  if (name !== undefined && (typeof name !== "string" || name.trim() === "")) {
    throw badRequest("Name cannot be empty.");
  }
  checkWriter(route.store, caller, current);
  rejectCredentials(route.store, body.data);
  const valid = validateRequest(rc, body.data);
  // Ownership is checked on what was sent (a foreign `vendor` is refused, not silently dropped).
  checkUpdate(
    sandbox.store,
    route.store,
    caller,
    current,
    deepMerge(current, sanitize(body.data, keepStatus)),
  );
  const patch = sanitize(valid, keepStatus);
  requireReferences(rc, route.store, patch);
  let record = deepMerge(current, patch);
  record = withAudit(record, ["updated"], stamp(sandbox, caller));
  const file = upload ? body.files.get(upload.fileKey) : undefined;
  record = attachFile(rc, record, file, parentPath(rc.url.pathname));
  view.collection.put(record);
  return recordJson(rc, { store: route.store }, record);
}

export function handleDelete(rc: RequestContext, id: string): Response {
  const { route, sandbox, caller } = rc;
  checkAccess(route.store, "delete", caller.accountType);
  if (route.link) return deleteLink(rc, id);
  const view = openView(rc);
  const current = findInView(view, id, true);
  checkWriter(route.store, caller, current);
  const from = machineOf(route.store)?.deleteFrom;
  const status = current["status"];
  if (from && typeof status === "string" && !from.includes(status)) {
    throw new SandboxError({
      status: 409,
      title: "Conflict",
      detail: `${modelName(route.store)} ${id} cannot be deleted in status '${status}'; allowed from: ${from.join(", ")}.`,
      errors: [{ message: `Invalid status '${status}' for delete.`, properties: ["status"] }],
    });
  }
  if (softDeletes(route.store)) {
    view.collection.put(withStatus(sandbox, current, "Deleted", caller));
  } else {
    deleteWithParts(sandbox.store, route.store, id);
  }
  return noContent();
}
