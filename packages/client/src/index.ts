/**
 * Public entry point of `mpt-api-client`.
 */
export * from "./auth/index.js";
export {
  type Catalogue,
  type CatalogueEntry,
  catalogue,
  type GroupName,
  groupNames,
  listServices,
} from "./catalogue/index.js";
export type {
  ActionDef,
  ActionFileDef,
  GroupDef,
  Operation,
  ServiceDef,
  UploadDef,
} from "./catalogue/types.js";
export { AsyncMPTClient, type ClientConfig, type ClientOptions, MPTClient } from "./client.js";
export * from "./errors.js";
export { resolveBaseUrl } from "./http/base-url.js";
export { redact } from "./http/redact.js";
export { createTransport, type TransportOptions } from "./http/transport.js";
export type {
  FetchFunction,
  HttpMethod,
  HttpRequest,
  HttpResponse,
  HttpTransport,
  Logger,
  MultipartPart,
  RequestOptions,
  StreamResponse,
} from "./http/types.js";
export type { BaseModel, JsonValue } from "./models/base.js";
export { Meta, ModelCollection, type PageSource, Pagination } from "./models/collection.js";
export { FileModel, type FileStream, filenameFromContentDisposition } from "./models/file.js";
export type * from "./models/generated/index.js";
export { MODEL_NAMES, type ModelMap, type ModelName } from "./models/model-map.js";
export { ConsoleProgress, type Progress } from "./progress.js";
export * from "./rql/index.js";
export { APIPromise, type ResponseInfo, type WithResponse } from "./service/api-promise.js";
export { type FileInput, toFile } from "./service/files.js";
export { type Body, type Input, type Unchecked, unchecked } from "./service/input.js";
export { metaOf } from "./service/pagination.js";
export type { Selected } from "./service/select.js";
export { RecordStream } from "./service/stream.js";
export type {
  CollectionMethods,
  CollectionReader,
  DeleteMethod,
  DownloadMethods,
  DownloadOptions,
  GetMethod,
  GetOptions,
  IterateOptions,
  PageOptions,
  QueryOptions,
  ServiceOf,
  StreamOptions,
} from "./service/types.js";
