/**
 * Reading answers: a collection page into `ModelCollection`, a single object into a model with its
 * `$meta` kept apart (`metaOf(model)`), and the page iterator that fetches the next page while
 * the caller consumes the current one (never more than one page ahead, never past a `limit`).
 */
import { MPTError } from "../errors.js";
import type { HttpResponse } from "../http/types.js";
import { Meta, ModelCollection, type PageSource } from "../models/collection.js";
import { responseInfo } from "./api-promise.js";
import type { IterateOptions } from "./types.js";

const metas = new WeakMap<object, Meta>();

/** The `$meta` (e.g. omitted fields) the server sent with a model, if any. */
export function metaOf(model: object): Meta | undefined {
  return metas.get(model);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function body(res: HttpResponse, where: string): unknown {
  try {
    return res.json();
  } catch (error) {
    // the transport's message says what came instead (empty, HTML title, a snippet)
    const what = error instanceof Error ? `: ${error.message}` : "";
    throw new MPTError(`${where}: the ${res.status} answer is not JSON${what}`, { cause: error });
  }
}

/** A model without its `$meta`; the meta stays reachable through `metaOf`. */
export function toModel(raw: unknown, where: string): unknown {
  if (!isObject(raw))
    throw new MPTError(
      `${where}: expected a JSON object, got ${Array.isArray(raw) ? "an array" : typeof raw}`,
    );
  if (!("$meta" in raw)) return raw;
  const { $meta, ...fields } = raw;
  const meta = Meta.from($meta);
  if (meta) metas.set(fields, meta);
  return fields;
}

export function parseModel(res: HttpResponse, where: string): unknown {
  return toModel(body(res, where), where);
}

/** An answer that is a JSON array of records (a bulk create's). */
export function parseModels(res: HttpResponse, where: string): unknown[] {
  const raw = body(res, where);
  if (!Array.isArray(raw)) {
    throw new MPTError(
      `${where}: expected a JSON array of records, got ${raw === null ? "null" : typeof raw}`,
    );
  }
  return raw.map((record) => toModel(record, where));
}

export function parseCollection(
  res: HttpResponse,
  where: string,
  next?: PageSource<unknown>["next"],
): ModelCollection<unknown> {
  const raw = body(res, where);
  if (!isObject(raw) || !Array.isArray(raw["data"])) {
    throw new MPTError(`${where}: expected a collection ({"$meta": ..., "data": [...]})`);
  }
  return new ModelCollection(
    raw["data"].map((r) => toModel(r, where)),
    Meta.from(raw["$meta"]),
    { response: responseInfo(res), next },
  );
}

const queueTick = (globalThis as { process?: { nextTick?: (run: () => void) => void } }).process?.nextTick;

/**
 * Resolves once the callbacks queued with `process.nextTick` so far have run (at once where there
 * is none). A request started from a promise chain hands its socket over in such a callback (Node's
 * agent): without this pause the prefetched page's request would wait, unsent, until the caller's
 * loop over the current page let the microtask queue drain.
 */
function queuedTicks(): Promise<void> | undefined {
  return queueTick ? new Promise<void>((resolve) => queueTick(resolve)) : undefined;
}

type PageFetcher = (limit: number, offset: number, signal: AbortSignal) => Promise<ModelCollection<unknown>>;

/**
 * Yields every page. Paging follows the Python client: continue while `pagination.hasNext()`, at
 * `offset + limit` as echoed by the server. Stops on an empty page, and once `maxItems` records
 * were received (the last page asks only for what is missing). A server whose echoed pagination
 * would not move past the offset just asked for (which would page forever) is an error.
 */
export async function* iteratePages(
  fetchPage: PageFetcher,
  batchSize: number,
  signal: AbortSignal | undefined,
  maxItems = Number.POSITIVE_INFINITY,
): AsyncGenerator<ModelCollection<unknown>, void, undefined> {
  if (signal?.aborted) throw signal.reason;
  if (maxItems <= 0) return;
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  let asked = 0;
  let remaining = maxItems;
  let pending: Promise<ModelCollection<unknown>> | undefined = fetchPage(
    Math.min(batchSize, remaining),
    asked,
    controller.signal,
  );
  try {
    while (pending) {
      const page: ModelCollection<unknown> = await pending;
      pending = undefined;
      remaining -= page.length;
      if (page.hasNextPage() && remaining > 0) {
        const pagination = page.meta!.pagination;
        const next = pagination.nextOffset();
        if (next <= asked) {
          throw new MPTError(
            `Pagination does not advance: asked for offset ${asked}, the server answered offset ${pagination.offset} with limit ${pagination.limit}`,
          );
        }
        asked = next;
        pending = fetchPage(Math.min(pagination.limit, remaining), next, controller.signal);
        // Surfaced when awaited; avoid an unhandled rejection if the caller stops first.
        pending.catch(() => undefined);
        await queuedTicks();
      }
      if (signal?.aborted) throw signal.reason;
      yield page;
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (pending) controller.abort(new MPTError("iteration stopped"));
  }
}

/** Yields the records of `pages`, at most `maxItems`, reporting to `options.progress`. */
export async function* iterateRecords(
  pages: AsyncIterable<ModelCollection<unknown>>,
  options: IterateOptions,
  maxItems = Number.POSITIVE_INFINITY,
): AsyncGenerator<unknown, void, undefined> {
  const { progress, signal } = options;
  let left = maxItems;
  for await (const page of pages) {
    const total = page.meta?.pagination.total;
    if (total !== undefined && total !== null) progress?.setTotalItems?.(Math.min(total, maxItems));
    for (const record of page.resources) {
      if (left <= 0) break;
      if (signal?.aborted) throw signal.reason;
      left -= 1;
      yield record;
      progress?.itemProcessed?.();
    }
  }
  progress?.completed?.();
}
