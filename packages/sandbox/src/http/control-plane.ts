/**
 * The sandbox's own routes under `/_sandbox/` (no authentication): health, counters, faults,
 * token revocation, reset and export, the request journal, and the blob routes that downloads redirect to.
 */

import { isObject, type JsonObject, type JsonValue } from "../shared/json.js";
import { badRequest, notFound, SandboxError } from "../shared/problem.js";
import type { Caller } from "./auth.js";
import { readRequestBody } from "./body.js";
import type { SandboxContext } from "./context.js";
import { json, noContent } from "./envelope.js";
import { type FaultSpec, globMatcher } from "./faults.js";
import { BLOB_PREFIX, serveBlob } from "./files.js";
import { handleJsonlBlob } from "./handlers/read.js";
import { filterFromQuery, type RequestJournal } from "./request-journal.js";
import { matchRoute } from "./router.js";

export const ADMIN_PREFIX = "/_sandbox/";

export interface AdminHooks {
  tokens(): JsonObject;
  revoke(tokenOrPersona: string): void;
  unrevoke(tokenOrPersona?: string): void;
  reset(): void;
  exportState(): JsonObject;
  requests: RequestJournal;
}

const SYSTEM: Caller = {
  accountId: "SYSTEM",
  accountType: "Operations",
  accountName: "mpt-sandbox",
  kind: "api-token",
};

function faultList(body: unknown): FaultSpec[] {
  const list = Array.isArray(body) ? body : body === undefined ? [] : [body];
  for (const f of list) {
    if (!isObject(f) || typeof f["kind"] !== "string") throw badRequest("A fault needs a `kind`.");
    const path = f["path"];
    if (path !== undefined && typeof path !== "string")
      throw badRequest("A fault's `path` must be a glob string.");
    try {
      if (path !== undefined) globMatcher(path);
    } catch (error) {
      throw badRequest((error as Error).message);
    }
  }
  return list as FaultSpec[];
}

export async function handleAdmin(
  ctx: SandboxContext,
  hooks: AdminHooks,
  req: Request,
  url: URL,
): Promise<Response> {
  const path = url.pathname.slice(ADMIN_PREFIX.length);
  const method = req.method;
  const readJson = async (): Promise<unknown> => (await readRequestBody(req, ctx.options.maxBodyBytes)).json;
  if (path.startsWith("blobs/files/") && method === "GET") {
    const owner = decodeURIComponent(path.slice("blobs/files/".length));
    const blob = serveBlob(ctx.store, owner);
    if (!blob) throw notFound(`No blob '${owner}'.`);
    return blob;
  }
  if (path.startsWith("blobs/jsonl/") && method === "GET") {
    const apiPath = `/public/v1/${url.pathname.slice(`${BLOB_PREFIX}jsonl/`.length)}`;
    const match = matchRoute("GET", apiPath);
    if (!match) throw notFound();
    return handleJsonlBlob({
      sandbox: ctx,
      req,
      url,
      caller: SYSTEM,
      route: match.route,
      params: match.params,
      pattern: match.pattern,
    });
  }
  switch (`${method} ${path}`) {
    case "GET health":
      return json({ status: "ok" });
    case "GET counters":
      return json(ctx.counters.snapshot() as unknown as JsonValue);
    case "DELETE counters":
      ctx.counters.reset();
      return noContent();
    case "GET faults":
      return json(ctx.faults.list() as unknown as JsonValue);
    case "POST faults":
      return json({ ids: ctx.faults.add(faultList(await readJson())) }, 201);
    case "PUT faults":
      return json({ ids: ctx.faults.set(faultList(await readJson())) });
    case "DELETE faults":
      ctx.faults.clear(url.searchParams.get("id") ?? undefined);
      return noContent();
    case "GET tokens":
      return json(hooks.tokens());
    case "POST tokens/revoke":
    case "POST tokens/unrevoke": {
      const body = await readJson();
      const target = isObject(body) ? (body["token"] ?? body["persona"]) : undefined;
      if (path === "tokens/revoke") {
        if (typeof target !== "string") throw badRequest("Give { token } or { persona }.");
        hooks.revoke(target);
      } else hooks.unrevoke(typeof target === "string" ? target : undefined);
      return noContent();
    }
    case "POST reset":
      hooks.reset();
      return noContent();
    case "GET export":
      return json(hooks.exportState());
    case "GET requests": {
      const filter = filterFromQuery(url.searchParams);
      if (typeof filter === "string") throw badRequest(filter);
      return json(hooks.requests.list(filter) as unknown as JsonValue);
    }
    case "DELETE requests":
      hooks.requests.clear();
      return noContent();
    default:
      throw new SandboxError({ status: 404, detail: `No sandbox route ${method} ${url.pathname}.` });
  }
}
