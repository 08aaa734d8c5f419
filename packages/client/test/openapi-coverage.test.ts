/**
 * Coverage of the platform's OpenAPI spec (`../shared/reference/mpt-openapi-4.0.2162.json`): calls
 * every operation and action of every catalogue row through the client with a recording fetch, and
 * fails listing each spec operation (method + path template) that no call sent. A spec update with
 * a new operation shows up here as a failing test. Prints the number of operations covered.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { type ActionDef, listServices } from "mpt-api-client";
import { call, drain, dummy, type Obj, template } from "./support/dynamic-calls.js";
import { recordingClient } from "./support/recording-fetch.js";

const specPath = join(import.meta.dirname, "../../../../shared/reference/mpt-openapi-4.0.2162.json");
const METHODS = ["get", "post", "put", "delete", "patch"];

/** Placeholders of any name become `{}`: `{id}` and `{productId}` name the same segment. */
const normalise = (path: string) => path.replace(/\{[^}]*\}/g, "{}");

/** Positional arguments that make an action send its request (`id` undefined: its default id). */
function actionArgs(action: ActionDef, id: string | undefined): unknown[] {
  const args: unknown[] = [];
  if (action.scope !== "collection") args.push(id);
  for (const p of action.params ?? []) args.push(dummy(p));
  if (action.file) args.push({ filename: "data.bin", content: new Uint8Array([1]) });
  else if (action.body === "required" || action.body === "optional") args.push(action.bodyField ? "x" : {});
  else if (action.queryParam) args.push("x");
  return args;
}

test("every operation of the platform's OpenAPI spec is reachable from the catalogue", {
  skip: !existsSync(specPath),
}, async (t) => {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as { paths: Record<string, Obj> };
  const specOps = new Map<string, string>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of Object.keys(item)) {
      if (METHODS.includes(method))
        specOps.set(`${method.toUpperCase()} ${normalise(path)}`, `${method.toUpperCase()} ${path}`);
    }
  }

  const { client, calls } = recordingClient();

  for (const entry of listServices()) {
    const label = `${entry.group}.${entry.names.join(".")}`;
    let svc: unknown = (client as unknown as Obj)[entry.group];
    [...entry.parents, entry.def].forEach((def, level) => {
      const name = entry.names[level]!;
      const ids = def.params.map(dummy);
      svc =
        level > 0 || def.accessor === "method" || ids.length > 0
          ? call(svc, name, ...ids)
          : (svc as Obj)[name];
    });
    assert.ok(svc, `${label} is not reachable from the client`);
    const ops = new Set(entry.def.ops);
    const id = dummy("id");
    if (ops.has("collection")) await drain(call(svc, "fetchPage"));
    if (ops.has("stream")) await drain(call(svc, "stream"));
    if (ops.has("get")) await drain(call(svc, "get", id));
    if (ops.has("create")) await drain(call(svc, "create", {}));
    if (ops.has("update")) await drain(call(svc, "update", id, {}));
    if (ops.has("delete")) await drain(call(svc, "delete", id));
    if (ops.has("download")) await drain(call(svc, "download", id));
    for (const [name, action] of Object.entries(entry.def.actions ?? {})) {
      await drain(call(svc, name, ...actionArgs(action, id)));
      if (action.defaultId) await drain(call(svc, name, ...actionArgs(action, undefined)));
    }
  }

  const sent = new Set(calls.map((c) => `${c.method} ${normalise(template(c.path))}`));
  const missing = [...specOps].filter(([key]) => !sent.has(key)).map(([, op]) => op);
  t.diagnostic(`covered ${specOps.size - missing.length} of ${specOps.size} OpenAPI operations`);
  assert.deepEqual(missing, [], `${missing.length} OpenAPI operations are not reachable from the catalogue`);
});
