/**
 * Per-store facts as one table: the id format of new records (behaviour notes §6) and the fields
 * a list or get leaves out unless selected (`$meta.omitted`). State rules live in
 * state-machines/, ownership in visibility.ts.
 */

export type IdRule =
  /** `PRD-1234-5678`: random digit groups. */
  | { prefix: string; groups: number }
  /** `ITM-1234-5678-0001`: the parent's digit groups, `pad` zero groups, then a sequence. */
  | { prefix: string; parent: readonly string[]; pad?: number }
  /** `UGM-1234-5678-8765-4321`: the digit groups of the records a membership links. */
  | { prefix: string; joins: readonly string[] };

const R = (prefix: string, groups: number): IdRule => ({ prefix, groups });
const C = (prefix: string, ...parent: string[]): IdRule => ({ prefix, parent });

export const ID_RULES: Readonly<Record<string, IdRule>> = {
  "accounts/accounts": R("ACC", 2),
  "accounts/accounts/users/groups": { prefix: "UGM", joins: ["user.id", "group.id"] },
  "accounts/account-users": R("AUSR", 2),
  "accounts/api-tokens": R("TKN", 2),
  "accounts/buyers": R("BUY", 2),
  "accounts/cloud-tenants": R("CLT", 2),
  "accounts/erp-links": R("ERL", 2),
  "accounts/licensees": R("LCE", 3),
  "accounts/modules": R("MOD", 1),
  "accounts/sellers": R("SEL", 2),
  "accounts/services": R("SVC", 2),
  "accounts/user-groups": R("UGR", 2),
  "accounts/users": R("USR", 2),
  "audit/event-types": R("EVT", 2),
  "audit/records": R("AUD", 4),
  "billing/charges": { prefix: "CHG", parent: ["journal.id", "customLedger.id"], pad: 2 },
  "billing/credit-memos": R("CRD", 4),
  "billing/credit-memos/attachments": C("CMA", "creditMemo.id"),
  "billing/custom-ledgers": R("CLE", 2),
  "billing/custom-ledgers/attachments": R("CLA", 2),
  "billing/invoices": R("INV", 4),
  "billing/invoices/attachments": C("INA", "invoice.id"),
  "billing/journals": R("BJO", 2),
  "billing/journals/attachments": R("JOA", 2),
  "billing/journals/sellers": C("JSL", "journal.id"),
  "billing/ledgers": R("BLE", 4),
  "billing/ledgers/attachments": R("LEA", 2),
  "billing/manual-overrides": R("BMO", 2),
  "billing/statements": R("SOM", 4),
  "billing/statements/attachments": C("SOA", "statement.id"),
  "catalog/authorizations": R("AUT", 2),
  "catalog/items": C("ITM", "product.id"),
  "catalog/listings": R("LST", 2),
  "catalog/price-lists": C("PRC", "product.id"),
  "catalog/price-lists/items": C("PRI", "priceList.id"),
  "catalog/pricing-policies": R("PPY", 2),
  "catalog/pricing-policies/attachments": C("PPA", "pricingPolicy.id"),
  "catalog/products": R("PRD", 2),
  "catalog/products/documents": C("PDC", "product.id"),
  "catalog/products/item-groups": C("IGR", "product.id"),
  "catalog/products/media": C("PME", "product.id"),
  "catalog/products/parameter-groups": C("PGR", "product.id"),
  "catalog/products/parameters": C("PAR", "product.id"),
  "catalog/products/templates": C("TPL", "product.id"),
  "catalog/products/terms": C("TCS", "product.id"),
  "catalog/products/terms/variants": C("TCV", "term.id"),
  "catalog/units-of-measure": R("UNT", 1),
  "commerce/agreements": R("AGR", 3),
  "commerce/agreements/attachments": C("ATT", "agreement.id"),
  "commerce/assets": R("AST", 3),
  "commerce/orders": R("ORD", 3),
  "commerce/subscriptions": R("SUB", 3),
  "exchange/currencies": R("CUR", 1),
  "exchange/pairs": R("EXC", 1),
  "helpdesk/cases": R("CAS", 3),
  "helpdesk/channels": R("CHL", 3),
  "helpdesk/chats": R("CHT", 3),
  "helpdesk/chats/answers": C("CHA", "chat.id"),
  "helpdesk/chats/attachments": C("CAT", "chat.id"),
  "helpdesk/chats/links": C("CLK", "chat.id"),
  "helpdesk/chats/participants": C("CHP", "chat.id"),
  "helpdesk/forms": R("FRM", 2),
  "helpdesk/messages": R("MSG", 4),
  "helpdesk/parameter-groups": R("HPG", 2),
  "helpdesk/parameter-groups/parameters": C("HPP", "group.id"),
  "helpdesk/parameters": R("HPR", 2),
  "helpdesk/queues": R("QUE", 2),
  "integration/categories": R("ICA", 2),
  "integration/extensions": R("EXT", 2),
  "integration/extensions/documents": C("EDC", "extension.id"),
  "integration/extensions/instances": { prefix: "INS", parent: ["extension.id"], pad: 1 },
  "integration/extensions/media": C("EMD", "extension.id"),
  "integration/extensions/terms": C("ETC", "extension.id"),
  "integration/extensions/terms/variants": C("ETV", "term.id"),
  "integration/installations": R("EXI", 3),
  "notifications/accounts/categories/contacts": R("CTT", 2),
  "notifications/batches": R("MST", 3),
  "notifications/categories": R("NTC", 2),
  "notifications/contacts": R("CTT", 2),
  "notifications/directories": R("NDR", 2),
  "notifications/footers": R("NFT", 2),
  "notifications/messages": R("MSG", 4),
  "notifications/subscribers": R("NTS", 3),
  "notifications/templates": R("NTT", 2),
  "notifications/templates/variants": C("NTV", "template.id"),
  "notifications/webhooks": R("WBH", 2),
  "program/certificates": R("CER", 3),
  "program/enrollments": R("ENR", 3),
  "program/enrollments/attachments": C("ENA", "enrollment.id"),
  "program/programs": R("PRG", 2),
  "program/programs/documents": C("PDM", "program.id"),
  "program/programs/media": C("PMD", "program.id"),
  "program/programs/parameter-groups": C("PPG", "program.id"),
  "program/programs/parameters": C("PPM", "program.id"),
  "program/programs/templates": C("PTM", "program.id"),
  "program/programs/terms": C("PTC", "program.id"),
  "program/programs/terms/variants": C("PTV", "term.id"),
  "spotlight/objects": R("SPO", 5),
  "spotlight/queries": R("SPQ", 2),
};

/** Id rule of a store; unknown stores get a prefix from their last segment and two groups. */
export function idRule(store: string): IdRule {
  const rule = ID_RULES[store];
  if (rule) return rule;
  const last = store.split("/").at(-1) ?? "obj";
  return R(
    last
      .replace(/[^a-z]/gi, "")
      .slice(0, 3)
      .toUpperCase()
      .padEnd(3, "X"),
    2,
  );
}

const HEAVY = [
  "audit",
  "lines",
  "parameters",
  "subscriptions",
  "assets",
  "termsAndConditions",
  "certificates",
];

/** Top-level fields omitted by default (lists and gets); `select=+field` brings them back. */
export const DEFAULT_OMITTED: Readonly<Record<string, readonly string[]>> = {
  "commerce/orders": HEAVY,
  "commerce/agreements": HEAVY,
  "commerce/subscriptions": ["audit", "lines", "parameters"],
  "commerce/assets": ["audit", "lines", "parameters"],
  "billing/invoices": ["audit", "lines"],
  "catalog/items": ["audit", "parameters"],
  "program/enrollments": ["audit", "parameters"],
  "program/certificates": ["audit", "parameters", "terms"],
};

export function defaultOmitted(store: string): readonly string[] {
  return DEFAULT_OMITTED[store] ?? ["audit"];
}

/** Stores whose DELETE keeps the record with status `Deleted` (§10: product parameters). */
export const SOFT_DELETE: ReadonlySet<string> = new Set(["catalog/products/parameters"]);

/** Fields a create must carry (400 validation problem otherwise, as the live API answers). */
export const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  "catalog/products": ["name"],
  "catalog/items": ["name", "product.id"],
  "catalog/price-lists": ["currency", "product.id"],
  "catalog/pricing-policies": ["name"],
  "catalog/products/templates": ["name", "type"],
  "catalog/products/parameters": ["name", "type"],
  "catalog/products/documents": ["name"],
  "catalog/products/media": ["name"],
  "catalog/listings": ["product.id"],
  "commerce/orders": ["agreement.id"],
  "billing/journals": ["name"],
  "billing/custom-ledgers": ["name"],
  "accounts/accounts": ["name", "type"],
  "accounts/buyers": ["name"],
  "accounts/licensees": ["name"],
  "accounts/sellers": ["name"],
  "accounts/api-tokens": ["name"],
  "notifications/webhooks": ["url"],
  "helpdesk/cases": ["title"],
};

/**
 * Stores whose actions and deletes answer an unknown id with 400 `Bad Request` instead of 404,
 * as the live API does (behaviour notes §10).
 */
export const UNKNOWN_ID_IS_BAD_REQUEST: ReadonlySet<string> = new Set([
  "notifications/subscribers",
  "helpdesk/chats/participants",
]);
