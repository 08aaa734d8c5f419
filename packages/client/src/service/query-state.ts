/**
 * Immutable query state of a service (filter, order, select, render) and the query strings the
 * Python client sends for it: collection calls, `get` (select + render only) and streams.
 */
import { MPTError } from "../errors.js";
import { buildQueryString, type FieldOf, RQLQuery, rql } from "../rql/index.js";

export interface QueryState {
  readonly filter?: RQLQuery;
  readonly order?: readonly string[];
  readonly select?: readonly string[];
  readonly render?: boolean;
}

/** What `filter` takes: a query, RQL text, or a callback building a query from typed fields. */
export type FilterInput = RQLQuery | string | ((field: never) => RQLQuery);

export function withFilter(state: QueryState, query: FilterInput): QueryState {
  let q: unknown = query;
  if (typeof q === "function") q = (q as (field: FieldOf<unknown>) => unknown)(rql());
  if (typeof q === "string") q = RQLQuery.fromString(q);
  if (!(q instanceof RQLQuery)) {
    throw new MPTError(
      "filter(query): expected an RQLQuery, an RQL string or a callback returning an RQLQuery",
    );
  }
  return { ...state, filter: state.filter ? state.filter.and(q) : q };
}

export function withOrder(state: QueryState, fields: readonly string[]): QueryState {
  if (state.order)
    throw new MPTError("orderBy() was already called on this service; pass every field in one call");
  return { ...state, order: checkFields(fields, "orderBy") };
}

export function withSelect(state: QueryState, fields: readonly string[]): QueryState {
  if (state.select)
    throw new MPTError("select() was already called on this service; pass every field in one call");
  return { ...state, select: checkFields(fields, "select") };
}

function checkFields(fields: readonly string[], what: string): readonly string[] {
  for (const f of fields) {
    if (typeof f !== "string" || f.trim() === "") {
      throw new MPTError(`${what}(...fields): every field must be a non-empty string`);
    }
  }
  return [...fields];
}

/** Query of collection calls: `limit&offset&order&select&<rql>&render()`. */
export function collectionQuery(state: QueryState, page?: { limit?: number; offset?: number }): string {
  return buildQueryString({
    ...(page?.limit !== undefined ? { limit: page.limit } : {}),
    ...(page?.offset !== undefined ? { offset: page.offset } : {}),
    ...(state.order ? { order: state.order } : {}),
    ...(state.select ? { select: state.select } : {}),
    ...(state.filter && state.filter.toString() !== "" ? { filter: state.filter.toString() } : {}),
    ...(state.render ? { render: true } : {}),
  });
}

/** Query of `get`: `select=a,b&render()` (filter and order do not apply). */
export function getQuery(state: QueryState, select: readonly string[] | string | undefined): string {
  const fields = typeof select === "string" ? [select] : select;
  if ((fields === undefined || fields.length === 0) && !state.render) return "";
  return buildQueryString({
    ...(fields && fields.length > 0 ? { select: fields } : {}),
    ...(state.render ? { render: true } : {}),
  });
}
