/**
 * TypeScript surface of a service, derived from its catalogue row: `ServiceOf<typeof row>` has
 * `iterate`, `create`, `publish`, `items(productId)` ... exactly when the row declares them.
 */
import type { ActionDef, Operation, ServiceDef } from "../catalogue/types.js";
import type { RequestOptions, StreamResponse } from "../http/types.js";
import type { ModelCollection } from "../models/collection.js";
import type { FileModel, FileStream } from "../models/file.js";
import type { ActionBodies, CreateBodies, ModelMap, ModelName, UpdateBodies } from "../models/model-map.js";
import type { Progress } from "../progress.js";
import type { CheckFields, FieldOf, RQLQuery } from "../rql/index.js";
import type { APIPromise } from "./api-promise.js";
import type { FileInput } from "./files.js";
import type { Body, Input } from "./input.js";
import type { Selected } from "./select.js";
import type { RecordStream } from "./stream.js";

export interface IterateOptions extends RequestOptions {
  /** Records per page (`limit` of each request), default 100. */
  batchSize?: number | undefined;
  /** Stop after this many records; the last page asks only for what is missing. */
  limit?: number | undefined;
  progress?: Progress | undefined;
}

export interface PageOptions extends RequestOptions {
  /** Default 100. */
  limit?: number | undefined;
  /** Default 0. */
  offset?: number | undefined;
}

export interface StreamOptions extends RequestOptions {
  progress?: Progress | undefined;
  /** Streaming read mode only: page window of the snapshot; absent means the whole snapshot. */
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface GetOptions<M = unknown, S extends readonly string[] = readonly string[]>
  extends RequestOptions {
  /**
   * Fields to select (`select=a,b`), checked against the model; the answer's type follows
   * (`["-*", "id", "name"]` keeps only those, `["+audit"]` adds one).
   */
  select?: CheckFields<M, S> | string | undefined;
}

export interface DownloadOptions extends RequestOptions {
  /** Content type to ask for; by default the resource's own `contentType` (read first). */
  accept?: string | undefined;
}

/** `options(...)` of a service: query flags sent with every request of the new service. */
export interface QueryOptions {
  /** Appends `render()` to the query (audit records render their templates). */
  render?: boolean | undefined;
}

type ModelOf<D extends ServiceDef> = ModelMap[D["model"]];
type Has<D extends ServiceDef, O extends Operation> = O extends D["ops"][number] ? true : false;
type UploadsOn<D extends ServiceDef, O extends "create" | "update"> = D extends {
  upload: { on: readonly (infer U)[] };
}
  ? O extends U
    ? true
    : false
  : false;

/** A tuple of string ids, one per name. */
export type Ids<P extends readonly string[]> = { [K in keyof P]: string };

/** Reading a collection: iteration, pages, counting, and the query builders. */
export interface CollectionReader<M> {
  /**
   * Every matching record, page by page (`for await`); the next page is fetched while you consume
   * this one. `limit` stops after that many records without fetching further pages.
   */
  iterate(options?: IterateOptions): AsyncIterableIterator<M>;
  /** Every page as a `ModelCollection` (each with its `response`), at most `limit` records in all. */
  pages(options?: IterateOptions): AsyncIterableIterator<ModelCollection<M>>;
  /** Every matching record (at most `limit`) in one array. */
  toArray(options?: IterateOptions): Promise<M[]>;
  /** One page. */
  fetchPage(options?: PageOptions): APIPromise<ModelCollection<M>>;
  /** The single matching record; throws unless exactly one matches. */
  fetchOne(options?: RequestOptions): APIPromise<M>;
  /** Number of matching records (`limit=0`). */
  count(options?: RequestOptions): APIPromise<number>;
  /**
   * Records as they arrive from a JSONL stream, never buffered whole. `withResponse()` gives the
   * response (status, headers, trace id) once its headers arrived; then iterate its `data`.
   */
  stream(options?: StreamOptions): RecordStream<M>;
  /**
   * A new service whose queries also match `query` (ANDed with any existing filter): an
   * `RQLQuery`, RQL text, or a callback given typed fields, `(f) => f("status").eq("Published")`.
   */
  filter(query: RQLQuery | string | ((field: FieldOf<M>) => RQLQuery)): this;
  /** A new service ordered by `fields` (`-field` descending), checked against the model. Throws when already ordered. */
  orderBy<const F extends readonly string[]>(...fields: CheckFields<M, F>): this;
  /** A new service with these query options (replaces earlier ones). */
  options(options: QueryOptions): this;
  /** The query string this service sends for collection calls (without limit/offset). */
  queryString(): string;
}

/** A collection service's reading methods plus `select`, which narrows the records' type. */
export interface CollectionMethods<M> extends CollectionReader<M> {
  /**
   * A new service selecting `fields` (`+field`, `-field`, `-*`), checked against the model; the
   * records' type follows MPT's rules (see `Selected`). Throws when already selected.
   */
  select<const F extends readonly string[]>(...fields: CheckFields<M, F>): CollectionReader<Selected<M, F>>;
}

/** `get` of a service that reads single records. */
export interface GetMethod<M> {
  /** One record by id; `select` narrows the answer's type. */
  get<const S extends readonly string[] = []>(
    id: string,
    options?: GetOptions<M, S>,
  ): APIPromise<Selected<M, S>>;
}

/** The request body model of `create`: its own spec schema when it has one, else the model. */
type CreateBody<D extends ServiceDef, M> = D["path"] extends keyof CreateBodies ? CreateBodies[D["path"]] : M;

/** The request body model of `update`: its own spec schema when it has one, else the model. */
type UpdateBody<D extends ServiceDef, M> = D["path"] extends keyof UpdateBodies ? UpdateBodies[D["path"]] : M;

type CreatePart<D extends ServiceDef, M> =
  UploadsOn<D, "create"> extends true
    ? {
        /** Creates a record (`POST`, multipart with the optional file); answers the created record. */
        create(data: Body<M>, file?: FileInput | null, options?: RequestOptions): APIPromise<M>;
      }
    : D extends { bulkCreate: true }
      ? {
          /** Creates a record (`POST`); answers the created record. */
          create(data: Body<CreateBody<D, M>>, options?: RequestOptions): APIPromise<M>;
          /** Creates several records in one `POST` (a JSON array), all or none; answers them in order. */
          create(data: readonly Body<CreateBody<D, M>>[], options?: RequestOptions): APIPromise<M[]>;
        }
      : {
          /** Creates a record (`POST`); answers the created record. */
          create(data: Body<CreateBody<D, M>>, options?: RequestOptions): APIPromise<M>;
        };

type UpdatePart<D extends ServiceDef, M> =
  UploadsOn<D, "update"> extends true
    ? {
        /** Updates a record (`PUT`, multipart with the optional file); answers the updated record. */
        update(id: string, data: Body<M>, file?: FileInput | null, options?: RequestOptions): APIPromise<M>;
      }
    : {
        /** Updates a record (`PUT`); answers the updated record. */
        update(id: string, data: Body<UpdateBody<D, M>>, options?: RequestOptions): APIPromise<M>;
      };

/** `delete` of a service whose records can be deleted. */
export interface DeleteMethod {
  /** Deletes a record (`DELETE`); resolves when the server answered. */
  delete(id: string, options?: RequestOptions): APIPromise<void>;
}

/** `download` and `downloadStream` of a service whose records are files. */
export interface DownloadMethods {
  /** The file of a resource, in memory. */
  download(id: string, options?: DownloadOptions): APIPromise<FileModel>;
  /**
   * The file of a resource as an open stream (for large files); `asResponse()` gives the open
   * `StreamResponse`.
   */
  downloadStream(id: string, options?: DownloadOptions): APIPromise<FileStream, StreamResponse>;
}

type IdArgs<A extends ActionDef> = A extends { scope: "collection" }
  ? []
  : A extends { defaultId: string }
    ? [id?: string]
    : [id: string];

type ParamArgs<A extends ActionDef> = A extends { params: infer P extends readonly string[] } ? Ids<P> : [];

type BodyArgs<A extends ActionDef, M> = A extends { file: { required: true } }
  ? [file: FileInput]
  : A extends { file: { required: false } }
    ? [file?: FileInput | null]
    : A extends { bodyField: string; body: "required" }
      ? [value: unknown]
      : A extends { body: "required"; scope: "collection" }
        ? [data: Body<M> | Input<M>[]]
        : A extends { body: "required" }
          ? [data: Body<M>]
          : A extends { body: "optional" }
            ? [data?: Body<M> | null]
            : A extends { queryParam: string }
              ? [value?: string | null]
              : [];

type ActionModel<A extends ActionDef, M> = A extends { model: infer N extends ModelName } ? ModelMap[N] : M;

type ActionResult<A extends ActionDef, M> = A["returns"] extends "model"
  ? ActionModel<A, M>
  : A["returns"] extends "text"
    ? string
    : A["returns"] extends "file"
      ? FileModel
      : // biome-ignore lint/suspicious/noConfusingVoidType: actions that answer nothing resolve to void
        void;

/** An action's method: the service's model answers, `B` (its request body's model) is sent. */
export type ActionFn<A extends ActionDef, M, B = M> = (
  ...args: [...IdArgs<A>, ...ParamArgs<A>, ...BodyArgs<A, B>, options?: RequestOptions]
) => APIPromise<ActionResult<A, M>>;

/** Key of an action in `ActionBodies` (the generator builds the same from the rows). */
type ActionKey<D extends ServiceDef, A extends ActionDef> = `${A extends { scope: "collection" }
  ? D["path"]
  : `${D["path"]}/{id}`}${A["path"] extends "" ? "" : `/${A["path"]}`}`;

/** The request body model of action `A`: its own spec schema when it has one, else the model. */
type ActionBody<D extends ServiceDef, A extends ActionDef, M> =
  ActionKey<D, A> extends keyof ActionBodies ? ActionBodies[ActionKey<D, A>] : M;

type ActionsPart<D extends ServiceDef, M> = D extends {
  actions: infer A extends { [name: string]: ActionDef };
}
  ? { [K in keyof A]: ActionFn<A[K], M, ActionBody<D, A[K], M>> }
  : unknown;

type ChildrenPart<D extends ServiceDef> = D extends {
  children: infer C extends { [name: string]: ServiceDef };
}
  ? { [K in keyof C]: (...ids: Ids<C[K]["params"]>) => ServiceOf<C[K]> }
  : unknown;

interface ServiceBase<D extends ServiceDef> {
  /** The resolved, percent-encoded endpoint path. */
  readonly endpoint: string;
  /** The catalogue row this service was built from. */
  readonly definition: D;
}

/** The methods of a service built from catalogue row `D`. */
export type ServiceOf<D extends ServiceDef> = ServiceBase<D> &
  (Has<D, "collection"> extends true ? CollectionMethods<ModelOf<D>> : unknown) &
  (Has<D, "get"> extends true ? GetMethod<ModelOf<D>> : unknown) &
  (Has<D, "create"> extends true ? CreatePart<D, ModelOf<D>> : unknown) &
  (Has<D, "update"> extends true ? UpdatePart<D, ModelOf<D>> : unknown) &
  (Has<D, "delete"> extends true ? DeleteMethod : unknown) &
  (Has<D, "download"> extends true ? DownloadMethods : unknown) &
  ActionsPart<D, ModelOf<D>> &
  ChildrenPart<D>;
