/**
 * Every service of the client's catalogue as a sandbox route, and the table that says where
 * each nested route keeps its records. A nested collection is a view over one store filtered by
 * its parent references: `/catalog/products/PRD-1/items` lists the `catalog/items` records whose
 * `product.id` is `PRD-1`. A nested route's store and parent references follow from its path
 * unless `SHARED_STORES` or its store definition's `nested` entry says otherwise (documented in
 * the README); the sandbox stamps the references on create.
 */
import { catalogue, type ServiceDef } from "./catalogue.js";
import { type RouteTemplate, storeDef } from "./stores/index.js";
import { SHARED_STORES } from "./stores/keys.js";

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
  /** A membership route (see `NestedRoute.link` in stores/types.ts). */
  link?: StoreRef;
  /** `false` when the parent lists these records without owning them (see `PARTS`). */
  owned?: false;
}

const PLACEHOLDER = /^\{(\w+)\}$/;

/**
 * Where a template's records live and which field points at each parent: the path without
 * placeholders (or its `SHARED_STORES` entry) and `fooId` -> `foo.id`, overridden by the store
 * definition's `nested` entry for the template.
 */
function nestedRule(template: string): NestedRule {
  const refs: Record<string, string> = {};
  const literal: string[] = [];
  for (const segment of template.split("/")) {
    const m = PLACEHOLDER.exec(segment);
    if (m?.[1]) refs[m[1]] = `${m[1].replace(/Id$/, "")}.id`;
    else literal.push(segment);
  }
  const shared: Readonly<Record<string, string>> = SHARED_STORES;
  const store = shared[template] ?? literal.join("/");
  const override = storeDef(store).nested?.[template as RouteTemplate];
  const rule: NestedRule = { store, refs: { ...refs, ...override?.refs } };
  if (override?.parents) rule.parents = override.parents;
  if (override?.link) rule.link = override.link;
  if (override?.owned === false) rule.owned = false;
  return rule;
}

function flatten(): ServiceRoute[] {
  const out: ServiceRoute[] = [];
  const visit = (name: string, def: ServiceDef): void => {
    const template = def.path.startsWith(API_PREFIX) ? def.path.slice(API_PREFIX.length) : def.path;
    const rule = nestedRule(template);
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
    const rule = nestedRule(route.template);
    const refs: ParentRef[] = [];
    route.segments.forEach((segment, index) => {
      const param = PLACEHOLDER.exec(segment)?.[1];
      if (!param) return;
      const prefix = route.segments.slice(0, index).join("/");
      const override = rule.parents?.[param];
      const store = override ?? byTemplate.get(prefix)?.store ?? prefix;
      // The parent is an element of the prefix's route: it carries that route's references.
      const parentRule = nestedRule(prefix);
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

/**
 * The nested routes whose store or parent references differ from the derived rule, by template
 * (from `SHARED_STORES` and the store definitions' `nested` entries; documented in the README).
 */
export const NESTED: Readonly<Record<string, NestedRule>> = Object.fromEntries(
  ROUTES.filter(
    (r) => r.template in SHARED_STORES || storeDef(r.store).nested?.[r.template as RouteTemplate],
  ).map((r) => [r.template, nestedRule(r.template)]),
);

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
    const owned = nestedRule(route.template).owned !== false;
    for (const ref of route.refs) add(ref.store, { store: route.store, path: ref.path, owned });
    if (route.link) add(route.link.store, { store: route.store, path: route.link.path, owned: true });
  }
  return map;
})();
