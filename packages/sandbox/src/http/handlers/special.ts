/**
 * Actions that do more than a status change: installation tokens, extension tokens, batch
 * attachments, a user's groups (membership.ts), and the upload hooks (journal charges, custom-ledger
 * XLSX, media images) that run before the generic transition.
 */

import { allocateId } from "../../domain/id-allocation.js";
import { stamp, withAudit } from "../../domain/lifecycle.js";
import { type SpecialName, storeDef, type UploadName } from "../../domain/stores/index.js";
import { findInView, openView } from "../../domain/view.js";
import { isObject, type JsonObject, valueAt } from "../../shared/json.js";
import { forbidden, notFound, SandboxError, validationError } from "../../shared/problem.js";
import type { Body, RequestBody } from "../body.js";
import type { ActionCall, RequestContext } from "../context.js";
import { json } from "../envelope.js";
import { fileResponse, notAcceptable, wantsFile, withFileMetadata } from "../files.js";
import { actionAnswer, recordJson } from "../record-answer.js";
import { ssoCheck, transferDetails, validateEnrollmentDraft, validateRequest } from "./checks.js";
import { replaceLinks } from "./membership.js";
import { getSplit, writeSplit } from "./splits.js";

/**
 * An action with its own handler. It runs after the body was read; whatever it writes, it writes
 * before its first `await` (the token issuers await only the signature and write nothing).
 */
export type Special = (
  rc: RequestContext,
  call: ActionCall,
  body: RequestBody,
) => Promise<Response> | Response;

export interface UploadOutcome {
  record?: JsonObject;
  /** Overrides the status the record settles in (`Error` for an invalid journal file). */
  settles?: string;
}

export type UploadHook = (rc: RequestContext, record: JsonObject, body: Body) => UploadOutcome;

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function installationToken(rc: RequestContext): Promise<Response> {
  const { sandbox, caller } = rc;
  if (!caller.extensionId) throw forbidden("Only an extension's API key can request installation tokens.");
  const extension = sandbox.store.collection("integration/extensions").get(caller.extensionId);
  if (!extension) throw notFound(`Extension with id '${caller.extensionId}' not found.`);
  const accountId = rc.url.searchParams.get("account.id");
  let account: JsonObject | undefined;
  let installationId: string | undefined;
  if (accountId) {
    account = sandbox.store.collection("accounts/accounts").get(accountId);
    const installation = [...sandbox.store.collection("integration/installations").scan()].find(
      (i) => valueAt(i, "extension.id") === caller.extensionId && valueAt(i, "account.id") === accountId,
    );
    if (!account || !installation) {
      throw notFound(`Extension ${caller.extensionId} is not installed for account '${accountId}'.`);
    }
    installationId = installation["id"] as string;
  } else {
    const vendorId = valueAt(extension, "vendor.id");
    account =
      typeof vendorId === "string" ? sandbox.store.collection("accounts/accounts").get(vendorId) : undefined;
    if (!account) throw notFound("The extension's vendor account does not exist.");
  }
  const { token } = await sandbox.auth.issue(
    caller.extensionId,
    account,
    sandbox.options.tokenTtlSeconds,
    installationId,
  );
  return json({ token }, 201);
}

async function extensionToken(rc: RequestContext, call: ActionCall): Promise<Response> {
  const view = openView(rc);
  const extension = findInView(view, call.id ?? "");
  const vendorId = valueAt(extension, "vendor.id");
  if (rc.caller.accountType === "Client")
    throw forbidden("A Client account cannot request extension tokens.");
  const account =
    typeof vendorId === "string" ? rc.sandbox.store.collection("accounts/accounts").get(vendorId) : undefined;
  if (!account) throw notFound("The extension's vendor account does not exist.");
  const { token } = await rc.sandbox.auth.issue(
    extension["id"] as string,
    account,
    rc.sandbox.options.tokenTtlSeconds,
  );
  return json({ token });
}

/**
 * `GET {id}/attachments/{attachmentId}` of a store with `embeddedFiles`: the entry's metadata, or
 * its file by `Accept`.
 */
function embeddedFile(rc: RequestContext, call: ActionCall): Response {
  const view = openView(rc);
  const owner = findInView(view, call.id ?? "");
  // The start-up check (stores/check.ts) makes every store with this special declare the list.
  const list = storeDef(rc.route.store).embeddedFiles?.list ?? "";
  const attachmentId = call.params["attachmentId"] ?? "";
  const attachments = Array.isArray(owner[list]) ? owner[list] : [];
  const attachment = attachments.find((a) => isObject(a) && a["id"] === attachmentId);
  if (!isObject(attachment)) throw notFound(`Attachment with id '${attachmentId}' not found.`);
  const file = rc.sandbox.store.files.get(attachmentId);
  const accept = rc.req.headers.get("accept");
  const want = wantsFile(accept ?? (file ? file.contentType : null), file);
  if (want === "file" && file) return fileResponse(file);
  if (want === "none") throw notAcceptable(accept ?? "", file);
  return recordJson(rc, actionAnswer(rc.route.store, call.name), attachment);
}

/** The special actions store definitions name (`special`). */
const SPECIALS: Readonly<Record<SpecialName, Special>> = {
  installationToken,
  extensionToken,
  embeddedFile,
  replaceLinks,
  ssoCheck,
  transferDetails,
  validateRequest,
  validateEnrollmentDraft,
  getSplit,
  writeSplit,
};

/** The handler of `action` on `store` when its definition names a special one. */
export function specialAction(store: string, action: string): Special | undefined {
  const specials: Readonly<Record<string, SpecialName | undefined>> | undefined = storeDef(store).special;
  const name = specials?.[action];
  return name ? SPECIALS[name] : undefined;
}

const decoder = new TextDecoder();

/** Journal upload: a JSONL file of charges replaces the journal's unbilled charges. */
const journalUpload: UploadHook = (rc, journal, body) => {
  const file = body.files.get("file");
  if (!file) return {};
  const { store } = rc.sandbox;
  const journalId = journal["id"] as string;
  store.files.set(`${journalId}/upload`, file);
  const charges = store.collection("billing/charges");
  for (const c of [...charges.scan()]) {
    if (valueAt(c, "journal.id") === journalId && valueAt(c, "statement.id") === undefined) {
      charges.delete(c["id"] as string);
    }
  }
  if (file.contentType === XLSX || file.filename.endsWith(".xlsx")) {
    return { record: { ...journal, upload: { total: 0, ready: 0, error: 0, split: 0, ignore: 0 } } };
  }
  let ready = 0;
  let errors = 0;
  const lines = decoder.decode(file.bytes).split(/\r?\n/);
  lines.forEach((line) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      errors++;
      return;
    }
    if (!isObject(value)) {
      errors++;
      return;
    }
    const charge: JsonObject = {
      ...value,
      journal: { id: journalId, name: String(journal["name"] ?? "") },
      status: "Ready",
    };
    if (journal["vendor"] !== undefined) charge["vendor"] = journal["vendor"];
    if (journal["product"] !== undefined) charge["product"] = journal["product"];
    charge["id"] = allocateId(store, "billing/charges", charge);
    charges.put(withAudit(charge, ["created"], stamp(rc.sandbox, rc.caller)));
    rc.sandbox.counters.created("billing/charges");
    ready++;
  });
  const record: JsonObject = {
    ...journal,
    upload: { total: ready + errors, ready, error: errors, split: 0, ignore: 0 },
  };
  if (errors > 0) record["error"] = { message: `${errors} line(s) of the file are not valid JSON objects.` };
  return errors > 0 ? { record, settles: "Error" } : { record };
};

const customLedgerUpload: UploadHook = (rc, ledger, body) => {
  const file = body.files.get("file");
  if (!file) throw validationError({ file: ["The file is required."] });
  if (file.contentType !== XLSX) {
    throw new SandboxError({
      status: 415,
      detail: `Custom ledger uploads must be ${XLSX}, not ${file.contentType}.`,
    });
  }
  rc.sandbox.store.files.set(`${ledger["id"] as string}/upload`, file);
  return { record: { ...ledger, upload: { filename: file.filename, size: file.bytes.byteLength } } };
};

const mediaImage: UploadHook = (rc, media, body) => {
  const file = body.files.get("file");
  if (!file) throw validationError({ file: ["The file is required."] });
  rc.sandbox.store.files.set(`${media["id"] as string}/image`, file);
  rc.sandbox.store.files.set(media["id"] as string, file);
  return { record: withFileMetadata(media, file) };
};

/** The upload hooks store definitions name (`uploads`), run before the transition. */
const UPLOAD_HOOKS: Readonly<Record<UploadName, UploadHook>> = {
  journalCharges: journalUpload,
  customLedgerFile: customLedgerUpload,
  mediaImage,
};

/** The upload hook of `action` on `store`, if its definition names one. */
export function uploadHook(store: string, action: string): UploadHook | undefined {
  const uploads: Readonly<Record<string, UploadName | undefined>> | undefined = storeDef(store).uploads;
  const name = uploads?.[action];
  return name ? UPLOAD_HOOKS[name] : undefined;
}
