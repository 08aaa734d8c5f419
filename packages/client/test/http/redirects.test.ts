/** Redirects followed by the client: Authorization never crosses origins; method/body rules. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Authentication } from "../../src/auth/types.js";
import { MPTAPIError, MPTHttpError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { rejection, sendJson, startServer, type TestServer } from "./support.js";

eachTransport((kind) => {
  describe("redirects", () => {
    let api: TestServer;
    let blob: TestServer;
    let refreshes = 0;
    const auth: Authentication = {
      getAuthorization: async () => "Bearer idt:TKN-0000-0001:secret",
      handleUnauthorized: async () => {
        refreshes++;
        return true;
      },
    };

    before(async () => {
      blob = await startServer((req, res) => {
        if (req.url === "/blob/denied") return sendJson(res, 401, { statusCode: 401, message: "no" });
        if (req.url === "/blob/back") {
          res.writeHead(302, { location: `${api.url}/public/v1/echo` });
          return res.end();
        }
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-disposition": 'attachment; filename="a.pdf"',
        });
        res.end("%PDF-bytes");
      });
      api = await startServer((req, res) => {
        const url = req.url ?? "";
        const redirect = (status: number, location: string) => {
          res.writeHead(status, { location });
          res.end("moved");
        };
        if (url.startsWith("/public/v1/to-blob")) return redirect(302, `${blob.url}/blob/file`);
        if (url.startsWith("/public/v1/to-denied")) return redirect(307, `${blob.url}/blob/denied`);
        if (url.startsWith("/public/v1/round-trip")) return redirect(302, `${blob.url}/blob/back`);
        if (url.startsWith("/public/v1/same")) return redirect(301, "/public/v1/echo");
        if (url.startsWith("/public/v1/s307")) return redirect(307, "/public/v1/echo");
        if (url.startsWith("/public/v1/s308")) return redirect(308, "/public/v1/echo");
        if (url.startsWith("/public/v1/s303")) return redirect(303, "/public/v1/echo");
        if (url.startsWith("/public/v1/s302")) return redirect(302, "/public/v1/echo");
        if (url.startsWith("/public/v1/loop")) return redirect(302, "/public/v1/loop");
        if (url.startsWith("/public/v1/weird")) return redirect(302, "ftp://example.com/x");
        sendJson(res, 200, { echoed: true });
      });
    });
    after(async () => {
      await api.close();
      await blob.close();
    });

    const transport = () =>
      createTransport({ baseUrl: api.url, authentication: auth, retries: 0, transport: kind });
    const last = (server: TestServer) => server.received[server.received.length - 1];

    test("cross-origin: the blob server never sees Authorization; final URL reported", async () => {
      const response = await transport().request({
        method: "GET",
        path: "/public/v1/to-blob",
        headers: { Accept: "application/pdf" },
      });
      assert.equal(response.text(), "%PDF-bytes");
      assert.equal(response.url, `${blob.url}/blob/file`);
      assert.equal(last(api)?.headers.authorization, "Bearer idt:TKN-0000-0001:secret");
      assert.equal(last(blob)?.headers.authorization, undefined);
      assert.equal(last(blob)?.headers.accept, "application/pdf");
    });

    test("stream() follows too (JSONL charges redirect to a blob)", async () => {
      const response = await transport().stream({ method: "GET", path: "/public/v1/to-blob" });
      assert.equal(await new Response(response.body).text(), "%PDF-bytes");
      assert.equal(last(blob)?.headers.authorization, undefined);
    });

    test("once stripped, Authorization stays stripped even back on the API origin", async () => {
      await transport().request({ method: "GET", path: "/public/v1/round-trip" });
      assert.equal(last(api)?.url, "/public/v1/echo");
      assert.equal(last(api)?.headers.authorization, undefined);
    });

    test("same-origin: Authorization is kept", async () => {
      await transport().request({ method: "GET", path: "/public/v1/same" });
      assert.equal(last(api)?.url, "/public/v1/echo");
      assert.equal(last(api)?.headers.authorization, "Bearer idt:TKN-0000-0001:secret");
    });

    test("a 401 from another origin does not trigger a credential refresh", async () => {
      const error = await rejection(transport().request({ method: "GET", path: "/public/v1/to-denied" }));
      assert.ok(error instanceof MPTAPIError && error.statusCode === 401);
      assert.equal(refreshes, 0);
    });

    test("307/308 keep method and body; 301/302 turn POST into GET; 303 turns PUT into GET", async () => {
      const body = { kind: "json" as const, value: { a: 1 } };
      const cases = [
        ["POST", "/public/v1/s307", "POST", '{"a":1}'],
        ["PUT", "/public/v1/s308", "PUT", '{"a":1}'],
        ["POST", "/public/v1/s302", "GET", ""],
        ["PUT", "/public/v1/s303", "GET", ""],
      ] as const;
      for (const [method, path, expectedMethod, expectedBody] of cases) {
        await transport().request({ method, path, body });
        const echo = last(api);
        assert.equal(echo?.url, "/public/v1/echo");
        assert.equal(echo?.method, expectedMethod, path);
        assert.equal(echo?.body.toString(), expectedBody, path);
        if (expectedBody === "") assert.equal(echo?.headers["content-type"], undefined);
        else assert.equal(echo?.headers["content-type"], "application/json");
      }
    });

    test("redirect loops and unsupported schemes are MPTHttpErrors", async () => {
      const loop = await rejection(transport().request({ method: "GET", path: "/public/v1/loop" }));
      assert.ok(loop instanceof MPTHttpError && /more than 10 redirects/.test(loop.message), String(loop));
      const weird = await rejection(transport().request({ method: "GET", path: "/public/v1/weird" }));
      assert.ok(weird instanceof MPTHttpError && /unsupported scheme/.test(weird.message));
    });
  });
});
