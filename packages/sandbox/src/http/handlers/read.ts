/**
 * Reads: collection pages (`$meta` envelope, RQL filter, select, order, limit/offset, render()),
 * the streaming read mode, the statement-charges JSONL redirect, single gets (select, render())
 * and downloads.
 */

import { parseQueryString } from "mpt-api-client";
import { checkAccess } from "../../domain/access.js";
import { defaultOmitted } from "../../domain/collections.js";
import type { AccountType } from "../../domain/machines/types.js";
import { findInView, openView, type View } from "../../domain/view.js";
import { storeFields } from "../../query/fields.js";
import { compileOrder } from "../../query/order.js";
import { parseGetSelect, parseListQuery } from "../../query/query.js";
import { renderRecord } from "../../query/render.js";
import { compileFilter } from "../../query/rql-eval.js";
import { buildProjection } from "../../query/select.js";
import type { JsonObject } from "../../shared/json.js";
import type { RequestContext } from "../context.js";
import { json, listBody, singleBody } from "../envelope.js";
import { BLOB_PREFIX, fileResponse, notAcceptable, wantsFile } from "../files.js";
import { jsonlResponse, wantsJsonl, wantsStreaming } from "../streaming.js";

export interface Selection {
  /** Matching records, sorted when an order was asked; lazily filtered otherwise. */
  records: Iterable<JsonObject>;
  project(record: JsonObject): JsonObject;
  omitted: readonly string[];
}

/** Filter, order, select and render of a view for a raw query string. */
export function selectRecords(
  view: View,
  search: string,
  accountType?: AccountType,
): Selection & { query: ReturnType<typeof parseListQuery> } {
  const query = parseListQuery(search);
  const fields = storeFields(view.shows, view.shown.fields);
  const predicate = compileFilter(query.filter, fields, accountType);
  const projection = buildProjection(query.select, defaultOmitted(view.shows), fields, accountType);
  const comparator = compileOrder(query.order, fields, accountType);
  const source = view.records();
  const matching = function* () {
    for (const r of source) if (predicate(r)) yield r;
  };
  const records: Iterable<JsonObject> = comparator ? [...matching()].sort(comparator) : matching();
  const render = query.render;
  return {
    query,
    records,
    omitted: projection.omitted,
    project: (r) => projection.apply(render ? renderRecord(r) : r),
  };
}

function* mapped(records: Iterable<JsonObject>, f: (r: JsonObject) => JsonObject): Generator<JsonObject> {
  for (const r of records) yield f(r);
}

export function handleList(rc: RequestContext): Response {
  checkAccess(rc.route.store, "read", rc.caller.accountType);
  const view = openView(rc);
  const streaming = wantsStreaming(rc.req);
  if (!streaming && rc.route.def.streamKind === "jsonl" && wantsJsonl(rc.req)) {
    // The JSONL representation lives in a blob: redirect there (302), as MPT does.
    const target = `${rc.url.origin}${BLOB_PREFIX}jsonl/${rc.route.template
      .split("/")
      .map((s) => (s.startsWith("{") ? encodeURIComponent(rc.params[s.slice(1, -1)] ?? "") : s))
      .join("/")}${rc.url.search}`;
    return new Response(null, { status: 302, headers: { location: target } });
  }
  const selection = selectRecords(view, rc.url.search, rc.caller.accountType);
  if (streaming) return jsonlResponse(mapped(selection.records, selection.project), true);

  const { options } = rc.sandbox;
  const { query } = selection;
  const limit = Math.min(query.limit ?? options.defaultLimit, options.maxLimit);
  const offset = query.offset ?? 0;
  if (query.filter === null && query.order.length === 0 && view.unfiltered) {
    // Every record of the store belongs to the view: count and slice without scanning.
    const page = view.collection.page(offset, limit).map(selection.project);
    return json(listBody(page, { offset, limit, total: view.collection.size }, selection.omitted));
  }
  const page: JsonObject[] = [];
  let total = 0;
  for (const r of selection.records) {
    if (total >= offset && page.length < limit) page.push(selection.project(r));
    total++;
  }
  return json(listBody(page, { offset, limit, total }, selection.omitted));
}

/** The blob behind a `streamKind: jsonl` route: the same selection as NDJSON. */
export function handleJsonlBlob(rc: RequestContext): Response {
  const view = openView(rc);
  const selection = selectRecords(view, rc.url.search, rc.caller.accountType);
  return jsonlResponse(mapped(selection.records, selection.project), false);
}

export function handleGet(rc: RequestContext, id: string): Response {
  checkAccess(rc.route.store, "read", rc.caller.accountType);
  const view = openView(rc);
  const record = findInView(view, id);
  if (rc.route.def.ops.includes("download")) {
    const file = rc.sandbox.store.files.get(id);
    const accept = rc.req.headers.get("accept");
    const want = wantsFile(accept, file);
    if (want === "file" && file) return fileResponse(file);
    if (want === "none") throw notAcceptable(accept ?? "", file);
  }
  const projection = buildProjection(
    parseGetSelect(rc.url.search),
    defaultOmitted(view.shows),
    storeFields(view.shows, view.shown.fields),
    rc.caller.accountType,
  );
  // `render()` renders a single object too, as on lists (issue #14; parseGetSelect checked the query).
  const rendered = parseQueryString(rc.url.search).render ? renderRecord(record) : record;
  return json(singleBody(projection.apply(rendered), projection.omitted));
}
