/**
 * Files of embedded objects (issue #14): the spec's only embedded objects with files are
 * `Batch.attachments` and `Message.attachments` (found by walking the spec's property graph of
 * every store for lists of objects with a `filename`). Batches declare them (`embeddedFiles`:
 * uploads add entries), messages carry their batch's entries. Their files, kept under the entry
 * ids like any file, round-trip through export/load and restarts; a file whose embedded owner was
 * removed is left out of the export, so the export still loads.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { SCHEMA_ROOTS, SCHEMAS } from "../src/domain/schema/generated.js";
import { storeDef } from "../src/domain/stores/index.js";
import { createSandbox, type FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";
import { checkUploads, makeUploads } from "./upload-state.js";

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** `store.field` of every list of file objects (with `filename`) embedded in a store's records. */
function embeddedFileLists(): string[] {
  const roots = new Set(Object.values(SCHEMA_ROOTS));
  const out: string[] = [];
  const walk = (store: string, schema: string, path: string, seen: ReadonlySet<string>): void => {
    for (const [field, code] of Object.entries(SCHEMAS[schema] ?? {})) {
      const target = code.replace(/^\[+/, "");
      if (!target.startsWith("@")) continue;
      const name = target.slice(1);
      if (SCHEMAS[name]?.["filename"] !== undefined) out.push(`${store}.${path}${field}`);
      // Other stores' records are references (their files are their own), not embedded objects.
      else if (!roots.has(name) && !seen.has(name))
        walk(store, name, `${path}${field}.`, new Set([...seen, name]));
    }
  };
  for (const [store, root] of Object.entries(SCHEMA_ROOTS)) walk(store, root, "", new Set([root]));
  return out.sort();
}

test("the spec's embedded file lists: batches declare theirs, messages carry their batch's", async () => {
  assert.deepEqual(embeddedFileLists(), [
    "notifications/batches.attachments",
    "notifications/messages.attachments",
  ]);
  assert.deepEqual(storeDef("notifications/batches").embeddedFiles, { list: "attachments", prefix: "BAT" });
  const h = new Harness({ scale: 0.01 });
  const [batch] = (await h.get("/notifications/batches?limit=1")).body.data;
  const [message] = (await h.get(`/notifications/messages?eq(batch.id,${batch.id})&limit=1`)).body.data;
  assert.ok(batch.attachments.length > 0);
  assert.deepEqual(message.attachments, batch.attachments);
});

test("embedded files round-trip through export/load and a restart, with the API's uploads", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mpt-sandbox-embedded-"));
  dirs.push(dir);
  const options = { scale: 0.01, dataDir: dir, compactEvery: 3 };
  const first = new Harness(options);
  const uploads = await makeUploads(first);
  const exported = first.sandbox.export();
  assert.ok(exported.files?.[uploads.attachmentId], "the uploaded batch attachment is exported");
  first.sandbox.close();
  const restarted = new Harness(options);
  assert.deepEqual(restarted.sandbox.export(), exported);
  await checkUploads(restarted, uploads);
  restarted.sandbox.close();
  const reloaded = new Harness({ fixtures: structuredClone(exported) });
  assert.deepEqual(reloaded.sandbox.export(), exported);
  await checkUploads(reloaded, uploads);
});

test("a file whose embedded owner an update removed is left out, so the export loads back", async () => {
  const file = { filename: "note.pdf", contentType: "application/pdf", base64: "JVBERi0xLjQgbm90ZQ==" };
  const doc: FixturesDocument = {
    accounts: [
      { id: "ACC-1111-1111", name: "Acme", type: "Vendor" },
      { id: "ACC-3333-3333", name: "Ops", type: "Operations" },
    ],
    objects: {
      "catalog/products": [
        {
          id: "PRD-1111-1111",
          name: "Acme Cloud",
          vendor: { id: "ACC-1111-1111" },
          notes: [{ id: "NTE-1111-1111-0001", title: "Read me" }],
        },
      ],
    },
    files: { "NTE-1111-1111-0001": file },
  };
  // `validate: false` stores the update as sent (with validation, `notes` is not a product field).
  const h = new Harness({ fixtures: doc, validate: false });
  assert.deepEqual(h.sandbox.export().files?.["NTE-1111-1111-0001"], file);
  const updated = await h.put("/catalog/products/PRD-1111-1111", { notes: [] }, "vendor");
  assert.equal(updated.status, 200, updated.text);
  const exported = h.sandbox.export();
  assert.equal(exported.files?.["NTE-1111-1111-0001"], undefined);
  const reloaded = createSandbox({ fixtures: structuredClone(exported) });
  assert.deepEqual(reloaded.export(), exported);
});
