/**
 * Reads a request's query string the way MPT does: the reserved parameters `limit`, `offset`,
 * `select`, `order` and the bare `render()`; everything else is the RQL filter, parsed by the
 * client's parser. The query string is taken apart by the client's `parseQueryString` (it splits
 * on `&` outside quotes and parentheses), for lists and single GETs alike. Parser errors become
 * 400 validation problems carrying its message, keyed as mpt-rql-net keys them (error-keys.ts).
 */
import {
  type OrderEntry,
  parseOrder,
  parseQueryString,
  parseRQL,
  parseSelect,
  type RqlNode,
  type SelectEntry,
} from "mpt-api-client";
import { validationError } from "../shared/problem.js";
import { parserErrorKey } from "./error-keys.js";

export interface ListQuery {
  filter: RqlNode | null;
  select: SelectEntry[];
  order: OrderEntry[];
  limit: number | undefined;
  offset: number | undefined;
  render: boolean;
}

function guard<T>(key: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && error.name === "RQLError")
      throw validationError({ [parserErrorKey(key, error.message)]: [error.message] });
    throw error;
  }
}

/** Splits the raw query (with or without `?`) into reserved parameters and the parsed filter. */
export function parseListQuery(rawSearch: string): ListQuery {
  const raw = guard("query", () => parseQueryString(rawSearch));
  return {
    limit: raw.limit,
    offset: raw.offset,
    render: raw.render,
    select: guard("select", () => parseSelect(raw.select ?? "")),
    order: guard("order", () => parseOrder(raw.order ?? "")),
    filter: guard("filter", () => parseRQL(raw.filter)),
  };
}

/** The `select` of a single-object GET (`?select=-*,id,name`); other parameters are ignored there. */
export function parseGetSelect(rawSearch: string): SelectEntry[] {
  const raw = guard("query", () => parseQueryString(rawSearch));
  return guard("select", () => parseSelect(raw.select ?? ""));
}
