/**
 * A state built through the API with every kind of upload: a product icon (`<id>/icon`), a
 * document (the record's own file) and a notification batch attachment (a file of an embedded
 * object); `checkUploads` downloads each one and compares the bytes.
 */
import assert from "node:assert/strict";
import type { Harness } from "./helpers.js";

export interface Uploads {
  productId: string;
  documentPath: string;
  batchId: string;
  attachmentId: string;
}

const text = (label: string) => `%PDF-1.4 ${label}`;
const icon = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) % 256);

function json(value: unknown): Blob {
  return new Blob([JSON.stringify(value)], { type: "application/json" });
}

export async function makeUploads(h: Harness): Promise<Uploads> {
  const productForm = new FormData();
  productForm.append("product", json({ name: "Uploaded" }));
  productForm.append("icon", new File([icon], "icon.png", { type: "image/png" }));
  const product = await h.call("POST", "/catalog/products", { as: "vendor", form: productForm });
  assert.equal(product.status, 201, product.text);
  const productId: string = product.body.id;

  const documentForm = new FormData();
  documentForm.append("document", json({ name: "Spec", type: "File" }));
  documentForm.append("file", new File([text("spec")], "spec.pdf", { type: "application/pdf" }));
  const doc = await h.call("POST", `/catalog/products/${productId}/documents`, {
    as: "vendor",
    form: documentForm,
  });
  assert.equal(doc.status, 201, doc.text);

  const [category] = await h.ids("/notifications/categories?limit=1");
  const batchForm = new FormData();
  batchForm.append(
    "batch",
    json({
      subject: "Hello",
      body: "<p>Hello</p>",
      category: { id: category },
      account: { id: h.sandbox.accounts.client },
    }),
  );
  batchForm.append("attachment", new File([text("notice")], "notice.pdf", { type: "application/pdf" }));
  const batch = await h.call("POST", "/notifications/batches", { form: batchForm });
  assert.equal(batch.status, 201, batch.text);
  const [attachment] = batch.body.attachments;
  assert.equal(attachment.id, `BAT-${(batch.body.id as string).slice(4)}-0001`);
  assert.deepEqual(
    { filename: attachment.filename, contentType: attachment.contentType, size: attachment.size },
    { filename: "notice.pdf", contentType: "application/pdf", size: text("notice").length },
  );
  return {
    productId,
    documentPath: `/catalog/products/${productId}/documents/${doc.body.id}`,
    batchId: batch.body.id,
    attachmentId: attachment.id,
  };
}

/** Every upload of `uploads` downloads with its bytes, name and type from `h`'s sandbox. */
export async function checkUploads(h: Harness, uploads: Uploads): Promise<void> {
  const iconAnswer = await h.sandbox.fetch(
    `${h.sandbox.url}/public/v1/catalog/products/${uploads.productId}/icon`,
    {
      headers: { authorization: `Bearer ${h.sandbox.tokens.vendor}` },
    },
  );
  assert.equal(iconAnswer.status, 200);
  assert.deepEqual(new Uint8Array(await iconAnswer.arrayBuffer()), icon);
  const doc = await h.get(uploads.documentPath, "vendor", { accept: "application/pdf" });
  assert.equal(doc.text, text("spec"));
  assert.match(doc.headers.get("content-disposition") ?? "", /filename="spec.pdf"/);
  const path = `/notifications/batches/${uploads.batchId}/attachments/${uploads.attachmentId}`;
  const attachment = await h.get(path, "operations", { accept: "application/pdf" });
  assert.equal(attachment.status, 200, attachment.text);
  assert.equal(attachment.text, text("notice"));
  assert.match(attachment.headers.get("content-disposition") ?? "", /filename="notice.pdf"/);
  assert.equal(
    (await h.get(path, "operations", { accept: "application/json" })).body.id,
    uploads.attachmentId,
  );
}
