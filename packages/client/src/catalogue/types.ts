/**
 * Shape of a catalogue row. Every service of the API is one `ServiceDef`: plain data that the
 * service engine turns into methods, the sandbox routes on, and the CLI lists. The TypeScript
 * type of a service (`ServiceOf` in service/types.ts) is derived from its row, so a method exists
 * in the editor exactly when the row declares it.
 */
import type { ModelName } from "../models/model-map.js";

/** Standard operations. `collection` gives iterate / fetchPage / fetchOne and the query builders. */
export type Operation = "collection" | "get" | "create" | "update" | "delete" | "download" | "stream";

/** How a service's create / update send a file: a multipart body of a JSON part and a file part. */
export interface UploadDef {
  /** Name of the multipart part that carries the JSON data (`product`, `document`, ...). */
  readonly dataKey: string;
  /** Name of the multipart part that carries the file (`icon`, `logo`, `file`, ...). */
  readonly fileKey: string;
  /** Which of create / update are multipart. */
  readonly on: readonly ("create" | "update")[];
}

/** A multipart action body built from a file argument (journal upload, media image, ...). */
export interface ActionFileDef {
  /** Part name of the file. */
  readonly key: string;
  readonly required: boolean;
  /** Content type forced on the file part (custom-ledger uploads must be XLSX). */
  readonly contentType?: string;
  /** Filename used when the caller's file has none. */
  readonly defaultFilename?: string;
  /** Also send the resource id as a file part named `id` (filename `upload`), as the Python client does. */
  readonly idPart?: boolean;
  /** Always add this JSON part holding `{}` (the Python client's `_attachment_data`). */
  readonly emptyDataPart?: string;
}

/** A custom action of a service row: an HTTP call on a resource or the collection (`review`, `complete`, ...). */
export interface ActionDef {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  /**
   * Sub-path after `{endpoint}/{id}` for resource actions or after `{endpoint}` for collection
   * actions; may hold `{name}` placeholders filled from `params`. Empty for the resource itself.
   */
  readonly path: string;
  /** `collection` actions take no resource id. Default: `resource`. */
  readonly scope?: "resource" | "collection";
  /** Positional arguments after the id that fill the placeholders of `path` (camelCase names). */
  readonly params?: readonly string[];
  /** JSON body: none (default), optional or required. */
  readonly body?: "none" | "optional" | "required";
  /** Send the body argument wrapped as `{ [bodyField]: value }` (`setPassword(id, password)`). */
  readonly bodyField?: string;
  /** Multipart body made from a file argument. */
  readonly file?: ActionFileDef;
  readonly returns: "model" | "none" | "text" | "file";
  /** Model of the answer when it is not the service's own model. */
  readonly model?: ModelName;
  /** `Accept` header sent with the request; absent means none is set. */
  readonly accept?: string;
  /** An optional argument sent as this query parameter (`token(accountId)` -> `account.id=`). */
  readonly queryParam?: string;
  /** The id used when the caller passes none (`spotlight.objects.refresh()` uses `-`). */
  readonly defaultId?: string;
}

/** One row of the catalogue: a service's endpoint, accessor parameters, operations and actions. */
export interface ServiceDef {
  /** Endpoint template, e.g. `/public/v1/catalog/products/{productId}/items`. */
  readonly path: string;
  /**
   * Arguments of this service's accessor, in order: the placeholders of `path` that the parent
   * service does not already fill (`products.items(productId)` -> `["productId"]`).
   */
  readonly params: readonly string[];
  /** Accessor style on the group: a property (default) or a method (`installationsToken()`). */
  readonly accessor?: "property" | "method";
  /** Model interface name in `ModelMap`. */
  readonly model: ModelName;
  readonly ops: readonly Operation[];
  readonly upload?: UploadDef;
  /**
   * `create` also takes a list of bodies, sent as one JSON array: the platform creates all or
   * none and answers the list of created records (chat participants).
   */
  readonly bulkCreate?: true;
  /** `jsonl`: `Accept: application/jsonl` only; `mpt-streaming` (default): the platform's streaming read mode. */
  readonly streamKind?: "jsonl" | "mpt-streaming";
  readonly actions?: { readonly [name: string]: ActionDef };
  readonly children?: { readonly [name: string]: ServiceDef };
}

/** The rows of one resource group: service name -> row. */
export type GroupDef = { readonly [service: string]: ServiceDef };

/** Helper that keeps literal types of a group's rows while checking them against `ServiceDef`. */
export function defineGroup<const G extends GroupDef>(group: G): G {
  return group;
}
