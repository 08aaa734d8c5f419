/**
 * Installation invitations (issue #14; the Python client's e2e test decodes them): an
 * installation created `Invited` carries `invitation.url`, base64url of the JSON
 * `{"code": …, "installationId": …}`; `POST …/installations/{id}/redeem` with `{code, modules}`
 * must give that code.
 */
import { fromBase64url, toBase64url } from "../shared/base64url.js";
import { isObject, type JsonObject, valueAt } from "../shared/json.js";
import { hash, randomHex } from "../shared/prng.js";
import { validationError } from "../shared/problem.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The invitation of a new installation: what the create sent (message, validity) plus its url.
 * The code is random unless given (the seed derives its codes from the seed, to stay repeatable).
 */
export function newInvitation(installationId: string, given: unknown, code = randomHex(16)): JsonObject {
  const url = toBase64url(encoder.encode(JSON.stringify({ code, installationId })));
  return { ...(isObject(given) ? given : {}), url };
}

/** The code an installation's `invitation.url` carries, if it has a readable one. */
export function invitationCode(installation: JsonObject): string | undefined {
  const url = valueAt(installation, "invitation.url");
  if (typeof url !== "string") return undefined;
  try {
    const payload: unknown = JSON.parse(decoder.decode(fromBase64url(url)));
    const code = isObject(payload) ? payload["code"] : undefined;
    return typeof code === "string" ? code : undefined;
  } catch {
    return undefined;
  }
}

/** 400 unless `code` is the installation's invitation code. */
export function checkInvitationCode(installation: JsonObject, code: unknown): void {
  const expected = invitationCode(installation);
  const id = String(installation["id"]);
  if (expected === undefined) {
    throw validationError({
      code: [`Installation ${id} has no invitation to redeem (only installations created Invited have one).`],
    });
  }
  if (typeof code !== "string" || code === "") {
    throw validationError({ code: ["The Code field is required."] });
  }
  if (code !== expected) {
    throw validationError({ code: [`The invitation code is not valid for installation ${id}.`] });
  }
}

/** A repeatable invitation code for a seeded installation (32 hex digits from the seed and id). */
export function seededInvitationCode(seed: string, installationId: string): string {
  return [0, 1, 2, 3].map((i) => hash(seed, installationId, i).toString(16).padStart(8, "0")).join("");
}
