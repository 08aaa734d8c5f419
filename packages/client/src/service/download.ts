/**
 * Downloads: the file of a resource, asked for with `Accept: <its content type>` (read from the
 * resource's JSON first unless the caller names one), in memory (`FileModel`) or as a stream
 * (`FileStream`); both return an `APIPromise` (`withResponse()`, `asResponse()`).
 */
import { MPTError } from "../errors.js";
import type { HttpResponse, RequestOptions, StreamResponse } from "../http/types.js";
import { FileModel, type FileStream, filenameFromContentDisposition } from "../models/file.js";
import { APIPromise } from "./api-promise.js";
import { parseModel } from "./pagination.js";
import type { ServiceCore } from "./service.js";
import { applyOptions } from "./service.js";
import type { DownloadOptions } from "./types.js";

async function contentTypeOf(core: ServiceCore, path: string, options: RequestOptions): Promise<string> {
  const res = await core.send({ method: "GET", path, headers: { Accept: "application/json" } }, options);
  const model = parseModel(res, `GET ${path}`) as { contentType?: unknown };
  if (typeof model.contentType !== "string" || model.contentType === "") {
    throw new MPTError("Unable to download file. Content type not found in resource");
  }
  return model.contentType;
}

/** A `FileModel` from a fully read answer. */
export function fileFromResponse(res: HttpResponse): FileModel {
  return new FileModel({
    filename: filenameFromContentDisposition(res.headers.get("Content-Disposition")),
    contentType: res.headers.get("Content-Type"),
    fileContents: res.body,
  });
}

export function downloadFile(
  core: ServiceCore,
  path: () => string,
  options: DownloadOptions,
): APIPromise<FileModel> {
  const response = (async () => {
    const at = path();
    const accept = options.accept ?? (await contentTypeOf(core, at, options));
    return core.send({ method: "GET", path: at, headers: { Accept: accept }, file: true }, options);
  })();
  return new APIPromise(response, fileFromResponse);
}

/** A `FileStream` over the open body of `res`. */
export function fileStreamOf(res: StreamResponse): FileStream {
  const length = res.headers.get("Content-Length");
  return {
    filename: filenameFromContentDisposition(res.headers.get("Content-Disposition")),
    contentType: res.headers.get("Content-Type"),
    size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    body: res.body,
  };
}

export function downloadStream(
  core: ServiceCore,
  path: () => string,
  options: DownloadOptions,
): APIPromise<FileStream, StreamResponse> {
  const response = (async () => {
    const at = path();
    const accept = options.accept ?? (await contentTypeOf(core, at, options));
    return core.ctx.transport.stream(
      applyOptions({ method: "GET", path: at, headers: { Accept: accept } }, options),
    );
  })();
  return new APIPromise(response, fileStreamOf);
}
