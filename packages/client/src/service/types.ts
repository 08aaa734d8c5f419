/**
 * TypeScript surface of a service, derived from its catalogue row: `ServiceOf<typeof row>` has
 * `iterate`, `create`, `publish`, `items(productId)` ... exactly when the row declares them.
 */
import type { ActionDef, GroupDef, Operation, ServiceDef } from "../catalogue/types.js";
import type { RequestOptions } from "../http/types.js";
import type { ModelCollection } from "../models/collection.js";
import type { FileModel, FileStream } from "../models/file.js";
import type { ModelMap, ModelName } from "../models/model-map.js";
import type { Progress } from "../progress.js";
import type { RQLQuery } from "../rql/index.js";
import type { FileInput } from "./files.js";

/** Data accepted by create / update / actions: the model's fields (all optional), plus any other field. */
export type Input<M> = { [K in keyof M]?: M[K] extends object ? Input<M[K]> | M[K] : M[K] } & Record<
  string,
  unknown
>;

export interface IterateOptions extends RequestOptions {
  /** Records per page (`limit`), default 100. */
  batchSize?: number | undefined;
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

export interface GetOptions extends RequestOptions {
  /** Fields to select (`select=a,b`). */
  select?: readonly string[] | string | undefined;
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

type CollectionPart<D extends ServiceDef, M> = {
  /** Every matching record, page by page (`for await`); the next page is fetched while you consume this one. */
  iterate(options?: IterateOptions): AsyncIterableIterator<M>;
  /** One page. */
  fetchPage(options?: PageOptions): Promise<ModelCollection<M>>;
  /** The single matching record; throws unless exactly one matches. */
  fetchOne(options?: RequestOptions): Promise<M>;
  /** Number of matching records (`limit=0`). */
  count(options?: RequestOptions): Promise<number>;
  /** Records as they arrive from a JSONL stream, never buffered whole. */
  stream(options?: StreamOptions): AsyncIterableIterator<M>;
  /** A new service whose queries also match `query` (ANDed with any existing filter). */
  filter(query: RQLQuery | string): ServiceOf<D>;
  /** A new service ordered by `fields` (`-field` descending). Throws when already ordered. */
  orderBy(...fields: string[]): ServiceOf<D>;
  /** A new service selecting `fields` (`+field`, `-field`). Throws when already selected. */
  select(...fields: string[]): ServiceOf<D>;
  /** A new service with these query options (replaces earlier ones). */
  options(options: QueryOptions): ServiceOf<D>;
  /** The query string this service sends for collection calls (without limit/offset). */
  queryString(): string;
};

type GetPart<M> = { get(id: string, options?: GetOptions): Promise<M> };

type CreatePart<D extends ServiceDef, M> =
  UploadsOn<D, "create"> extends true
    ? { create(data: Input<M>, file?: FileInput | null, options?: RequestOptions): Promise<M> }
    : { create(data: Input<M>, options?: RequestOptions): Promise<M> };

type UpdatePart<D extends ServiceDef, M> =
  UploadsOn<D, "update"> extends true
    ? { update(id: string, data: Input<M>, file?: FileInput | null, options?: RequestOptions): Promise<M> }
    : { update(id: string, data: Input<M>, options?: RequestOptions): Promise<M> };

type DeletePart = { delete(id: string, options?: RequestOptions): Promise<void> };

type DownloadPart = {
  /** The file of a resource, in memory. */
  download(id: string, options?: DownloadOptions): Promise<FileModel>;
  /** The file of a resource as an open stream (for large files). */
  downloadStream(id: string, options?: DownloadOptions): Promise<FileStream>;
};

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
        ? [data: Input<M> | Input<M>[]]
        : A extends { body: "required" }
          ? [data: Input<M>]
          : A extends { body: "optional" }
            ? [data?: Input<M> | null]
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

export type ActionFn<A extends ActionDef, M> = (
  ...args: [...IdArgs<A>, ...ParamArgs<A>, ...BodyArgs<A, M>, options?: RequestOptions]
) => Promise<ActionResult<A, M>>;

type ActionsPart<D extends ServiceDef, M> = D extends {
  actions: infer A extends { [name: string]: ActionDef };
}
  ? { [K in keyof A]: ActionFn<A[K], M> }
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
  (Has<D, "collection"> extends true ? CollectionPart<D, ModelOf<D>> : unknown) &
  (Has<D, "get"> extends true ? GetPart<ModelOf<D>> : unknown) &
  (Has<D, "create"> extends true ? CreatePart<D, ModelOf<D>> : unknown) &
  (Has<D, "update"> extends true ? UpdatePart<D, ModelOf<D>> : unknown) &
  (Has<D, "delete"> extends true ? DeletePart : unknown) &
  (Has<D, "download"> extends true ? DownloadPart : unknown) &
  ActionsPart<D, ModelOf<D>> &
  ChildrenPart<D>;

/** A resource group: services as properties, or methods for the rows with `accessor: "method"`. */
export type GroupOf<G extends GroupDef> = {
  readonly [K in keyof G]: G[K] extends { accessor: "method" }
    ? (...ids: Ids<G[K]["params"]>) => ServiceOf<G[K]>
    : ServiceOf<G[K]>;
};
