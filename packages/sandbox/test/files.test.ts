/** Multipart creates and updates, downloads by Accept, icons, journal/custom-ledger uploads. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Harness } from "./helpers.js";

const h = new Harness();
const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);

test("a product created with an icon serves the icon (307 to a blob)", async () => {
  const form = new FormData();
  form.append("product", new Blob([JSON.stringify({ name: "Iconic" })], { type: "application/json" }));
  form.append("icon", new File([bytes(300)], "icon.png", { type: "image/png" }));
  const created = await h.call("POST", "/catalog/products", { as: "vendor", form });
  assert.equal(created.status, 201, created.text);
  assert.equal(created.body.name, "Iconic");
  assert.equal(created.body.icon, `/v1/catalog/products/${created.body.id}/icon`);
  const manual = await h.sandbox.fetch(
    `${h.sandbox.url}/public/v1/catalog/products/${created.body.id}/icon`,
    {
      headers: { authorization: `Bearer ${h.sandbox.tokens.vendor}` },
      redirect: "manual",
    },
  );
  assert.equal(manual.status, 307);
  const followed = await h.sandbox.fetch(
    `${h.sandbox.url}/public/v1/catalog/products/${created.body.id}/icon`,
    {
      headers: { authorization: `Bearer ${h.sandbox.tokens.vendor}` },
    },
  );
  assert.equal(followed.status, 200);
  assert.deepEqual(new Uint8Array(await followed.arrayBuffer()), bytes(300));

  const update = new FormData();
  update.append(
    "product",
    new Blob([JSON.stringify({ shortDescription: "new" })], { type: "application/json" }),
  );
  update.append("icon", new File([bytes(10)], "small.png", { type: "image/png" }));
  const updated = await h.call("PUT", `/catalog/products/${created.body.id}`, { as: "vendor", form: update });
  assert.equal(updated.body.shortDescription, "new");
  assert.equal(updated.body.name, "Iconic");
});

test("documents: multipart create, metadata by Accept: application/json, bytes by content type, 406", async () => {
  const [productId] = await h.ids("/catalog/products?eq(status,Published)&limit=1");
  const content = bytes(2048);
  const form = new FormData();
  form.append(
    "document",
    new Blob([JSON.stringify({ name: "Spec", type: "File" })], { type: "application/json" }),
  );
  form.append("file", new File([content], "spécification.pdf", { type: "application/pdf" }));
  const created = await h.call("POST", `/catalog/products/${productId}/documents`, { as: "vendor", form });
  assert.equal(created.status, 201, created.text);
  const doc = created.body;
  assert.match(doc.id, new RegExp(`^PDC-${productId?.slice(4)}-\\d{4}$`));
  assert.equal(doc.size, 2048);
  assert.equal(doc.contentType, "application/pdf");
  const path = `/catalog/products/${productId}/documents/${doc.id}`;
  const meta = await h.get(path, "vendor", { accept: "application/json" });
  assert.equal(meta.body.filename, "spécification.pdf");
  const file = await h.sandbox.fetch(`${h.sandbox.url}/public/v1${path}`, {
    headers: { authorization: `Bearer ${h.sandbox.tokens.vendor}`, accept: "application/pdf" },
  });
  assert.equal(file.status, 200);
  assert.match(
    file.headers.get("content-disposition") ?? "",
    /^attachment; filename="sp_cification.pdf"; filename\*=UTF-8''sp%C3%A9cification\.pdf$/,
  );
  assert.deepEqual(new Uint8Array(await file.arrayBuffer()), content);
  const wrong = await h.get(path, "vendor", { accept: "image/png" });
  assert.equal(wrong.status, 406);
});

test("seeded documents and attachments download", async () => {
  const [productId] = await h.ids("/catalog/products?eq(status,Published)&limit=1");
  const [docId] = await h.ids(`/catalog/products/${productId}/documents?limit=1`);
  const file = await h.get(`/catalog/products/${productId}/documents/${docId}`, "client", {
    accept: "application/pdf",
  });
  assert.equal(file.status, 200);
  assert.match(file.text, /^%PDF-1\.4/);
  const [journalId] = await h.ids("/billing/journals?limit=1", "vendor");
  const [attachmentId] = await h.ids(`/billing/journals/${journalId}/attachments?limit=1`, "vendor");
  const attachment = await h.get(`/billing/journals/${journalId}/attachments/${attachmentId}`, "vendor", {
    accept: "*/*",
  });
  assert.equal(attachment.headers.get("content-type"), "application/pdf");
});

test("custom-ledger uploads must be XLSX (415 otherwise)", async () => {
  const [ledgerId] = await h.ids("/billing/custom-ledgers?eq(status,Validated)&limit=1", "vendor");
  const bad = new FormData();
  bad.append("file", new File(["a,b"], "x.csv", { type: "text/csv" }));
  assert.equal(
    (await h.call("POST", `/billing/custom-ledgers/${ledgerId}/upload`, { as: "vendor", form: bad })).status,
    415,
  );
  const good = new FormData();
  good.append(
    "file",
    new File([bytes(64)], "x.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }),
  );
  const ok = await h.call("POST", `/billing/custom-ledgers/${ledgerId}/upload`, { as: "vendor", form: good });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.body.status, "Validating");
});

test("batch attachments: metadata and file", async () => {
  const batch = (await h.get("/notifications/batches?limit=1")).body.data[0];
  const attachment = batch.attachments[0];
  const meta = await h.get(`/notifications/batches/${batch.id}/attachments/${attachment.id}`, "operations", {
    accept: "application/json",
  });
  assert.equal(meta.body.filename, "summary.pdf");
  const file = await h.get(`/notifications/batches/${batch.id}/attachments/${attachment.id}`, "operations", {
    accept: "application/pdf",
  });
  assert.match(file.text, /^%PDF/);
});
