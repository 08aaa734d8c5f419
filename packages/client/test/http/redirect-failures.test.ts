/**
 * Follow-ups of issue 11 on error details: a failure raised by the redirect step (too many
 * redirects, a Location that is not a URL, an unsupported scheme, a redirected upload) carries the
 * redirect answer's headers (redacted), the request and the trace id, on both transports; and the
 * `cause` of a connection error is a redacted copy of the network failure (same class and codes,
 * no credential in any message, field or stack).
 */
import assert from "node:assert/strict";
import type http from "node:http";
import { test } from "node:test";
import { BearerTokenAuthentication } from "../../src/auth/index.js";
import { MPTConnectionError, MPTHttpError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { eachTransport } from "../support/transports.js";
import { rejection, withServer } from "./support.js";

const TOKEN = "idt:TKN-1234-5678:SecretPartOfTheToken1234";

/** Redirects every request to `location(req)`, echoing the token in a header of the answer. */
const redirecting =
  (location: (req: http.IncomingMessage) => string) =>
  (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(302, { location: location(req), "x-request-id": "trace-302", "x-echo": `Bearer ${TOKEN}` });
    res.end();
  };

eachTransport((kind) => {
  const client = (url: string) =>
    createTransport({ baseUrl: url, transport: kind, authentication: new BearerTokenAuthentication(TOKEN) });

  for (const [what, location, message] of [
    ["too many redirects", (req: http.IncomingMessage) => req.url ?? "/", /more than 10 redirects/],
    ["an unsupported scheme", () => "ftp://files.example.test/x", /unsupported scheme ftp:/],
  ] as const) {
    test(`a redirect failure (${what}) carries headers, request and trace id, redacted`, async () => {
      await withServer(redirecting(location), async (server) => {
        const error = await rejection(client(server.url).request({ method: "GET", path: "/public/v1/x" }));
        assert.ok(error instanceof MPTHttpError, String(error));
        assert.match(error.message, message);
        assert.equal(error.statusCode, 302);
        assert.equal(error.headers["x-request-id"], "trace-302");
        assert.equal(error.traceId, "trace-302");
        assert.ok(error.headers["x-echo"] !== undefined && !error.headers["x-echo"].includes("SecretPart"));
        assert.equal(error.request?.method, "GET");
        assert.match(error.request?.url ?? "", /^http:\/\/127\.0\.0\.1:\d+\/public\/v1\/x$/);
      });
    });
  }

  test("a redirected upload names the answer it got", async () => {
    await withServer(
      redirecting(() => "/elsewhere"),
      async (server) => {
        const body = {
          kind: "multipart" as const,
          parts: [{ name: "file", filename: "a.txt", data: "abc" }],
        };
        const error = await rejection(
          client(server.url).request({ method: "POST", path: "/public/v1/u", body }),
        );
        assert.match(String(error), /uploads do not follow redirects/);
        // fetch refuses the redirect itself (no answer to show); node:http hands it over
        if (error instanceof MPTHttpError) {
          assert.equal(error.request?.method, "POST");
          assert.equal(error.traceId, "trace-302");
        }
      },
    );
  });
});

test("the cause of a connection error is a redacted copy: class and codes kept, no credential", async () => {
  const inner = Object.assign(new Error(`connect ECONNREFUSED while sending Bearer ${TOKEN}`), {
    code: "ECONNREFUSED",
    detail: `Authorization: Bearer ${TOKEN}`,
  });
  const failure = new TypeError("fetch failed", { cause: inner });
  const transport = createTransport({
    baseUrl: "https://api.example.test",
    authentication: new BearerTokenAuthentication(TOKEN),
    fetch: () => Promise.reject(failure),
    retries: 0,
  });
  const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
  assert.ok(error instanceof MPTConnectionError, String(error));
  const cause = error.cause as TypeError & { cause: Error & { code?: string; detail?: string } };
  assert.ok(cause instanceof TypeError);
  assert.equal(cause.message, "fetch failed");
  assert.equal(cause.cause.code, "ECONNREFUSED");
  for (const text of [cause.cause.message, cause.cause.detail, cause.cause.stack, cause.stack]) {
    assert.ok(text !== undefined && !text.includes("SecretPart"), `leaked: ${text}`);
  }
  assert.match(cause.cause.message, /^connect ECONNREFUSED/);
  assert.equal(failure.cause, inner, "the original failure is left as it was");
});
