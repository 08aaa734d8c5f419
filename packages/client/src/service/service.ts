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
import type { RQLQuery } from "../rql/index.js";
import { callAction } from "./actions.js";
import { downloadFile, downloadStream } from "./download.js";
import { type FileInput, filePart, jsonPart } from "./files.js";
import { assertJsonObject } from "./json-body.js";
import { iteratePages, parseCollection, parseModel } from "./pagination.js";
import { encodeSegment, fillTemplate } from "./paths.js";
import {
  collectionQuery,
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

const ACCEPT_JSON = { Accept: "application/json" } as const;

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

  async fetchPage(options: PageOptions = {}): Promise<ModelCollection<unknown>> {
    const limit = checkCount(options.limit ?? 100, "fetchPage limit", 0);
    const offset = checkCount(options.offset ?? 0, "fetchPage offset", 0);
    const res = await this.send(
      {
        method: "GET",
        path: this.endpoint,
        query: collectionQuery(this.state, { limit, offset }),
        headers: ACCEPT_JSON,
      },
      options,
    );
    return parseCollection(res, `GET ${this.endpoint}`);
  }

  async fetchOne(options?: RequestOptions): Promise<unknown> {
    const page = await this.fetchPage({ ...options, limit: 1, offset: 0 });
    const total = page.meta ? (page.meta.pagination.total ?? page.length) : page.length;
    if (total === 0) throw new MPTError("Expected one result, but got zero results");
    if (total > 1) throw new MPTError(`Expected one result, but got ${total} results`);
    return page.resources[0];
  }

  async count(options?: RequestOptions): Promise<number> {
    const page = await this.fetchPage({ ...options, limit: 0, offset: 0 });
    const total = page.meta?.pagination.total;
    if (total === null || total === undefined) {
      throw new MPTError(`GET ${this.endpoint}: the answer carried no $meta.pagination.total to count with`);
    }
    return total;
  }

  iterate(options: IterateOptions = {}): AsyncIterableIterator<unknown> {
    const batchSize = checkCount(options.batchSize ?? 100, "iterate batchSize", 1);
    return iteratePages(
      (limit, offset, signal) => this.fetchPage({ ...options, limit, offset, signal }),
      batchSize,
      options,
    );
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

  async get(id: unknown, options: GetOptions = {}): Promise<unknown> {
    const path = this.resourcePath(id, "get");
    const res = await this.send(
      { method: "GET", path, query: getQuery(this.state, options.select), headers: ACCEPT_JSON },
      options,
    );
    return parseModel(res, `GET ${path}`);
  }

  async create(
    data: unknown,
    file: FileInput | null | undefined,
    options?: RequestOptions,
  ): Promise<unknown> {
    const body = this.writeBody("create", data, file);
    const res = await this.send({ method: "POST", path: this.endpoint, headers: ACCEPT_JSON, body }, options);
    return parseModel(res, `POST ${this.endpoint}`);
  }

  async update(
    id: unknown,
    data: unknown,
    file: FileInput | null | undefined,
    options?: RequestOptions,
  ): Promise<unknown> {
    const path = this.resourcePath(id, "update");
    const body = this.writeBody("update", data, file);
    const res = await this.send({ method: "PUT", path, headers: ACCEPT_JSON, body }, options);
    return parseModel(res, `PUT ${path}`);
  }

  async delete(id: unknown, options?: RequestOptions): Promise<void> {
    const path = this.resourcePath(id, "delete");
    await this.send({ method: "DELETE", path }, options);
  }

  download(id: unknown, options: DownloadOptions = {}) {
    return downloadFile(this, this.resourcePath(id, "download"), options);
  }

  downloadStream(id: unknown, options: DownloadOptions = {}) {
    return downloadStream(this, this.resourcePath(id, "downloadStream"), options);
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
    svc["fetchPage"] = (o?: PageOptions) => core.fetchPage(o);
    svc["fetchOne"] = (o?: RequestOptions) => core.fetchOne(o);
    svc["count"] = (o?: RequestOptions) => core.count(o);
    svc["stream"] = (o?: StreamOptions) => core.stream(o);
    svc["filter"] = (q: RQLQuery | string) => buildService(core.with(withFilter(core.state, q)));
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
