/** Response bodies: the `$meta` list envelope, single objects with `$meta.omitted`, JSON answers. */
import type { JsonObject, JsonValue } from "../shared/json.js";

export function listBody(
  data: JsonValue[],
  pagination: { offset: number; limit: number; total: number },
  omitted: readonly string[],
): JsonObject {
  return { $meta: { pagination, omitted: [...omitted] }, data };
}

export function singleBody(record: JsonObject, omitted: readonly string[]): JsonObject {
  return omitted.length > 0 ? { ...record, $meta: { omitted: [...omitted] } } : record;
}

export function json(body: JsonValue, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
