/**
 * Fixtures (issue 7): a user's own data set as a JSON document (accounts, persona tokens,
 * records per store, files), validated as a whole before anything is loaded, loaded on an empty
 * store (`seed: "none"`, the default) or on top of the built-in marketplace (`seed: "default"`),
 * and the inverse: `exportFixtures` writes the current state as a document that loads back to it,
 * id generators included (`ids`: the next create after a load gets the id it would have got).
 */
import { readFileSync } from "node:fs";
import { type IdRule, idRule } from "../domain/collections.js";
import { allocateId } from "../domain/id-allocation.js";
import { digitGroups, sequenceOf } from "../domain/ids.js";
import { missingRefs } from "../domain/references.js";
import type { Store } from "../domain/store.js";
import { fromBase64, toBase64 } from "../http/files.js";
import { isObject, type JsonObject, valueAt } from "../shared/json.js";
import { missingOwners, ownerIdOf } from "./file-owners.js";
import { validateFixtures } from "./fixtures-check.js";
import type { FixturesDocument } from "./fixtures-document.js";

export type { FixtureIds, FixturesDocument, FixtureToken } from "./fixtures-document.js";
export { validateFixtures };

export class FixtureError extends Error {
  override name = "FixtureError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid fixtures (nothing was loaded):\n  - ${problems.join("\n  - ")}`);
  }
}

export interface LoadedPersonas {
  tokens: { vendor: string; client: string; operations: string; extension: string };
  accounts: { vendor: string; client: string; operations: string };
  extensionId: string;
}

const PERSONA_TYPES = { vendor: "Vendor", client: "Client", operations: "Operations" } as const;
type Persona = keyof typeof PERSONA_TYPES;

/** Reads a fixtures document from a path or takes the object. */
export function readFixtures(source: string | FixturesDocument): FixturesDocument {
  if (typeof source !== "string") return source;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(source, "utf8"));
  } catch (error) {
    throw new FixtureError([`${source}: ${(error as Error).message}`]);
  }
  if (!isObject(value)) throw new FixtureError([`${source}: the document must be a JSON object`]);
  return value as unknown as FixturesDocument;
}

function isParentRule(rule: IdRule): rule is Extract<IdRule, { parent: readonly string[] }> {
  return "parent" in rule;
}

function secret(store: Store): string {
  let out = "";
  for (let i = 0; i < 8; i++) out += store.rng.int(0x10000).toString(16).padStart(4, "0");
  return out;
}

/** Puts a record and tells the id sequences about child ids. */
function putRecord(store: Store, key: string, record: JsonObject): void {
  store.collection(key).put(record);
  const rule = idRule(key);
  if (!isParentRule(rule)) return;
  const parentId = rule.parent.map((p) => valueAt(record, p)).find((v): v is string => typeof v === "string");
  const id = record["id"] as string;
  if (parentId && id.startsWith(`${rule.prefix}-${digitGroups(parentId).join("-")}-`)) {
    store.noteSequence(key, parentId, sequenceOf(id));
  }
}

function tokenRecord(
  store: Store,
  bearer: string | undefined,
  account: JsonObject,
  extra: JsonObject,
): string {
  const collection = store.collection("accounts/api-tokens");
  const parsed = bearer?.startsWith("idt:") ? bearer.split(":")[1] : undefined;
  const existing = parsed
    ? collection.get(parsed)
    : [...collection.scan()].find((t) => t["token"] === bearer);
  if (existing && bearer && existing["token"] === bearer) return bearer;
  const draft: JsonObject = {
    name: `${String(account["name"])} token`,
    status: "Active",
    account: {
      id: account["id"] as string,
      name: String(account["name"] ?? ""),
      type: String(account["type"]),
    },
    ...extra,
  };
  const id = parsed ?? allocateId(store, "accounts/api-tokens", draft);
  const token = bearer ?? `idt:${id}:${secret(store)}`;
  collection.put({ id, ...draft, token });
  return token;
}

/** Validates then loads a document into `store`; `base` are the personas of the seed, if any. */
export function loadFixtures(
  store: Store,
  doc: FixturesDocument,
  base: LoadedPersonas | undefined,
): LoadedPersonas {
  const problems = validateFixtures(doc, store);
  if (problems.length > 0) throw new FixtureError(problems);
  for (const account of doc.accounts ?? []) putRecord(store, "accounts/accounts", account);
  for (const [key, records] of Object.entries(doc.objects ?? {}))
    for (const r of records) putRecord(store, key, r);
  for (const [owner, file] of Object.entries(doc.files ?? {})) {
    store.files.set(owner, {
      filename: file.filename,
      contentType: file.contentType,
      bytes: fromBase64(file.base64),
    });
  }

  const accounts = store.collection("accounts/accounts");
  const accountFor = (persona: Persona, given?: string): JsonObject => {
    if (given) return accounts.get(given) as JsonObject;
    const baseId = base?.accounts[persona];
    const fromBase = baseId ? accounts.get(baseId) : undefined;
    if (fromBase) return fromBase;
    const first = [...accounts.scan()].find((a) => a["type"] === PERSONA_TYPES[persona]);
    if (first) return first;
    const created: JsonObject = {
      name: `Sandbox ${PERSONA_TYPES[persona]}`,
      type: PERSONA_TYPES[persona],
      status: "Active",
    };
    const withId = { id: allocateId(store, "accounts/accounts", created), ...created };
    accounts.put(withId);
    return withId;
  };
  const tokens = doc.tokens ?? {};
  const result: LoadedPersonas = {
    tokens: { vendor: "", client: "", operations: "", extension: "" },
    accounts: { vendor: "", client: "", operations: "" },
    extensionId: "",
  };
  for (const persona of Object.keys(PERSONA_TYPES) as Persona[]) {
    const given = tokens[persona];
    const account = accountFor(persona, given?.accountId);
    result.accounts[persona] = account["id"] as string;
    result.tokens[persona] =
      given?.token === undefined && base && base.accounts[persona] === account["id"]
        ? base.tokens[persona]
        : tokenRecord(store, given?.token, account, {});
  }
  const extensions = store.collection("integration/extensions");
  let extension = tokens.extension?.extensionId ? extensions.get(tokens.extension.extensionId) : undefined;
  if (!extension && base?.extensionId) extension = extensions.get(base.extensionId);
  extension ??= [...extensions.scan()][0];
  if (!extension) {
    const vendor = accounts.get(result.accounts.vendor) as JsonObject;
    const draft: JsonObject = {
      name: "Sandbox extension",
      status: "Published",
      vendor: { id: vendor["id"] as string, name: String(vendor["name"] ?? "") },
    };
    extension = { id: allocateId(store, "integration/extensions", draft), ...draft };
    extensions.put(extension);
  }
  const extensionId = extension["id"] as string;
  const vendorId = valueAt(extension, "vendor.id");
  const owner =
    (typeof vendorId === "string" ? accounts.get(vendorId) : undefined) ??
    (accounts.get(result.accounts.vendor) as JsonObject);
  result.extensionId = extensionId;
  result.tokens.extension =
    tokens.extension?.secret === undefined && base && base.extensionId === extensionId
      ? base.tokens.extension
      : tokenRecord(store, tokens.extension?.secret, owner, {
          extension: { id: extensionId, name: String(extension["name"] ?? "") },
        });
  // Last: the generators stand where the document says, whatever loading itself drew.
  if (doc.ids?.sequences) store.replaceSequences(Object.entries(doc.ids.sequences));
  if (doc.ids?.random !== undefined) store.rng.position = doc.ids.random;
  return result;
}

/** The current state as a fixtures document (`seed: "none"`) that loads back to the same state. */
export function exportFixtures(store: Store, personas: LoadedPersonas): FixturesDocument {
  const objects: Record<string, JsonObject[]> = {};
  for (const key of store.keys()) {
    if (key === "accounts/accounts") continue;
    const records = [...store.collection(key).scan()];
    if (records.length > 0) objects[key] = records;
  }
  const deleted = danglingIds(store);
  const files: NonNullable<FixturesDocument["files"]> = {};
  // A file whose owner is gone (an embedded entry an update removed) could not load back: left out.
  const gone = missingOwners(new Set([...store.files.keys()].map(ownerIdOf)), store);
  for (const [owner, file] of store.files) {
    if (gone.has(ownerIdOf(owner))) continue;
    files[owner] = { filename: file.filename, contentType: file.contentType, base64: toBase64(file.bytes) };
  }
  return {
    seed: "none",
    accounts: [...store.collection("accounts/accounts").scan()],
    tokens: {
      vendor: { token: personas.tokens.vendor, accountId: personas.accounts.vendor },
      client: { token: personas.tokens.client, accountId: personas.accounts.client },
      operations: { token: personas.tokens.operations, accountId: personas.accounts.operations },
      extension: { secret: personas.tokens.extension, extensionId: personas.extensionId },
    },
    objects,
    ...(deleted.length > 0 ? { deleted } : {}),
    files,
    ids: {
      random: store.rng.position,
      sequences: Object.fromEntries(store.sequenceEntries().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
  };
}

/** Ids that records name but no store holds (deleted through the API), sorted. */
function danglingIds(store: Store): string[] {
  const exists = (key: string, id: string) => store.collection(key).has(id);
  const ids = new Set<string>();
  for (const key of store.keys()) {
    for (const record of store.collection(key).scan()) {
      for (const missing of missingRefs(key, record, exists)) ids.add(missing.id);
    }
  }
  return [...ids].sort();
}
