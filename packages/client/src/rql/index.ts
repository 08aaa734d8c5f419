/**
 * RQL for MPT: the `RQLQuery` builder, a parser of the platform's dialect (shared with the
 * sandbox), `select=`/`order=` parsing and the query-string encoding used on the wire.
 */
export type { OrderEntry, RqlCompareOp, RqlListOp, RqlNode, RqlValue, SelectEntry } from "./ast.js";
export { type RQLLookups, type RQLLookupValue, RQLQuery } from "./builder.js";
export { parseRQL } from "./parser.js";
export type { CheckFields, CheckPath, CheckSigned, PathValue } from "./paths.js";
export {
  buildQueryString,
  encodeRqlForWire,
  type ParsedQueryString,
  parseQueryString,
  type QueryStringState,
} from "./query-string.js";
export { parseOrder, parseSelect } from "./select-order.js";
export { type FieldOf, type FieldValue, rql, type TypedField } from "./typed.js";
export { type RQLInputValue, type RQLListValue, RQLProperty, type RQLScalar, RQLValue } from "./values.js";
