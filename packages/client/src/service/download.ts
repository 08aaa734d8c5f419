/**
 * Downloads: the file of a resource, asked for with `Accept: <its content type>` (read from the
 * resource's JSON first unless the caller names one), in memory (`FileModel`) or as a stream.
 */
import { MPTError } from "../errors.js";
import type { HttpResponse, RequestOptions } from "../http/types.js";
import { FileModel, type FileStream, filenameFromContentDisposition } from "../models/file.js";
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

export async function downloadFile(
  core: ServiceCore,
  path: string,
  options: DownloadOptions,
): Promise<FileModel> {
  const accept = options.accept ?? (await contentTypeOf(core, path, options));
  const res = await core.send({ method: "GET", path, headers: { Accept: accept }, file: true }, options);
  return fileFromResponse(res);
}

export async function downloadStream(
  core: ServiceCore,
  path: string,
  options: DownloadOptions,
): Promise<FileStream> {
  const accept = options.accept ?? (await contentTypeOf(core, path, options));
  const res = await core.ctx.transport.stream(
    applyOptions({ method: "GET", path, headers: { Accept: accept } }, options),
  );
  const length = res.headers.get("Content-Length");
  return {
    filename: filenameFromContentDisposition(res.headers.get("Content-Disposition")),
    contentType: res.headers.get("Content-Type"),
    size: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    body: res.body,
  };
}
