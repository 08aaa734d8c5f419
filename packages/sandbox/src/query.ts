/**
 * Reads a request's query string the way MPT does: the reserved parameters `limit`, `offset`,
 * `select`, `order` and the bare `render()`; everything else is the RQL filter, parsed by the
 * client's parser. Parser errors become 400 validation problems carrying its message.
 */
import type { OrderEntry, RqlNode, SelectEntry } from "../../client/src/rql/ast.js";
import { parseRQL } from "../../client/src/rql/parser.js";
import { parseOrder, parseSelect } from "../../client/src/rql/select-order.js";
import { validationError } from "./problem.js";

export interface ListQuery {
  filter: RqlNode | null;
  select: SelectEntry[];
  order: OrderEntry[];
  limit: number | undefined;
  offset: number | undefined;
  render: boolean;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function integer(name: string, text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) {
    throw validationError({ [name]: [`The value '${text}' is not valid for ${name}.`] });
  }
  return n;
}

function guard<T>(key: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && error.name === "RQLError")
      throw validationError({ [key]: [error.message] });
    throw error;
  }
}

/** Splits the raw query (without `?`) into reserved parameters and the filter. */
export function parseListQuery(rawSearch: string): ListQuery {
  const raw = rawSearch.startsWith("?") ? rawSearch.slice(1) : rawSearch;
  const filterParts: string[] = [];
  const out: ListQuery = {
    filter: null,
    select: [],
    order: [],
    limit: undefined,
    offset: undefined,
    render: false,
  };
  let select = "";
  let order = "";
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    if (name === "limit") out.limit = integer("limit", value);
    else if (name === "offset") out.offset = integer("offset", value);
    else if (name === "select") select = select ? `${select},${value}` : value;
    else if (name === "order") order = order ? `${order},${value}` : value;
    else if (name.trim().toLowerCase() === "render()") out.render = true;
    else filterParts.push(decode(part));
  }
  out.select = guard("select", () => parseSelect(select));
  out.order = guard("order", () => parseOrder(order));
  const filter = filterParts.join("&");
  out.filter = guard("filter", () => parseRQL(filter));
  return out;
}
