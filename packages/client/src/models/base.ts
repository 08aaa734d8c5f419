/**
 * The base every model extends: MPT objects always carry an `id`; `$meta` (omitted fields of a
 * single object) is kept apart from the object's own fields by the service engine.
 */

/** A JSON value as it travels on the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any model: an object with an id and further wire fields. */
export interface BaseModel {
  id: string;
  [field: string]: unknown;
}
