/**
 * Keys of RQL errors in a 400 ProblemDetails `errors` object, as the platform's RQL engine
 * (mpt-rql-net) gives them: an error carries a `Path` only when it is about a property path
 * ("Invalid property path.", "Filtering is not permitted.", "Ordering is not permitted.") or
 * names a group or token ("Unknown expression group.", "Expression expected."); every other
 * error is keyed by its `Code` (`Result/Error.cs`: "rql_validation" for validation errors,
 * "rql_failure" for general ones, "order:no_props" for an order without a key), which is what
 * the engine's ASP.NET error provider writes (`error.Path ?? error.Code`, samples/Rql.Sample.Api).
 */

/** `Error.Validation`'s default code: operator, conversion, null and group errors. */
export const VALIDATION_KEY = "rql_validation";

/** `Error.General`'s default code ("Collection property has incompatible type"). */
export const FAILURE_KEY = "rql_failure";

/** OrderingService's code for an `order=` without any property. */
const NO_ORDER_PROPERTIES_KEY = "order:no_props";

/** Messages of the client's parser that mpt-rql-net's expression builders give (without a path). */
const BUILDER_MESSAGES: ReadonlySet<string> = new Set([
  "Value has to be a non empty array.",
  "Null values are not supported.",
  "Unsupported argument type.",
  "all() function must have 2 arguments",
]);

/**
 * Key of an error the client's parser raised while reading query part `part` (`filter`,
 * `select`, `order`, `query`): the engine's code when mpt-rql-net reports the same message as
 * an error object, else `part` (mpt-rql-net's parser throws those as exceptions instead: the
 * platform's answer to them is not published).
 */
export function parserErrorKey(part: string, message: string): string {
  if (part === "order" && message === "No valid ordering properties were detected")
    return NO_ORDER_PROPERTIES_KEY;
  if (part === "filter" && BUILDER_MESSAGES.has(message)) return VALIDATION_KEY;
  return part;
}
