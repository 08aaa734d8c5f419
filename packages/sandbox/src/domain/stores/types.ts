/**
 * The shape of a store definition: everything the sandbox knows about one store, in one object.
 * Every field is optional; an absent field means the generic behaviour (documented per field).
 * Behaviours that need code (effects, derivations, uploads, special actions) are named here and
 * implemented once in the engine (`effects.ts`, `derive.ts`, `http/handlers/special.ts`), whose
 * tables are typed by these names, so a name with no implementation fails to compile.
 */
import type { AccountType, Machine } from "../machines/types.js";
import type { ActionName, RouteTemplate, StoreKey } from "./keys.js";

/** Id format of new records (behaviour notes §6). */
export type IdRule =
  /** `PRD-1234-5678`: random digit groups. */
  | { prefix: string; groups: number }
  /** `ITM-1234-5678-0001`: the parent's digit groups, `pad` zero groups, then a sequence. */
  | { prefix: string; parent: readonly string[]; pad?: number }
  /** `UGM-1234-5678-8765-4321`: the digit groups of the records a membership links. */
  | { prefix: string; joins: readonly string[] };

export type Access = "read" | "create" | "update" | "delete";

/** Which account types may read, create, update, delete (absent: every type). */
export type AccessRule = Partial<Record<Access, readonly AccountType[]>>;

/** Which records an account sees (invisible records answer 404). Operations see everything. */
export interface VisibilityRule {
  /** Paths holding the ids of the accounts that may see a record, by account type. */
  owners?: Partial<Record<AccountType, readonly string[]>>;
  /** Statuses an account type may see (other types see every status). */
  statuses?: Partial<Record<AccountType, readonly string[]>>;
  /** A reference (`product.id`) whose record must be visible too. */
  inherit?: string;
}

/** A link between two records, addressed by the linked one (a user's groups). */
export interface LinkRule {
  /** Path of the linked record's id in a link (`group.id`). */
  path: string;
  /** Store of the linked records. */
  store: StoreKey;
}

/**
 * A nested route of this store whose parent references differ from the rule derived from its path
 * (`fooId` -> `foo.id`, parent store: the route owning the path before the placeholder).
 */
export interface NestedRoute {
  /** Paths of the parent references, by placeholder, where not `fooId` -> `foo.id`. */
  refs?: Readonly<Record<string, string>>;
  /** Parent stores that cannot be derived from the template (default: the route owning the prefix). */
  parents?: Readonly<Record<string, StoreKey>>;
  /** A membership route: its records link the parents to a record of `link.store`. */
  link?: LinkRule;
  /** `false` when the parent lists these records without owning them (not deleted with it). */
  owned?: false;
}

/** Consequences of a create or an action, implemented in `effects.ts`. */
export type EffectName =
  | "openCaseChat"
  | "placeOrder"
  | "completeOrder"
  | "failOrder"
  | "recalculateLedger"
  | "redeemInvitation";
/** Fields filled on create beyond the generic ones, implemented in `derive.ts`. */
export type DeriveName = "orderFromAgreement" | "caseDefaults" | "apiTokenSecret" | "installationInvitation";
/** Upload hooks run before an action's transition, implemented in `http/handlers/special.ts`. */
export type UploadName = "journalCharges" | "customLedgerFile" | "mediaImage";
/** Actions with their own handler, implemented in `http/handlers/special.ts`. */
export type SpecialName =
  | "installationToken"
  | "extensionToken"
  | "embeddedFile"
  | "replaceLinks"
  // OpenAPI-only operations: checks.ts, splits.ts
  | "ssoCheck"
  | "transferDetails"
  | "validateRequest"
  | "validateEnrollmentDraft"
  | "getSplit"
  | "writeSplit";

export interface StoreDefinition<K extends StoreKey = StoreKey> {
  /** Id format of new records. Default: a prefix from the last path segment, two groups. */
  id?: IdRule;
  /** This store is the one looked up for ids of a prefix several stores share. */
  ownsIdPrefix?: true;
  /**
   * Fields a create must carry besides the OpenAPI body schema's `required` (checked by
   * `validation.ts`): only rules a platform answer documents, each with its source.
   */
  required?: readonly string[];
  /**
   * Object fields that may describe a new record by its parts instead of naming one (an order's
   * `agreement: {licensee: {id}, product: {id}}`): their `{id}` references are checked like
   * top-level ones (400 when missing). Default: none.
   */
  inlineRefs?: readonly string[];
  /** Top-level fields lists and gets leave out unless selected. Default `["audit"]`. */
  omitted?: readonly string[];
  /** DELETE keeps the record with status `Deleted`. */
  softDelete?: true;
  /** Actions and deletes answer an unknown id with 400 instead of 404 (as the live API does). */
  unknownIdIsBadRequest?: true;
  /** Who may read and write (actions: each transition's `by`). */
  access?: AccessRule;
  /** Which records each account sees; absent: every account sees every record. */
  visibility?: VisibilityRule;
  /** A creating vendor is stamped in `vendor` (beyond the visibility owners). */
  stampVendor?: true;
  /**
   * Secret fields the sandbox generates (an API token's `token`, a user's `password`): a create
   * or update setting one answers 400; an action consumes it and never stores it.
   */
  credentials?: readonly string[];
  /** Fields no update may change (400): an account's `type`, an API token's `account`. */
  immutable?: readonly string[];
  /**
   * Reference paths a non-Operations caller may point only at records its account owns (by the
   * referenced store's visibility owners): a token's `extension.id` names the caller's extension.
   */
  ownedRefs?: readonly string[];
  /**
   * Shared records everyone sees but only some may change: per account type, the paths naming
   * the accounts whose callers may update, delete or act on a record (absent type: none; Operations
   * always may). Absent: whoever sees a record may write it (within `access`).
   */
  writers?: Partial<Record<AccountType, readonly string[]>>;
  /** Statuses and transitions. */
  machine?: Machine<ActionName<K>>;
  /** Extra fields filled on create. */
  derive?: DeriveName;
  /** Effect after a create. */
  onCreate?: EffectName;
  /** Effects after actions. */
  onAction?: Readonly<Partial<Record<ActionName<K>, EffectName>>>;
  /** Upload hooks of actions. */
  uploads?: Readonly<Partial<Record<ActionName<K>, UploadName>>>;
  /** Actions with their own handler. */
  special?: Readonly<Partial<Record<ActionName<K>, SpecialName>>>;
  /**
   * The OpenAPI schema an action answers when it is not the store's own (the operation's `200`
   * schema: a buyer's `validate` answers `BuyerValidate`, `getSplit` `SplitBillingAgreement`): the
   * answer is trimmed by that schema's `access` (`test/definitions.test.ts` compares each entry with
   * the spec). Default: the store's schema.
   */
  answers?: Readonly<Partial<Record<ActionName<K>, string>>>;
  /**
   * The records embed objects that own files (the spec's `Batch.attachments`): `list` is the
   * field holding them, `prefix` the id prefix of the entry an upload of the store's create adds
   * (`MST-1111-2222-3333` -> `BAT-1111-2222-3333-0001`). An entry's file is kept under the entry's
   * id, like a record's own file: the `embeddedFile` special downloads it, exports and fixtures
   * carry it in `files`, the durable journal and snapshots keep it. Default: none (uploads are the
   * record's own file).
   */
  embeddedFiles?: { readonly list: string; readonly prefix: string };
  /** Nested routes of this store, only where they differ from the derived rule. */
  nested?: Readonly<Partial<Record<RouteTemplate, NestedRoute>>>;
}

/** The definitions of one group of stores: only catalogue store keys, each typed by its key. */
export type StoreDefinitions = { readonly [K in StoreKey]?: StoreDefinition<K> };

/** Checks a group's definitions against the catalogue's keys and actions (compile time). */
export function defineStores(definitions: StoreDefinitions): StoreDefinitions {
  return definitions;
}

/** `PRD-1234-5678`: `groups` random digit groups. */
export const random = (prefix: string, groups: number): IdRule => ({ prefix, groups });

/** `ITM-1234-5678-0001`: the digit groups of the parent at the first present path, then a sequence. */
export const child = (prefix: string, ...parent: string[]): IdRule => ({ prefix, parent });
