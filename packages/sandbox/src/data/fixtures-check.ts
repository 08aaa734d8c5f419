/**
 * Validation of a fixtures document as a whole, before anything is loaded: its shape (known keys,
 * lists and objects where they belong), the records (known collection, id, no duplicates, every
 * reference resolved or to a `deleted` object) and the files (shape, base64, an owner that exists: a record or an object
 * embedded in one, such as a notification batch's attachment) and the id generators' positions
 * (`ids`). Every problem names its path.
 */
import { missingRefs } from "../domain/references.js";
import { parentRefs, ROUTES, STORE_KEYS } from "../domain/routes.js";
import type { Store } from "../domain/store.js";
import { fromBase64 } from "../http/files.js";
import { isObject, type JsonObject, valuesAt } from "../shared/json.js";
import { missingOwners } from "./file-owners.js";
import type { FixturesDocument } from "./fixtures-document.js";

const TOP_LEVEL = ["seed", "accounts", "tokens", "objects", "deleted", "files", "ids"] as const;
const IDS_KEYS = ["random", "sequences"] as const;
const PERSONA_TOKEN_KEYS = ["token", "accountId"] as const;
const EXTENSION_TOKEN_KEYS = ["secret", "extensionId"] as const;
/** What a file owner may add to the id: `<id>` is the record's own file. */
const FILE_KINDS = ["icon", "image", "upload"] as const;

const quoted = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(", ");
const describe = (value: unknown) =>
  Array.isArray(value) ? "a list" : value === null ? "null" : isObject(value) ? "an object" : typeof value;

/** Problems of an object whose keys must be among `known` and whose values must be strings. */
function checkStringFields(where: string, value: unknown, known: readonly string[], out: string[]): void {
  if (!isObject(value)) {
    out.push(`${where}: expected an object with ${quoted(known)}, got ${describe(value)}`);
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    if (!known.includes(key)) out.push(`${where}.${key}: unknown key (known: ${quoted(known)})`);
    else if (typeof field !== "string" || field === "")
      out.push(`${where}.${key}: expected a non-empty string`);
  }
}

function checkTokensShape(tokens: unknown, out: string[]): void {
  if (tokens === undefined) return;
  if (!isObject(tokens)) {
    out.push(`tokens: expected an object keyed by persona, got ${describe(tokens)}`);
    return;
  }
  for (const [persona, given] of Object.entries(tokens)) {
    if (persona === "extension") checkStringFields("tokens.extension", given, EXTENSION_TOKEN_KEYS, out);
    else if (persona === "vendor" || persona === "client" || persona === "operations") {
      checkStringFields(`tokens.${persona}`, given, PERSONA_TOKEN_KEYS, out);
    } else out.push(`tokens.${persona}: unknown persona (known: vendor, client, operations, extension)`);
  }
}

/** Problems of `ids` (the id generators' positions): shape and ranges, each naming its path. */
function checkIdsShape(ids: unknown, known: ReadonlySet<string>, out: string[]): void {
  if (ids === undefined) return;
  if (!isObject(ids)) {
    out.push(`ids: expected an object with ${quoted(IDS_KEYS)}, got ${describe(ids)}`);
    return;
  }
  for (const key of Object.keys(ids)) {
    if (!(IDS_KEYS as readonly string[]).includes(key))
      out.push(`ids.${key}: unknown key (known: ${quoted(IDS_KEYS)})`);
  }
  const random = ids["random"];
  if (
    random !== undefined &&
    !(Number.isInteger(random) && (random as number) >= 0 && (random as number) <= 0xffffffff)
  ) {
    out.push(
      `ids.random: expected an integer from 0 to 4294967295 (an export's value), got ${JSON.stringify(random)}`,
    );
  }
  const sequences = ids["sequences"];
  if (sequences === undefined) return;
  if (!isObject(sequences)) {
    out.push(
      `ids.sequences: expected an object of counters by "<store key>|<parent id>", got ${describe(sequences)}`,
    );
    return;
  }
  for (const [name, value] of Object.entries(sequences)) {
    const where = `ids.sequences["${name}"]`;
    const bar = name.indexOf("|");
    const store = bar < 0 ? name : name.slice(0, bar);
    if (bar <= 0 || bar === name.length - 1) out.push(`${where}: expected a name "<store key>|<parent id>"`);
    else if (!known.has(store)) out.push(`${where}: unknown store "${store}" (see objects' store keys)`);
    if (!Number.isSafeInteger(value) || (value as number) < 0) {
      out.push(`${where}: expected a counter (an integer of 0 or more), got ${JSON.stringify(value)}`);
    }
  }
}

/** Everything wrong with a document, against the records it brings and those already in `store`. */
export function validateFixtures(doc: FixturesDocument, store: Store): string[] {
  const problems: string[] = [];
  if (!isObject(doc as unknown)) return [`the document must be a JSON object, got ${describe(doc)}`];
  for (const key of Object.keys(doc)) {
    if (!(TOP_LEVEL as readonly string[]).includes(key)) {
      problems.push(`${key}: unknown key (known: ${quoted(TOP_LEVEL)})`);
    }
  }
  if (doc.seed !== undefined && doc.seed !== "none" && doc.seed !== "default") {
    problems.push(`seed: expected "none" or "default", got ${JSON.stringify(doc.seed)}`);
  }
  const objects: Record<string, unknown> = {};
  if (doc.objects !== undefined && !isObject(doc.objects as unknown)) {
    problems.push(`objects: expected an object of record lists by store key, got ${describe(doc.objects)}`);
  } else Object.assign(objects, doc.objects);
  if (doc.accounts !== undefined) {
    if (!Array.isArray(doc.accounts)) problems.push("accounts: expected a list of account records");
    else
      objects["accounts/accounts"] = [
        ...doc.accounts,
        ...(Array.isArray(objects["accounts/accounts"]) ? objects["accounts/accounts"] : []),
      ];
  }
  checkTokensShape(doc.tokens, problems);
  const deleted = new Set<string>();
  if (doc.deleted !== undefined && !Array.isArray(doc.deleted)) {
    problems.push(`deleted: expected a list of ids, got ${describe(doc.deleted)}`);
  }
  for (const [index, id] of (Array.isArray(doc.deleted) ? doc.deleted : []).entries()) {
    if (typeof id === "string" && id !== "") deleted.add(id);
    else problems.push(`deleted[${index}]: expected an id, got ${JSON.stringify(id)}`);
  }
  const known = new Set(STORE_KEYS);
  checkIdsShape(doc.ids, known, problems);
  const ids = new Map<string, Set<string>>();
  const whereOf = (key: string, index: number) =>
    key === "accounts/accounts" ? `accounts[${index}]` : `objects["${key}"][${index}]`;
  const records: Array<[string, JsonObject, string]> = [];
  for (const [key, list] of Object.entries(objects)) {
    if (!known.has(key)) {
      problems.push(`objects["${key}"]: unknown collection (known: ${STORE_KEYS.join(", ")})`);
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push(`objects["${key}"]: expected a list of records, got ${describe(list)}`);
      continue;
    }
    const seen = new Set<string>();
    for (const [index, record] of (list as unknown[]).entries()) {
      const where = whereOf(key, index);
      if (!isObject(record)) {
        problems.push(`${where}: a record must be an object, got ${describe(record)}`);
        continue;
      }
      const id = record["id"];
      if (typeof id !== "string" || id === "") {
        problems.push(`${where}: record without "id"`);
        continue;
      }
      if (seen.has(id)) problems.push(`${where}: duplicate id ${id}`);
      seen.add(id);
      records.push([key, record, where]);
      if (key === "accounts/accounts") {
        const type = record["type"];
        if (type !== "Vendor" && type !== "Client" && type !== "Operations") {
          problems.push(`${where}: account ${id} needs "type" Vendor, Client or Operations`);
        }
      }
    }
    ids.set(key, seen);
  }
  const exists = (store_: string, id: string) =>
    ids.get(store_)?.has(id) === true || store.collection(store_).has(id);
  for (const [key, record, where] of records) {
    const refs = parentRefs(key);
    // Parent references must resolve (a delete never leaves one dangling); other references may
    // name the `deleted` objects, as they do after deletes through the API (an order's listing).
    for (const missing of missingRefs(key, record, exists)) {
      if (deleted.has(missing.id) && !refs.some((ref) => ref.path === missing.path)) continue;
      problems.push(`${where}: ${missing.path} refers to missing ${missing.store} ${missing.id}`);
    }
    // A record only reachable under its parents must name one.
    const alsoTopLevel = ROUTES.some((route) => route.store === key && route.refs.length === 0);
    if (refs.length > 0 && !alsoTopLevel && !refs.some((ref) => valuesAt(record, ref.path).length > 0)) {
      problems.push(`${where}: needs one of ${refs.map((x) => x.path).join(", ")}`);
    }
  }
  problems.push(...checkFiles(doc.files, records, ids, store));
  const tokens = isObject(doc.tokens as unknown) ? (doc.tokens ?? {}) : {};
  for (const persona of ["vendor", "client", "operations"] as const) {
    const accountId = tokens[persona]?.accountId;
    if (typeof accountId === "string" && accountId !== "" && !exists("accounts/accounts", accountId)) {
      problems.push(`tokens.${persona}.accountId: account ${accountId} not found`);
    }
  }
  const extensionId = tokens.extension?.extensionId;
  if (
    typeof extensionId === "string" &&
    extensionId !== "" &&
    !exists("integration/extensions", extensionId)
  ) {
    problems.push(`tokens.extension.extensionId: extension ${extensionId} not found`);
  }
  return problems;
}

/** Problems of `files`: shape, base64, and an owner (record or embedded object) that exists. */
function checkFiles(
  files: unknown,
  records: ReadonlyArray<readonly [string, JsonObject, string]>,
  ids: ReadonlyMap<string, ReadonlySet<string>>,
  store: Store,
): string[] {
  if (files === undefined) return [];
  if (!isObject(files)) return [`files: expected an object of files by owner id, got ${describe(files)}`];
  const problems: string[] = [];
  const owners = new Map<string, string[]>();
  for (const [owner, file] of Object.entries(files)) {
    const where = `files["${owner}"]`;
    if (!isObject(file)) {
      problems.push(`${where}: expected { filename, contentType, base64 }, got ${describe(file)}`);
      continue;
    }
    for (const field of ["filename", "contentType", "base64"] as const) {
      if (typeof file[field] !== "string" || (field !== "base64" && file[field] === "")) {
        problems.push(`${where}.${field}: expected a${field === "base64" ? "" : " non-empty"} string`);
      }
    }
    const unknown = Object.keys(file).filter((k) => !["filename", "contentType", "base64"].includes(k));
    if (unknown.length > 0)
      problems.push(`${where}: unknown keys ${quoted(unknown)} (known: filename, contentType, base64)`);
    if (typeof file["base64"] === "string") {
      try {
        fromBase64(file["base64"]);
      } catch {
        problems.push(`${where}.base64: bad base64`);
      }
    }
    const [id = "", kind, ...rest] = owner.split("/");
    if (rest.length > 0 || (kind !== undefined && !(FILE_KINDS as readonly string[]).includes(kind))) {
      problems.push(`${where}: an owner is "<id>" or "<id>/${FILE_KINDS.join("|")}"`);
      continue;
    }
    owners.set(id, [...(owners.get(id) ?? []), where]);
  }
  // Owners: records of the document or the store, or objects embedded in one (a batch's attachments).
  const documentRecords = records.map(([, record]) => record);
  const isDocumentId = (id: string) => [...ids.values()].some((set) => set.has(id));
  for (const id of missingOwners(owners.keys(), store, documentRecords, isDocumentId)) {
    for (const where of owners.get(id) ?? [])
      problems.push(`${where}: no record or embedded object with id ${id}`);
  }
  return problems;
}
