/**
 * Parity with the Python client: for every service, operation and action of
 * `../shared/reference/python-client-surface.json` (main and branch-only services), calls the
 * TypeScript client with a recording fetch and asserts the method, the path, the `Accept` header
 * and the multipart part names the Python client sends. Prints the number of calls covered.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { call, drain, dummy, type Obj, template } from "./support/dynamic-calls.js";
import { type RecordedRequest, recordingClient } from "./support/recording-fetch.js";

interface SurfaceAction {
  name: string;
  scope: "resource" | "collection";
  method: string;
  params: string[];
  resourceParam: string | null;
  bodyKind: string | null;
  requestHeaders?: { Accept?: string };
  multipartParts?: { name: string }[];
  http: string;
}
interface SurfaceService {
  accessor: string;
  accessorKind?: string;
  accessorParams?: string[];
  endpoint: string;
  operations: string[];
  fileUpload: { fileKey: string; dataKey: string; usedBy: string[] } | null;
  actions: SurfaceAction[];
  children: { accessor: string; params: string[]; service: SurfaceService }[];
  httpCalls: string[];
  path?: string;
}
interface Surface {
  groups: { name: string; services: SurfaceService[] }[];
  branchOnly: { services?: SurfaceService[] }[];
  counts: { distinctHttpCalls: number };
}

const surfacePath = join(import.meta.dirname, "../../../../shared/reference/python-client-surface.json");
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
test("every call of the Python client surface is sent the same way", {
  skip: !existsSync(surfacePath),
}, async (t) => {
  const surface = JSON.parse(readFileSync(surfacePath, "utf8")) as Surface;
  const { client, calls } = recordingClient();
  const expected = new Set<string>();
  const seen = new Set<string>();
  const file = new Uint8Array([1, 2, 3]);

  const record = (from: number): RecordedRequest[] => {
    const made = calls.slice(from);
    for (const c of made) seen.add(`${c.method} ${template(c.path)}`);
    return made;
  };

  async function checkService(label: string, svc: unknown, s: SurfaceService): Promise<void> {
    for (const h of s.httpCalls) expected.add(h.replace(/\?.*$/, "").replace(/\{(\w+)\}/g, "{$1}"));
    const ep = s.endpoint;
    const ops = new Set(s.operations);
    const expectOne = async (
      what: string,
      run: () => unknown,
      method: string,
      path: string,
      accept?: string,
    ) => {
      const from = calls.length;
      await drain(run());
      const made = record(from);
      assert.ok(made.length >= 1, `${label}.${what}: no request sent`);
      const last = made[made.length - 1]!;
      assert.equal(last.method, method, `${label}.${what}: method`);
      assert.equal(template(last.path), path, `${label}.${what}: path`);
      if (accept !== undefined) assert.equal(last.headers.get("accept"), accept, `${label}.${what}: Accept`);
      return last;
    };
    if (ops.has("iterate")) {
      await expectOne("iterate", () => call(svc, "iterate"), "GET", ep);
      await expectOne("fetchPage", () => call(svc, "fetchPage"), "GET", ep);
      await expectOne("fetchOne", () => call(svc, "fetchOne"), "GET", ep);
    }
    const id = dummy("id");
    if (ops.has("get"))
      await expectOne("get", () => call(svc, "get", id), "GET", `${ep}/{id}`, "application/json");
    const fu = s.fileUpload;
    if (ops.has("create")) await expectOne("create", () => call(svc, "create", { name: "x" }), "POST", ep);
    if (ops.has("create_file")) {
      const req = await expectOne("create", () => call(svc, "create", { name: "x" }, file), "POST", ep);
      assert.deepEqual(
        req.parts?.map((p) => p.name).sort(),
        [fu!.dataKey, fu!.fileKey].sort(),
        `${label}.create parts`,
      );
      const json = req.parts?.find((p) => p.name === fu!.dataKey);
      assert.equal(json?.contentType, "application/json");
      assert.equal(json?.filename, null);
    }
    if (ops.has("update")) {
      await expectOne(
        "update",
        () => call(svc, "update", id, { name: "x" }),
        "PUT",
        `${ep}/{id}`,
        "application/json",
      );
    }
    if (ops.has("update_file")) {
      const req = await expectOne(
        "update",
        () => call(svc, "update", id, { name: "x" }, file),
        "PUT",
        `${ep}/{id}`,
      );
      assert.deepEqual(
        req.parts?.map((p) => p.name).sort(),
        [fu!.dataKey, fu!.fileKey].sort(),
        `${label}.update parts`,
      );
    }
    if (ops.has("delete")) await expectOne("delete", () => call(svc, "delete", id), "DELETE", `${ep}/{id}`);
    if (ops.has("download")) {
      const from = calls.length;
      const fileModel = (await call(svc, "download", id)) as { filename: string };
      const made = record(from);
      assert.deepEqual(
        made.map((c) => [c.method, template(c.path), c.headers.get("accept")]),
        [
          ["GET", `${ep}/{id}`, "application/json"],
          ["GET", `${ep}/{id}`, "application/pdf"],
        ],
        `${label}.download`,
      );
      assert.equal(fileModel.filename, "file.bin");
    }
    if (ops.has("stream"))
      await expectOne("stream", () => call(svc, "stream"), "GET", ep, "application/jsonl");

    for (const a of s.actions) {
      const args: unknown[] = [];
      for (const raw of a.params) {
        const p = raw.split("=")[0]!;
        if (p === a.resourceParam) args.push(id);
        else if (p === "resource_data" || p === "settings" || p === "user") args.push({ note: "x" });
        else if (p === "file") args.push({ filename: "data.xlsx", content: file });
        else if (p === "password") args.push("secret-pass");
        else args.push(dummy(p));
      }
      const [method, rawPath] = a.http.split(" ") as [string, string];
      const path = rawPath.replace(/\?.*$/, "");
      const accept = a.requestHeaders?.Accept ?? null;
      const req = await expectOne(camel(a.name), () => call(svc, camel(a.name), ...args), method, path);
      const sentAccept = req.headers.get("accept");
      if (accept) assert.equal(sentAccept, accept, `${label}.${a.name}: Accept`);
      else
        assert.ok(
          sentAccept === null || sentAccept === "*/*",
          `${label}.${a.name}: no Accept override, got ${sentAccept}`,
        );
      if (a.multipartParts) {
        assert.deepEqual(
          req.parts?.map((p) => p.name).sort(),
          a.multipartParts.map((p) => p.name).sort(),
          `${label}.${a.name}: multipart parts`,
        );
      }
      if (rawPath.includes("?account.id="))
        assert.equal(req.url.searchParams.get("account.id"), dummy("account_id"));
    }
    for (const c of s.children) {
      const child = call(svc, camel(c.accessor), ...c.params.map(dummy));
      await checkService(`${label}.${camel(c.accessor)}`, child, c.service);
    }
  }

  const groups = surface.groups.map((g) => ({ name: g.name, services: g.services }));
  const branch = surface.branchOnly.flatMap((b) => b.services ?? []);
  for (const g of groups) {
    await t.test(g.name, async () => {
      const group = (client as unknown as Obj)[camel(g.name)];
      for (const s of g.services) {
        const svc =
          s.accessorKind === "method"
            ? call(group, camel(s.accessor), ...(s.accessorParams ?? []).map(dummy))
            : (group as Obj)[camel(s.accessor)];
        assert.ok(svc, `${g.name}.${s.accessor} missing`);
        await checkService(`${g.name}.${camel(s.accessor)}`, svc, s);
      }
    });
  }
  const mainCalls = new Set(expected);
  await t.test("branch-only services", async () => {
    for (const s of branch) {
      const [groupName] = (s.path ?? "").split(".") as [string];
      const group = (client as unknown as Obj)[camel(groupName)] as Obj;
      await checkService(`${groupName}.${camel(s.accessor)}`, group[camel(s.accessor)], s);
    }
  });
  const missing = [...expected].filter((c) => !seen.has(c));
  assert.deepEqual(missing, [], "surface calls never sent");
  const branchOnly = [...expected].filter((c) => !mainCalls.has(c)).length;
  t.diagnostic(
    `covered ${mainCalls.size} of ${surface.counts.distinctHttpCalls} main calls plus ${branchOnly} branch-only`,
  );
  assert.equal(mainCalls.size, surface.counts.distinctHttpCalls);
});
