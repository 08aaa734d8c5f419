/**
 * The transport over an in-process handler, as the sandbox is used in tests:
 * `fetch = (input, init) => handler(new Request(input, init))`. Only standard fetch semantics.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTransport } from "../../src/http/transport.js";

type Handler = (request: Request) => Promise<Response>;

const viaHandler = (handler: Handler) => (input: string | URL | Request, init?: RequestInit) =>
  handler(new Request(input, init));

describe("in-process handler as fetch", () => {
  test("a standard multipart parser reads what the encoder produced", async () => {
    let seen: { fields: Array<[string, string]>; file: File | undefined } | undefined;
    const transport = createTransport({
      baseUrl: "http://sandbox.local",
      fetch: viaHandler(async (request) => {
        const form = await request.formData();
        const fields: Array<[string, string]> = [];
        for (const [name, value] of form) if (typeof value === "string") fields.push([name, value]);
        const file = form.get("file");
        seen = { fields, file: file instanceof File ? file : undefined };
        return Response.json({ id: "DOC-1" }, { status: 201 });
      }),
    });
    const response = await transport.request({
      method: "POST",
      path: "/public/v1/catalog/products/PRD-1/documents",
      body: {
        kind: "multipart",
        parts: [
          { name: "document", contentType: "application/json", data: '{"name":"Terms"}' },
          {
            name: "file",
            filename: "terms.pdf",
            contentType: "application/pdf",
            data: new Uint8Array([37, 80, 68, 70]),
          },
        ],
      },
    });
    assert.equal(response.status, 201);
    assert.deepEqual(seen?.fields, [["document", '{"name":"Terms"}']]);
    assert.equal(seen?.file?.name, "terms.pdf");
    assert.equal(seen?.file?.type, "application/pdf");
    assert.deepEqual(
      new Uint8Array(await (seen?.file?.arrayBuffer() ?? new ArrayBuffer(0))),
      new Uint8Array([37, 80, 68, 70]),
    );
  });

  test("redirect responses built by the handler are followed; the final URL is tracked", async () => {
    const seen: Array<[string, string | null]> = [];
    const transport = createTransport({
      baseUrl: "http://sandbox.local",
      fetch: viaHandler(async (request) => {
        seen.push([request.url, request.headers.get("authorization")]);
        if (request.url.endsWith("/download")) return Response.redirect("http://blob.local/file", 301);
        return new Response("bytes", { headers: { "content-type": "application/octet-stream" } });
      }),
      headers: { Authorization: "Bearer idt:TKN-1:abc" },
    });
    const response = await transport.request({ method: "GET", path: "/public/v1/x/download" });
    assert.equal(response.text(), "bytes");
    assert.equal(response.url, "http://blob.local/file");
    assert.deepEqual(seen, [
      ["http://sandbox.local/public/v1/x/download", "Bearer idt:TKN-1:abc"],
      ["http://blob.local/file", null],
    ]);
  });
});
