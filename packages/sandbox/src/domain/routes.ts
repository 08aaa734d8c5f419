/**
 * Every service of the client's catalogue as a sandbox route, and the table that says where
 * each nested route keeps its records. A nested collection is a view over one store filtered by
 * its parent references: `/catalog/products/PRD-1/items` lists the `catalog/items` records whose
 * `product.id` is `PRD-1`. Each nested route's store and parent references are declared once,
 * here (documented in the README); the sandbox stamps the references on create.
 */
import { catalogue, type ServiceDef } from "./catalogue.js";

export const API_PREFIX = "/public/v1/";

export interface ParentRef {
  /** Placeholder name in the template (`productId`). */
  param: string;
  /** Dotted path in the child record that holds the parent id (`product.id`, `accounts.id`). */
  path: string;
  /** Store of the parent records (`catalog/products`). */
  store: string;
  /**
   * References the parent record itself must carry to belong under the earlier placeholders
   * (a term under `/catalog/products/{productId}/terms/{termId}` must have `product.id`).
   */
  within: ReadonlyArray<{ param: string; path: string }>;
}

export interface ServiceRoute {
  /** Dotted accessor name: `catalog.products.terms.variants`. */
  name: string;
  def: ServiceDef;
  /** Template without the API prefix: `catalog/products/{productId}/items`. */
  template: string;
  segments: readonly string[];
  /** Store key of the records (`catalog/items`). */
  store: string;
  refs: readonly ParentRef[];
  /** Set on membership routes: see `NestedRule.link`. */
  link?: StoreRef;
}

interface NestedRule {
  store: string;
  refs: Readonly<Record<string, string>>;
  /** Parent stores that cannot be derived from the template (default: the route owning the prefix). */
  parents?: Readonly<Record<string, string>>;
  /**
   * A membership route: its records are links between the parents and a record of `link.store`
   * named at `link.path`; the route addresses and shows the linked records (a user's groups), so
   * one group can be linked to several users.
   */
  link?: StoreRef;
  /**
   * `false` when the parent lists these records without owning them (a ledger's charges, an
   * order's subscriptions): deleting the parent does not delete them (see `PARTS`).
   */
  owned?: false;
}

/** Nested routes: where their records live and which field points at each parent. */
export const NESTED: Readonly<Record<string, NestedRule>> = {
  "accounts/accounts/{accountId}/users": { store: "accounts/users", refs: { accountId: "accounts.id" } },
  "accounts/accounts/{accountId}/users/{userId}/groups": {
    store: "accounts/accounts/users/groups",
    refs: { accountId: "account.id", userId: "user.id" },
    link: { path: "group.id", store: "accounts/user-groups" },
  },
  "billing/credit-memos/{creditMemoId}/attachments": {
    store: "billing/credit-memos/attachments",
    refs: { creditMemoId: "creditMemo.id" },
  },
  "billing/custom-ledgers/{customLedgerId}/attachments": {
    store: "billing/custom-ledgers/attachments",
    refs: { customLedgerId: "customLedger.id" },
  },
  "billing/custom-ledgers/{customLedgerId}/charges": {
    store: "billing/charges",
    refs: { customLedgerId: "customLedger.id" },
  },
  "billing/invoices/{invoiceId}/attachments": {
    store: "billing/invoices/attachments",
    refs: { invoiceId: "invoice.id" },
  },
  "billing/journals/{journalId}/attachments": {
    store: "billing/journals/attachments",
    refs: { journalId: "journal.id" },
  },
  "billing/journals/{journalId}/charges": { store: "billing/charges", refs: { journalId: "journal.id" } },
  "billing/journals/{journalId}/sellers": {
    store: "billing/journals/sellers",
    refs: { journalId: "journal.id" },
  },
  "billing/ledgers/{ledgerId}/attachments": {
    store: "billing/ledgers/attachments",
    refs: { ledgerId: "ledger.id" },
  },
  "billing/ledgers/{ledgerId}/charges": {
    store: "billing/charges",
    refs: { ledgerId: "ledger.id" },
    owned: false,
  },
  "billing/statements/{statementId}/attachments": {
    store: "billing/statements/attachments",
    refs: { statementId: "statement.id" },
  },
  "billing/statements/{statementId}/charges": {
    store: "billing/charges",
    refs: { statementId: "statement.id" },
    owned: false,
  },
  "catalog/price-lists/{priceListId}/items": {
    store: "catalog/price-lists/items",
    refs: { priceListId: "priceList.id" },
  },
  "catalog/pricing-policies/{pricingPolicyId}/attachments": {
    store: "catalog/pricing-policies/attachments",
    refs: { pricingPolicyId: "pricingPolicy.id" },
  },
  "catalog/products/{productId}/documents": {
    store: "catalog/products/documents",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/item-groups": {
    store: "catalog/products/item-groups",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/items": { store: "catalog/items", refs: { productId: "product.id" } },
  "catalog/products/{productId}/media": {
    store: "catalog/products/media",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/parameter-groups": {
    store: "catalog/products/parameter-groups",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/parameters": {
    store: "catalog/products/parameters",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/templates": {
    store: "catalog/products/templates",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/terms": {
    store: "catalog/products/terms",
    refs: { productId: "product.id" },
  },
  "catalog/products/{productId}/terms/{termId}/variants": {
    store: "catalog/products/terms/variants",
    refs: { productId: "product.id", termId: "term.id" },
  },
  "commerce/agreements/{agreementId}/attachments": {
    store: "commerce/agreements/attachments",
    refs: { agreementId: "agreement.id" },
  },
  "commerce/orders/{orderId}/assets": {
    store: "commerce/assets",
    refs: { orderId: "order.id" },
    owned: false,
  },
  "commerce/orders/{orderId}/subscriptions": {
    store: "commerce/subscriptions",
    refs: { orderId: "order.id" },
    owned: false,
  },
  "helpdesk/channels/{channelId}/messages": { store: "helpdesk/messages", refs: { channelId: "channel.id" } },
  "helpdesk/chats/{chatId}/answers": { store: "helpdesk/chats/answers", refs: { chatId: "chat.id" } },
  "helpdesk/chats/{chatId}/attachments": { store: "helpdesk/chats/attachments", refs: { chatId: "chat.id" } },
  "helpdesk/chats/{chatId}/links": { store: "helpdesk/chats/links", refs: { chatId: "chat.id" } },
  "helpdesk/chats/{chatId}/messages": { store: "helpdesk/messages", refs: { chatId: "chat.id" } },
  "helpdesk/chats/{chatId}/participants": {
    store: "helpdesk/chats/participants",
    refs: { chatId: "chat.id" },
  },
  "helpdesk/parameter-groups/{groupId}/parameters": {
    store: "helpdesk/parameter-groups/parameters",
    refs: { groupId: "group.id" },
  },
  "integration/extensions/{extensionId}/documents": {
    store: "integration/extensions/documents",
    refs: { extensionId: "extension.id" },
  },
  "integration/extensions/{extensionId}/installations": {
    store: "integration/installations",
    refs: { extensionId: "extension.id" },
    owned: false,
  },
  "integration/extensions/{extensionId}/instances": {
    store: "integration/extensions/instances",
    refs: { extensionId: "extension.id" },
  },
  "integration/extensions/{extensionId}/media": {
    store: "integration/extensions/media",
    refs: { extensionId: "extension.id" },
  },
  "integration/extensions/{extensionId}/terms": {
    store: "integration/extensions/terms",
    refs: { extensionId: "extension.id" },
  },
  "integration/extensions/{extensionId}/terms/{termId}/variants": {
    store: "integration/extensions/terms/variants",
    refs: { extensionId: "extension.id", termId: "term.id" },
  },
  "notifications/accounts/{accountId}/categories/{categoryId}/contacts": {
    store: "notifications/accounts/categories/contacts",
    refs: { accountId: "account.id", categoryId: "category.id" },
    parents: { accountId: "accounts/accounts", categoryId: "notifications/categories" },
  },
  "notifications/templates/{templateId}/variants": {
    store: "notifications/templates/variants",
    refs: { templateId: "template.id" },
  },
  "program/enrollments/{enrollmentId}/attachments": {
    store: "program/enrollments/attachments",
    refs: { enrollmentId: "enrollment.id" },
  },
  "program/programs/{programId}/documents": {
    store: "program/programs/documents",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/media": {
    store: "program/programs/media",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/parameter-groups": {
    store: "program/programs/parameter-groups",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/parameters": {
    store: "program/programs/parameters",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/templates": {
    store: "program/programs/templates",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/terms": {
    store: "program/programs/terms",
    refs: { programId: "program.id" },
  },
  "program/programs/{programId}/terms/{termId}/variants": {
    store: "program/programs/terms/variants",
    refs: { programId: "program.id", termId: "term.id" },
  },
};

const PLACEHOLDER = /^\{(\w+)\}$/;

/** Store key and references for a template not in `NESTED`: params dropped, `fooId` -> `foo.id`. */
function derivedRule(template: string): NestedRule {
  const refs: Record<string, string> = {};
  const literal: string[] = [];
  for (const segment of template.split("/")) {
    const m = PLACEHOLDER.exec(segment);
    if (m?.[1]) refs[m[1]] = `${m[1].replace(/Id$/, "")}.id`;
    else literal.push(segment);
  }
  return { store: literal.join("/"), refs };
}

function flatten(): ServiceRoute[] {
  const out: ServiceRoute[] = [];
  const visit = (name: string, def: ServiceDef): void => {
    const template = def.path.startsWith(API_PREFIX) ? def.path.slice(API_PREFIX.length) : def.path;
    const rule = NESTED[template] ?? derivedRule(template);
    const route: ServiceRoute = {
      name,
      def,
      template,
      segments: template.split("/"),
      store: rule.store,
      refs: [],
    };
    if (rule.link) route.link = rule.link;
    out.push(route);
    for (const [childName, child] of Object.entries(def.children ?? {})) visit(`${name}.${childName}`, child);
  };
  for (const [groupName, group] of Object.entries(catalogue)) {
    for (const [serviceName, def] of Object.entries(group)) visit(`${groupName}.${serviceName}`, def);
  }
  // Parent stores: the route whose template ends right before `/{param}`.
  const byTemplate = new Map(out.map((r) => [r.template, r]));
  return out.map((route) => {
    const rule = NESTED[route.template] ?? derivedRule(route.template);
    const refs: ParentRef[] = [];
    route.segments.forEach((segment, index) => {
      const param = PLACEHOLDER.exec(segment)?.[1];
      if (!param) return;
      const prefix = route.segments.slice(0, index).join("/");
      const override = rule.parents?.[param];
      const store = override ?? byTemplate.get(prefix)?.store ?? prefix;
      // The parent is an element of the prefix's route: it carries that route's references.
      const parentRule = NESTED[prefix] ?? derivedRule(prefix);
      const within =
        override === undefined
          ? Object.entries(parentRule.refs).map(([p, path]) => ({ param: p, path }))
          : [];
      refs.push({ param, path: rule.refs[param] ?? `${param.replace(/Id$/, "")}.id`, store, within });
    });
    return { ...route, refs };
  });
}

/** All routes, children after parents, in catalogue order. */
export const ROUTES: readonly ServiceRoute[] = flatten();

/** Every store key a route writes to. */
export const STORE_KEYS: readonly string[] = [...new Set(ROUTES.map((r) => r.store))].sort();

/** A parent reference of a store's records: the path holding the id and the parent's store. */
export interface StoreRef {
  path: string;
  store: string;
}

/** Per store, the parent references its nested routes declare (one entry per path). */
export const PARENT_REFS: ReadonlyMap<string, readonly StoreRef[]> = (() => {
  const map = new Map<string, StoreRef[]>();
  for (const route of ROUTES) {
    for (const ref of route.refs) {
      const list = map.get(route.store) ?? [];
      if (!list.some((r) => r.path === ref.path)) list.push({ path: ref.path, store: ref.store });
      map.set(route.store, list);
    }
  }
  return map;
})();

/** The parent references of a store's records (empty for top-level stores). */
export function parentRefs(store: string): readonly StoreRef[] {
  return PARENT_REFS.get(store) ?? [];
}

/** Records of `store` that belong to a parent record through the reference at `path`. */
export interface PartRef extends StoreRef {
  /** Deleted with the parent when owned; otherwise they keep the parent from being deleted. */
  owned: boolean;
}

/**
 * Per parent store, the stores whose records hang off its records: from each nested route's
 * parent references (owned unless the route says `owned: false`) and membership links (a
 * group's links to users are owned by the group too).
 */
export const PARTS: ReadonlyMap<string, readonly PartRef[]> = (() => {
  const map = new Map<string, PartRef[]>();
  const add = (parent: string, part: PartRef): void => {
    const list = map.get(parent) ?? [];
    if (!list.some((p) => p.store === part.store && p.path === part.path)) list.push(part);
    map.set(parent, list);
  };
  for (const route of ROUTES) {
    const owned = NESTED[route.template]?.owned !== false;
    for (const ref of route.refs) add(ref.store, { store: route.store, path: ref.path, owned });
    if (route.link) add(route.link.store, { store: route.store, path: route.link.path, owned: true });
  }
  return map;
})();
