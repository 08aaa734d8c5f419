/**
 * A scan over failure scenarios: no token, secret or JWT may appear in any thrown error
 * message (causes included) or any logger line, even when the server echoes them back.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { BearerTokenAuthentication, ExtensionFrameworkAuthentication } from "../../src/auth/index.js";
import type { Authentication } from "../../src/auth/types.js";
import { MPTError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { closedPort, makeJwt, recordingLogger, sendJson, startServer } from "../http/support.js";

const API_SECRET_PART = "apiTokenSecretPart0123456789";
const API_TOKEN = `idt:TKN-1111-2222:${API_SECRET_PART}`;
const EXT_SECRET = "idt:TKN-3333-4444:extensionSecretPart9876";
const USER_JWT = makeJwt({ sub: "USR-1", exp: Math.floor(Date.now() / 1000) + 3600 });
const TOKEN_PATH = "/public/v1/integration/installations/-/token";

/**
 * Messages of the client's own errors along the cause chain. Foreign causes (a provider's own
 * error, undici's TypeError) are passed through untouched and are not the client's to redact.
 */
function messagesOf(error: unknown): string[] {
  const out: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof MPTError && depth < 6; depth++) {
    out.push(current.message, String(current));
    current = current.cause;
  }
  assert.ok(out.length > 0, `not an MPTError: ${String(error)}`);
  return out;
}

describe("secrets never leak into messages or logs", () => {
  test("scan across failure scenarios", async () => {
    const logger = recordingLogger();
    const issued: string[] = [];
    const texts: string[] = [];
    let tokenMode: "ok" | "echo401" | "html500" = "ok";

    const server = await startServer((req, res) => {
      const url = req.url ?? "";
      const auth = req.headers.authorization ?? "";
      if (url.startsWith(TOKEN_PATH)) {
        if (tokenMode === "echo401")
          return sendJson(res, 401, { title: "Authentication Failed", detail: `bad key ${auth}` });
        if (tokenMode === "html500") {
          res.writeHead(500, { "content-type": "text/html" });
          return res.end(`<html><body>crash for ${auth} ${EXT_SECRET}</body></html>`);
        }
        const token = makeJwt({ exp: Math.floor(Date.now() / 1000) + 3600, n: issued.length });
        issued.push(token);
        return sendJson(res, 201, { token });
      }
      if (url.startsWith("/public/v1/echo-problem")) {
        return sendJson(res, 401, {
          status: 401,
          title: "Authentication Failed",
          detail: `Token ${auth} is invalid`,
          traceId: "00-1-2-00",
        });
      }
      if (url.startsWith("/public/v1/echo-text")) {
        res.writeHead(400, { "content-type": "text/plain" });
        return res.end(`rejected header was: ${auth}; user token ${USER_JWT}`);
      }
      if (url.startsWith("/public/v1/echo-gateway")) {
        return sendJson(res, 503, { statusCode: 503, message: `upstream saw ${auth}` });
      }
      if (url.startsWith("/public/v1/slow")) {
        setTimeout(() => sendJson(res, 200, {}), 1000).unref();
        return;
      }
      if (url.startsWith("/public/v1/revoked"))
        return sendJson(res, 401, { title: "Authentication Failed", detail: `revoked ${auth}` });
      sendJson(res, 200, { ok: true });
    });

    const capture = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (error) {
        texts.push(...messagesOf(error));
      }
    };

    try {
      const base = { baseUrl: server.url, logger, retryBaseDelay: 1, timeout: 150 };
      const bearer = createTransport({
        ...base,
        authentication: new BearerTokenAuthentication(API_TOKEN),
        retries: 1,
      });
      const jwtUser = createTransport({
        ...base,
        authentication: new BearerTokenAuthentication(USER_JWT),
        retries: 1,
      });
      for (const transport of [bearer, jwtUser]) {
        await capture(transport.request({ method: "GET", path: "/public/v1/echo-problem" }));
        await capture(
          transport.request({ method: "GET", path: "/public/v1/echo-text", query: `token=${API_TOKEN}` }),
        );
        await capture(transport.request({ method: "GET", path: "/public/v1/echo-gateway" }));
        await capture(transport.stream({ method: "GET", path: "/public/v1/echo-text" }));
        await capture(
          transport.request({ method: "GET", path: "/public/v1/slow", query: `secret=${API_SECRET_PART}` }),
        );
        await capture(transport.request({ method: "POST", path: "/public/v1/slow" }));
        await capture(transport.request({ method: "GET", path: "/public/v1/fine" }));
      }

      const ext = new ExtensionFrameworkAuthentication({ secret: EXT_SECRET, accountId: "ACC-1" });
      const extTransport = createTransport({ ...base, authentication: ext, retries: 1 });
      await capture(extTransport.request({ method: "GET", path: "/public/v1/fine" }));
      await capture(extTransport.request({ method: "GET", path: "/public/v1/revoked" }));
      await capture(extTransport.request({ method: "GET", path: "/public/v1/echo-problem" }));
      for (const mode of ["echo401", "html500"] as const) {
        tokenMode = mode;
        const fresh = new ExtensionFrameworkAuthentication({ secret: EXT_SECRET });
        await capture(
          createTransport({ ...base, authentication: fresh, retries: 1 }).request({
            method: "GET",
            path: "/public/v1/fine",
          }),
        );
      }

      const port = await closedPort();
      const refused = createTransport({
        ...base,
        baseUrl: `http://127.0.0.1:${port}`,
        authentication: new BearerTokenAuthentication(API_TOKEN),
        retries: 1,
      });
      await capture(refused.request({ method: "GET", path: "/public/v1/x" }));

      const leakyProvider: Authentication = {
        async getAuthorization() {
          throw new Error(`could not load ${API_TOKEN} / ${USER_JWT}`);
        },
      };
      await capture(
        createTransport({ ...base, authentication: leakyProvider }).request({
          method: "GET",
          path: "/public/v1/x",
        }),
      );
    } finally {
      await server.close();
    }

    assert.ok(texts.length >= 20, `only ${texts.length} messages captured`);
    assert.ok(logger.lines.length >= 20, `only ${logger.lines.length} log lines`);
    const secrets = [API_SECRET_PART, EXT_SECRET, "extensionSecretPart9876", USER_JWT, ...issued];
    for (const text of [...texts, ...logger.lines]) {
      for (const secret of secrets) {
        assert.ok(!text.includes(secret), `leak of ${secret.slice(0, 12)}… in: ${text}`);
      }
      assert.ok(!/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/.test(text), `JWT-looking text in: ${text}`);
    }
  });
});
