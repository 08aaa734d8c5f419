/**
 * Store keys, route templates and action names as types computed from the client's catalogue
 * (its rows keep their literal paths): a store key is a route template without its placeholders
 * (`catalog/products/{productId}/terms` -> `catalog/products/terms`), except for the nested routes
 * of `SHARED_STORES`, whose records live in another store. A definition naming a store, route or
 * action the catalogue does not have fails to compile; check.ts repeats the checks at start-up.
 */
import type { catalogue } from "mpt-api-client";

type Catalogue = typeof catalogue;
type TopDefs = { [G in keyof Catalogue]: Catalogue[G][keyof Catalogue[G]] }[keyof Catalogue];
type WithChildren<D> = D extends { readonly children: infer C } ? D | WithChildren<C[keyof C]> : D;
/** Every row of the catalogue, nested ones included. */
type CatalogueRow = WithChildren<TopDefs>;

type TemplateOf<D> = D extends { readonly path: `/public/v1/${infer T}` } ? T : never;
type StripParams<P extends string> = P extends `${infer A}/{${string}}/${infer B}`
  ? StripParams<`${A}/${B}`>
  : P extends `${infer A}/{${string}}`
    ? A
    : P;

/** A route template of the catalogue without the API prefix: `catalog/products/{productId}/items`. */
export type RouteTemplate = TemplateOf<CatalogueRow>;

/**
 * Nested routes whose records live in a store other than their path's: a product's items are
 * `catalog/items` records, a journal's charges `billing/charges` records.
 */
export const SHARED_STORES = {
  "accounts/accounts/{accountId}/users": "accounts/users",
  "billing/custom-ledgers/{customLedgerId}/charges": "billing/charges",
  "billing/journals/{journalId}/charges": "billing/charges",
  "billing/ledgers/{ledgerId}/charges": "billing/charges",
  "billing/statements/{statementId}/charges": "billing/charges",
  "catalog/products/{productId}/items": "catalog/items",
  "commerce/orders/{orderId}/assets": "commerce/assets",
  "commerce/orders/{orderId}/subscriptions": "commerce/subscriptions",
  "helpdesk/channels/{channelId}/messages": "helpdesk/messages",
  "helpdesk/chats/{chatId}/messages": "helpdesk/messages",
  "integration/extensions/{extensionId}/installations": "integration/installations",
} as const satisfies { readonly [T in RouteTemplate]?: string };

type Shared = typeof SHARED_STORES;

/** The store of a route template's records. */
export type StoreOf<T extends string> = T extends keyof Shared ? Shared[T] : StripParams<T>;

/** A store key (`catalog/items`, `catalog/products/terms`). */
export type StoreKey = StoreOf<RouteTemplate>;

type ActionsOf<D, K extends string> = D extends {
  readonly path: `/public/v1/${infer T}`;
  readonly actions: infer A;
}
  ? StoreOf<T> extends K
    ? keyof A & string
    : never
  : never;

/** The custom actions the catalogue's rows of store `K` have (`publish`, `upload`, ...). */
export type ActionName<K extends StoreKey> = ActionsOf<CatalogueRow, K>;
