/**
 * The generic service engine: turns a catalogue row into an object with exactly the methods the
 * row declares (collection calls, get, create, update, delete, download, stream, custom actions,
 * nested services). Query builders return new services; nothing is mutated.
 */
import type { ActionDef, ServiceDef } from "../catalogue/types.js";
import { MPTError } from "../errors.js";
import {
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  type MultipartPart,
  REQUEST_LIMIT_KEYS,
  type RequestBody,
  type RequestOptions,
} from "../http/types.js";
import type { ModelCollection } from "../models/collection.js";
import { callAction } from "./actions.js";
import { APIPromise } from "./api-promise.js";
import { downloadFile, downloadStream } from "./download.js";
import { type FileInput, filePart, jsonPart } from "./files.js";
import { assertJsonObject, assertJsonObjectOrList } from "./json-body.js";
import { iteratePages, iterateRecords, parseCollection, parseModel, parseModels } from "./pagination.js";
import { encodeSegment, fillTemplate } from "./paths.js";
import {
  collectionQuery,
  type FilterInput,
  getQuery,
  type QueryState,
  withFilter,
  withOrder,
  withSelect,
} from "./query-state.js";
import { streamRecords } from "./stream.js";
import type {
  DownloadOptions,
  GetOptions,
  IterateOptions,
  PageOptions,
  QueryOptions,
  ServiceOf,
  StreamOptions,
} from "./types.js";

/** Frozen: the transport merges a frozen header record with the client's once (see transport.ts). */
const ACCEPT_JSON = Object.freeze({ Accept: "application/json" });

/** What every service of one client shares. */
export interface EngineContext {
  readonly transport: HttpTransport;
}

/** One service bound to its ids and query state; the public object delegates to it. */
export class ServiceCore {
  readonly endpoint: string;

  constructor(
    readonly ctx: EngineContext,
    readonly def: ServiceDef,
    /** Dotted name for messages, e.g. `catalog.products.items`. */
    readonly name: string,
    /** Values of every placeholder of `def.path`, in order. */
    readonly ids: readonly string[],
    readonly state: QueryState = {},
  ) {
    this.endpoint = fillTemplate(def.path, ids, name);
  }

  with(state: QueryState): ServiceCore {
    return new ServiceCore(this.ctx, this.def, this.name, this.ids, state);
  }

  resourcePath(id: unknown, what: string): string {
    return `${this.endpoint}/${encodeSegment(id, `${this.name}.${what}`)}`;
  }

  send(req: HttpRequest, options: RequestOptions | undefined): Promise<HttpResponse> {
    return this.ctx.transport.request(applyOptions(req, options));
  }

  /** Sends what `build` returns (its errors reject the promise) and reads the answer with `parse`. */
  call<T>(build: () => HttpRequest, options: RequestOptions | undefined, parse: (res: HttpResponse) => T) {
    // no async wrapper: resolving one with the transport's promise would cost extra ticks per call
    let response: Promise<HttpResponse>;
    try {
      response = this.send(build(), options);
    } catch (error) {
      response = Promise.reject(error);
    }
    return new APIPromise(response, parse);
  }

  fetchPage(options: PageOptions = {}): APIPromise<ModelCollection<unknown>> {
    const where = `GET ${this.endpoint}`;
    let limit = 0;
    return this.call(
      () => {
        limit = checkCount(options.limit ?? 100, "fetchPage limit", 0);
        const offset = checkCount(options.offset ?? 0, "fetchPage offset", 0);
        const query = collectionQuery(this.state, { limit, offset });
        return { method: "GET", path: this.endpoint, query, headers: ACCEPT_JSON };
      },
      options,
      (res) => parseCollection(res, where, (offset) => this.fetchPage({ ...options, limit, offset })),
    );
  }

  fetchOne(options?: RequestOptions): APIPromise<unknown> {
    const page = this.fetchPage({ ...options, limit: 1, offset: 0 });
    return new APIPromise(page.asResponse(), async () => {
      const { meta, length, resources } = await page;
      const total = meta ? (meta.pagination.total ?? length) : length;
      if (total === 0) throw new MPTError("Expected one result, but got zero results");
      if (total > 1) throw new MPTError(`Expected one result, but got ${total} results`);
      return resources[0];
    });
  }

  count(options?: RequestOptions): APIPromise<number> {
    const page = this.fetchPage({ ...options, limit: 0, offset: 0 });
    return new APIPromise(page.asResponse(), async () => {
      const total = (await page).meta?.pagination.total;
      if (total === null || total === undefined) {
        throw new MPTError(
          `GET ${this.endpoint}: the answer carried no $meta.pagination.total to count with`,
        );
      }
      return total;
    });
  }

  /** Every page as a `ModelCollection` (with its `response`), at most `limit` records in all. */
  pages(options: IterateOptions = {}): AsyncGenerator<ModelCollection<unknown>, void, undefined> {
    const batchSize = checkCount(options.batchSize ?? 100, "batchSize", 1);
    const max = options.limit === undefined ? undefined : checkCount(options.limit, "limit", 0);
    return iteratePages(
      (limit, offset, signal) => this.fetchPage({ ...options, limit, offset, signal }),
      batchSize,
      options.signal,
      max,
    );
  }

  iterate(options: IterateOptions = {}): AsyncIterableIterator<unknown> {
    const pages = this.pages(options);
    return iterateRecords(pages, options, options.limit);
  }

  async toArray(options: IterateOptions = {}): Promise<unknown[]> {
    const out: unknown[] = [];
    for await (const record of this.iterate(options)) out.push(record);
    return out;
  }

  stream(options: StreamOptions = {}): AsyncIterableIterator<unknown> {
    const kind = this.def.streamKind ?? "mpt-streaming";
    const page: { limit?: number; offset?: number } = {};
    if (options.limit !== undefined) page.limit = checkCount(options.limit, "stream limit", 0);
    if (options.offset !== undefined) page.offset = checkCount(options.offset, "stream offset", 0);
    const query = collectionQuery(this.state, kind === "mpt-streaming" ? page : undefined);
    return streamRecords(
      this.ctx.transport,
      applyOptions({ method: "GET", path: this.endpoint, query }, options),
      kind,
      options,
    );
  }

  get(id: unknown, options?: GetOptions): APIPromise<unknown> {
    let path = "";
    return this.call(
      () => {
        path = this.resourcePath(id, "get");
        return { method: "GET", path, query: getQuery(this.state, options?.select), headers: ACCEPT_JSON };
      },
      options,
      (res) => parseModel(res, `GET ${path}`),
    );
  }

  create(data: unknown, file: FileInput | null | undefined, options?: RequestOptions): APIPromise<unknown> {
    const where = `POST ${this.endpoint}`;
    if (this.def.bulkCreate && Array.isArray(data) && (file === undefined || file === null)) {
      return this.call(
        () => ({ method: "POST", path: this.endpoint, headers: ACCEPT_JSON, body: this.bulkBody(data) }),
        options,
        (res) => parseModels(res, where),
      );
    }
    return this.call(
      () => ({
        method: "POST",
        path: this.endpoint,
        headers: ACCEPT_JSON,
        body: this.writeBody("create", data, file),
      }),
      options,
      (res) => parseModel(res, where),
    );
  }

  update(
    id: unknown,
    data: unknown,
    file: FileInput | null | undefined,
    options?: RequestOptions,
  ): APIPromise<unknown> {
    let path = "";
    return this.call(
      () => {
        path = this.resourcePath(id, "update");
        return { method: "PUT", path, headers: ACCEPT_JSON, body: this.writeBody("update", data, file) };
      },
      options,
      (res) => parseModel(res, `PUT ${path}`),
    );
  }

  delete(id: unknown, options?: RequestOptions): APIPromise<void> {
    return this.call(
      () => ({ method: "DELETE", path: this.resourcePath(id, "delete") }),
      options,
      () => undefined,
    );
  }

  download(id: unknown, options: DownloadOptions = {}) {
    return downloadFile(this, () => this.resourcePath(id, "download"), options);
  }

  downloadStream(id: unknown, options: DownloadOptions = {}) {
    return downloadStream(this, () => this.resourcePath(id, "downloadStream"), options);
  }

  /** The JSON array of a bulk create: a non-empty list of objects. */
  private bulkBody(data: readonly unknown[]): RequestBody {
    const what = `${this.name}.create(data)`;
    if (data.length === 0) throw new MPTError(`${what}: the list of records to create is empty`);
    return { kind: "json", value: assertJsonObjectOrList(data, what) };
  }

  private writeBody(op: "create" | "update", data: unknown, file: FileInput | null | undefined): RequestBody {
    const value = assertJsonObject(data, `${this.name}.${op}(data)`);
    const upload = this.def.upload;
    if (upload?.on.includes(op)) {
      const parts: MultipartPart[] = [jsonPart(upload.dataKey, value)];
      if (file !== undefined && file !== null)
        parts.push(filePart(upload.fileKey, file, `${this.name}.${op}(file)`));
      return { kind: "multipart", parts };
    }
    if (file !== undefined && file !== null) {
      throw new MPTError(`${this.name}.${op}: this service does not take a file`);
    }
    return { kind: "json", value };
  }
}

/** Builds the public service object for `core`, with only the methods its row declares. */
export function buildService<D extends ServiceDef>(core: ServiceCore): ServiceOf<D> {
  const { def } = core;
  const ops = new Set(def.ops);
  const svc: Record<string, unknown> = {};
  Object.defineProperty(svc, "endpoint", { value: core.endpoint, enumerable: true });
  Object.defineProperty(svc, "definition", { value: def, enumerable: false });
  const split = (args: unknown[], fixed: number) =>
    [args.slice(0, fixed), args[fixed] as RequestOptions | undefined] as const;

  if (ops.has("collection")) {
    svc["iterate"] = (o?: IterateOptions) => core.iterate(o);
    svc["pages"] = (o?: IterateOptions) => core.pages(o);
    svc["toArray"] = (o?: IterateOptions) => core.toArray(o);
    svc["fetchPage"] = (o?: PageOptions) => core.fetchPage(o);
    svc["fetchOne"] = (o?: RequestOptions) => core.fetchOne(o);
    svc["count"] = (o?: RequestOptions) => core.count(o);
    svc["stream"] = (o?: StreamOptions) => core.stream(o);
    svc["filter"] = (q: FilterInput) => buildService(core.with(withFilter(core.state, q)));
    svc["orderBy"] = (...f: string[]) => buildService(core.with(withOrder(core.state, f)));
    svc["select"] = (...f: string[]) => buildService(core.with(withSelect(core.state, f)));
    svc["options"] = (o: QueryOptions) =>
      buildService(core.with({ ...core.state, render: o?.render === true }));
    svc["queryString"] = () => collectionQuery(core.state);
  }
  if (ops.has("get")) svc["get"] = (id: string, o?: GetOptions) => core.get(id, o);
  const uploads = (op: "create" | "update") => def.upload?.on.includes(op) === true;
  if (ops.has("create")) {
    svc["create"] = uploads("create")
      ? (data: unknown, file?: FileInput | null, o?: RequestOptions) => core.create(data, file, o)
      : (data: unknown, o?: RequestOptions) => core.create(data, undefined, o);
  }
  if (ops.has("update")) {
    svc["update"] = uploads("update")
      ? (id: string, data: unknown, file?: FileInput | null, o?: RequestOptions) =>
          core.update(id, data, file, o)
      : (id: string, data: unknown, o?: RequestOptions) => core.update(id, data, undefined, o);
  }
  if (ops.has("delete")) svc["delete"] = (id: string, o?: RequestOptions) => core.delete(id, o);
  if (ops.has("download")) {
    svc["download"] = (id: string, o?: DownloadOptions) => core.download(id, o);
    svc["downloadStream"] = (id: string, o?: DownloadOptions) => core.downloadStream(id, o);
  }
  for (const [name, action] of Object.entries(def.actions ?? {})) {
    const fixed = actionArity(action);
    svc[name] = (...args: unknown[]) => {
      const [positional, options] = split(args, fixed);
      return callAction(core, name, action, positional, options);
    };
  }
  for (const [name, child] of Object.entries(def.children ?? {})) {
    svc[name] = (...ids: string[]) => {
      if (ids.length !== child.params.length) {
        throw new MPTError(
          `${core.name}.${name}(${child.params.join(", ")}): expected ${child.params.length} id(s), got ${ids.length}`,
        );
      }
      return buildService(new ServiceCore(core.ctx, child, `${core.name}.${name}`, [...core.ids, ...ids]));
    };
  }
  return Object.freeze(svc) as ServiceOf<D>;
}

/** Number of positional arguments an action takes before its `RequestOptions`. */
export function actionArity(action: ActionDef): number {
  let n = action.scope === "collection" ? 0 : 1;
  n += action.params?.length ?? 0;
  if (action.file || action.body === "optional" || action.body === "required" || action.queryParam) n += 1;
  return n;
}

function applyOptions(req: HttpRequest, options: RequestOptions | undefined): HttpRequest {
  if (!options) return req;
  const out: HttpRequest = { ...req };
  if (options.signal) out.signal = options.signal;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  if (options.headers) out.headers = { ...req.headers, ...options.headers };
  for (const key of REQUEST_LIMIT_KEYS) {
    const value = options[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function checkCount(value: unknown, what: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new MPTError(`${what} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

export { applyOptions };
