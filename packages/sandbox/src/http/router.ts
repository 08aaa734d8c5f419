/**
 * Matches a request path against the catalogue routes. Longer templates win, so
 * `/catalog/products/PRD-1/items` is the items collection and not an action of products. A path
 * that fits a route but not the method answers 405 with `Allow`.
 */
import type { ActionDef } from "../domain/catalogue.js";
import { API_PREFIX, ROUTES, type ServiceRoute } from "../domain/routes.js";

export type Endpoint =
  | { kind: "list" | "create" }
  | { kind: "get" | "update" | "delete"; id: string }
  | {
      kind: "action";
      id: string | undefined;
      name: string;
      action: ActionDef;
      params: Record<string, string>;
    }
  /** `GET {id}/icon` of services with an icon/logo upload, `GET {id}/image` of media. */
  | { kind: "blob"; id: string; owner: string };

export interface RouteMatch {
  route: ServiceRoute;
  params: Record<string, string>;
  /** The endpoint for the request's method, when allowed. */
  endpoint: Endpoint | undefined;
  /** Methods this path accepts. */
  allowed: string[];
  /** Template of the matched endpoint, for counters (`GET /public/v1/catalog/products/{id}`). */
  pattern: string;
}

const SORTED: readonly ServiceRoute[] = [...ROUTES].sort((a, b) => b.segments.length - a.segments.length);

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Matches action path segments (with `{placeholders}`) against the rest of a request path. */
function matchActionPath(path: string, rest: readonly string[]): Record<string, string> | undefined {
  const parts = path === "" ? [] : path.split("/");
  if (parts.length !== rest.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const value = rest[i] as string;
    const m = /^\{(\w+)\}$/.exec(part);
    if (m?.[1]) params[m[1]] = value;
    else if (part !== value) return undefined;
  }
  return params;
}

type Candidate = { method: string; endpoint: Endpoint; pattern: string };

function candidates(route: ServiceRoute, rest: readonly string[]): Candidate[] {
  const { def } = route;
  const base = `${API_PREFIX}${route.template}`;
  const out: Candidate[] = [];
  const actions = Object.entries(def.actions ?? {});
  if (rest.length === 0) {
    if (def.ops.includes("collection"))
      out.push({ method: "GET", endpoint: { kind: "list" }, pattern: base });
    if (def.ops.includes("create")) out.push({ method: "POST", endpoint: { kind: "create" }, pattern: base });
    for (const [name, action] of actions) {
      if (action.scope === "collection" && action.path === "") {
        out.push({
          method: action.method,
          endpoint: { kind: "action", id: undefined, name, action, params: {} },
          pattern: base,
        });
      }
    }
    return out;
  }
  const [id, ...sub] = rest as [string, ...string[]];
  for (const [name, action] of actions) {
    if (action.scope === "collection") {
      const params = matchActionPath(action.path, rest);
      if (params && action.path !== "") {
        out.push({
          method: action.method,
          endpoint: { kind: "action", id: undefined, name, action, params },
          pattern: `${base}/${action.path}`,
        });
      }
      continue;
    }
    const params = matchActionPath(action.path, sub);
    if (params) {
      out.push({
        method: action.method,
        endpoint: { kind: "action", id, name, action, params },
        pattern: `${base}/{id}${action.path ? `/${action.path}` : ""}`,
      });
    }
  }
  if (sub.length === 0) {
    const pattern = `${base}/{id}`;
    if (def.ops.includes("get")) out.push({ method: "GET", endpoint: { kind: "get", id }, pattern });
    if (def.ops.includes("update")) out.push({ method: "PUT", endpoint: { kind: "update", id }, pattern });
    if (def.ops.includes("delete")) out.push({ method: "DELETE", endpoint: { kind: "delete", id }, pattern });
  } else if (sub.length === 1) {
    const iconKeys = ["icon", "logo"];
    const hasIcon = def.upload !== undefined && iconKeys.includes(def.upload.fileKey);
    if (sub[0] === "icon" && hasIcon && !out.some((c) => c.method === "GET")) {
      out.push({
        method: "GET",
        endpoint: { kind: "blob", id, owner: `${id}/icon` },
        pattern: `${base}/{id}/icon`,
      });
    }
    if (sub[0] === "image" && def.model.endsWith("Media")) {
      out.push({
        method: "GET",
        endpoint: { kind: "blob", id, owner: `${id}/image` },
        pattern: `${base}/{id}/image`,
      });
    }
  }
  return out;
}

/** Finds the route for a path (`/public/v1/...`); undefined when nothing matches (404). */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
  if (!pathname.startsWith(API_PREFIX)) return undefined;
  const raw = pathname.slice(API_PREFIX.length).replace(/\/$/, "").split("/");
  const segments: string[] = [];
  for (const s of raw) {
    const d = decode(s);
    if (d === undefined || d === "") return undefined;
    segments.push(d);
  }
  for (const route of SORTED) {
    if (segments.length < route.segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < route.segments.length; i++) {
      const t = route.segments[i] as string;
      const s = segments[i] as string;
      if (t.startsWith("{")) params[t.slice(1, -1)] = s;
      else if (t !== s) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    const found = candidates(route, segments.slice(route.segments.length));
    if (found.length === 0) continue;
    const hit =
      found.find((c) => c.method === method) ??
      (method === "HEAD" ? found.find((c) => c.method === "GET") : undefined);
    return {
      route,
      params,
      endpoint: hit?.endpoint,
      allowed: [...new Set(found.map((c) => c.method))],
      pattern: hit?.pattern ?? found[0]?.pattern ?? pathname,
    };
  }
  return undefined;
}
