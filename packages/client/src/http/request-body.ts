/** Turns a `RequestBody` into what fetch sends: compact JSON text or a multipart Blob. */
import { MPTError } from "../errors.js";
import { encodeMultipart } from "./multipart.js";
import type { RequestBody } from "./types.js";

export interface PreparedBody {
  /** Replayable: strings and Blobs can be sent any number of times. */
  body: string | Blob | undefined;
  contentType: string | undefined;
}

export function prepareBody(body: RequestBody | undefined, description: string): PreparedBody {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (body.kind === "multipart") {
    const encoded = encodeMultipart(body.parts);
    return { body: encoded.body, contentType: encoded.contentType };
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(body.value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MPTError(`The body of ${description} cannot be serialised as JSON: ${reason}`, {
      cause: error,
    });
  }
  if (text === undefined) return { body: undefined, contentType: undefined };
  return { body: text, contentType: "application/json" };
}
