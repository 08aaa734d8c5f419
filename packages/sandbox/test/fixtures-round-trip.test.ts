/**
 * Export and fixtures round trip for any state (issue 14, point 5): export, load the export into
 * a fresh sandbox, export again gives the same document; files of records and of embedded
 * objects included; a document of the wrong shape is refused naming the path of each problem.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { storesOfId } from "../src/domain/references.js";
import { createSandbox, FixtureError, type FixturesDocument, ROUTES, type Sandbox } from "../src/index.js";
import { Harness } from "./helpers.js";
import { checkUploads, makeUploads } from "./upload-state.js";

/** Export, load into a fresh sandbox, export again: the same document. Returns the new sandbox. */
function roundTrip(sandbox: Sandbox): Sandbox {
  const exported = sandbox.export();
  assert.deepEqual(sandbox.export(), exported, "two exports of one state are the same");
  const reloaded = createSandbox({ fixtures: structuredClone(exported) });
  assert.deepEqual(reloaded.export(), exported);
  return reloaded;
}

test("the default marketplace's export loads back and exports the same document", async () => {
  const original = createSandbox();
  const exported = original.export();
  const batch = exported.objects?.["notifications/batches"]?.[0];
  const attachment = (batch?.["attachments"] as Array<{ id: string }> | undefined)?.[0];
  assert.ok(attachment && exported.files?.[attachment.id], "the seeded batch attachment is exported");
  const reloaded = new Harness({}, roundTrip(original));
  assert.deepEqual(reloaded.sandbox.tokens, original.tokens);
  assert.deepEqual(reloaded.sandbox.accounts, original.accounts);
  const file = await reloaded.get(
    `/notifications/batches/${batch?.["id"]}/attachments/${attachment.id}`,
    "operations",
    {
      accept: "application/pdf",
    },
  );
  assert.equal(file.status, 200, file.text);
  assert.match(file.text, /^%PDF/);
  // The HTTP export is the same document.
  assert.deepEqual(
    (await reloaded.call("GET", "/_sandbox/export", { as: null })).body,
    JSON.parse(JSON.stringify(exported)),
  );
});

/** Deletes one record of every top-level store that allows it; returns how many were deleted. */
async function deleteOneOfEach(h: Harness): Promise<number> {
  let deleted = 0;
  for (const route of ROUTES) {
    if (route.refs.length > 0 || !route.def.ops.includes("delete")) continue;
    for (const id of await h.ids(`/${route.template}?limit=3`)) {
      if ((await h.del(`/${route.template}/${id}`)).status === 204) {
        deleted++;
        break;
      }
    }
  }
  return deleted;
}

test("a state built through the API (uploads of all kinds, deletes everywhere) round-trips", async () => {
  const h = new Harness({ scale: 0.01 });
  const uploads = await makeUploads(h);
  // A status that settles on the next read (Generating -> Generated) is exported settled.
  const [ledger] = await h.ids("/billing/ledgers?eq(status,Review)&limit=1", "vendor");
  const accepted = await h.post(`/billing/ledgers/${ledger}/accept`, undefined, "vendor");
  assert.equal(accepted.body.status, "Generating", accepted.text);
  const exportedLedger = h.sandbox.export().objects?.["billing/ledgers"]?.find((l) => l["id"] === ledger);
  assert.equal(exportedLedger?.["status"], "Generated");
  // Deletes leave references to the deleted objects in other records (an order's listing).
  assert.ok((await deleteOneOfEach(h)) > 20);
  // The export lists them in `deleted`, so they load, while other missing references are refused.
  const deleted = h.sandbox.export().deleted ?? [];
  assert.ok(deleted.length > 10, `${deleted.length} deleted ids still named`);
  for (const id of deleted) {
    const stores = storesOfId(id);
    assert.ok(stores.length > 0 && stores.every((key) => !h.sandbox.store.collection(key).has(id)), id);
  }
  const reloaded = new Harness({}, roundTrip(h.sandbox));
  await checkUploads(reloaded, uploads);
  // And once more from the reloaded sandbox, after it wrote something itself.
  const more = await makeUploads(reloaded);
  await checkUploads(new Harness({}, roundTrip(reloaded.sandbox)), more);
});

test("a file can be given for an object embedded in a record of the document", () => {
  const exported = createSandbox({ scale: 0.01 }).export();
  const batch = exported.objects?.["notifications/batches"]?.[0] as Record<string, unknown>;
  const file = { filename: "extra.pdf", contentType: "application/pdf", base64: "JVBERg==" };
  const doc: FixturesDocument = {
    ...exported,
    objects: {
      ...exported.objects,
      "notifications/batches": [
        ...(exported.objects?.["notifications/batches"] ?? []),
        { ...batch, id: "MST-1111-2222-3333", attachments: [{ id: "BAT-1111-2222-3333-0007" }] },
      ],
    },
    files: { ...exported.files, "BAT-1111-2222-3333-0007": file },
  };
  const loaded = createSandbox({ fixtures: doc });
  assert.deepEqual(loaded.export().files?.["BAT-1111-2222-3333-0007"], file);
});

test("wrong documents are refused whole, each problem naming its path", () => {
  const base = (): FixturesDocument => ({
    accounts: [{ id: "ACC-1111-1111", name: "V", type: "Vendor" }],
    objects: { "catalog/products": [{ id: "PRD-1111-1111", name: "P", vendor: { id: "ACC-1111-1111" } }] },
    files: { "PRD-1111-1111/icon": { filename: "i.png", contentType: "image/png", base64: "iVBORw==" } },
  });
  const problems = (doc: unknown): readonly string[] => {
    try {
      createSandbox({ fixtures: doc as FixturesDocument });
    } catch (error) {
      assert.ok(error instanceof FixtureError, String(error));
      assert.match(error.message, /^Invalid fixtures \(nothing was loaded\):/);
      return error.problems;
    }
    return assert.fail("the document was accepted");
  };
  assert.doesNotThrow(() => createSandbox({ fixtures: base() }), "the base document is valid");
  assert.deepEqual(
    problems({ ...base(), files: { "BAT-0000-0000-0000-0001": base().files?.["PRD-1111-1111/icon"] } }),
    ['files["BAT-0000-0000-0000-0001"]: no record or embedded object with id BAT-0000-0000-0000-0001'],
  );
  assert.deepEqual(
    problems({ ...base(), files: { "PRD-1111-1111/thumb": base().files?.["PRD-1111-1111/icon"] } }),
    ['files["PRD-1111-1111/thumb"]: an owner is "<id>" or "<id>/icon|image|upload"'],
  );
  assert.deepEqual(problems({ ...base(), files: { "PRD-1111-1111": { base64: 42, size: 1 } } }), [
    'files["PRD-1111-1111"].filename: expected a non-empty string',
    'files["PRD-1111-1111"].contentType: expected a non-empty string',
    'files["PRD-1111-1111"].base64: expected a string',
    'files["PRD-1111-1111"]: unknown keys "size" (known: filename, contentType, base64)',
  ]);
  assert.deepEqual(problems({ ...base(), files: [] }), [
    "files: expected an object of files by owner id, got a list",
  ]);
  assert.deepEqual(problems({ ...base(), objects: [] }), [
    "objects: expected an object of record lists by store key, got a list",
    'files["PRD-1111-1111/icon"]: no record or embedded object with id PRD-1111-1111',
  ]);
  assert.deepEqual(problems({ ...base(), objects: { "catalog/products": { id: "PRD-1111-1111" } } }), [
    'objects["catalog/products"]: expected a list of records, got an object',
    'files["PRD-1111-1111/icon"]: no record or embedded object with id PRD-1111-1111',
  ]);
  assert.deepEqual(problems({ ...base(), objects: { "catalog/products": ["PRD-1111-1111"] } }).slice(0, 1), [
    'objects["catalog/products"][0]: a record must be an object, got string',
  ]);
  assert.deepEqual(problems({ ...base(), object: {} }), [
    'object: unknown key (known: "seed", "accounts", "tokens", "objects", "deleted", "files", "ids")',
  ]);
  assert.deepEqual(problems({ ...base(), tokens: { vendor: "idt:TKN-1:x", admin: {} } }), [
    'tokens.vendor: expected an object with "token", "accountId", got string',
    "tokens.admin: unknown persona (known: vendor, client, operations, extension)",
  ]);
  assert.deepEqual(
    problems({
      ...base(),
      tokens: { client: { accountId: 7, tokn: "x" }, extension: { extensionId: "EXT-0000-0000" } },
    }),
    [
      "tokens.client.accountId: expected a non-empty string",
      'tokens.client.tokn: unknown key (known: "token", "accountId")',
      "tokens.extension.extensionId: extension EXT-0000-0000 not found",
    ],
  );
  assert.deepEqual(problems([]), ["the document must be a JSON object, got a list"]);
  // A reference to a missing object loads only when the document lists the id in `deleted`.
  const order = { id: "ORD-1111-1111-1111", listing: { id: "LST-0000-0000" } };
  assert.deepEqual(problems({ ...base(), objects: { ...base().objects, "commerce/orders": [order] } }), [
    'objects["commerce/orders"][0]: listing.id refers to missing catalog/listings LST-0000-0000',
  ]);
  const withDeleted = {
    ...base(),
    objects: { ...base().objects, "commerce/orders": [order] },
    deleted: ["LST-0000-0000"],
  };
  assert.deepEqual(createSandbox({ fixtures: withDeleted }).export().deleted, ["LST-0000-0000"]);
  // Parent references must resolve even so.
  const orphan = { id: "ITM-2222-2222-0001", product: { id: "PRD-2222-2222" } };
  assert.deepEqual(
    problems({ ...base(), objects: { "catalog/items": [orphan] }, files: {}, deleted: ["PRD-2222-2222", 7] }),
    [
      "deleted[1]: expected an id, got 7",
      'objects["catalog/items"][0]: product.id refers to missing catalog/products PRD-2222-2222',
    ],
  );
  assert.deepEqual(problems({ ...base(), deleted: "LST-0000-0000" }), [
    "deleted: expected a list of ids, got string",
  ]);
});
