/**
 * Credentials never leak: across failures that echo them back (401/400/500 bodies quoting the
 * Authorization header, a token endpoint quoting the secret), network failures, timeouts,
 * retries, redirects and successful calls, no token, secret or JWT appears in any error message
 * (cause chain and stack included) or in any line given to the `logger`. The `Authorization`
 * header is not sent after a redirect to another origin (and is kept on the same origin); the
 * extension's secret is never sent anywhere but the token endpoint.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { after, before, test } from "node:test";
import { inspect } from "node:util";
import {
  BearerTokenAuthentication,
  ExtensionFrameworkAuthentication,
  MPTClient,
  MPTError,
} from "mpt-api-client";
import { clientOf, recordingLogger, timedRejection } from "../faults/support.js";
import { type LoopbackServer, loopback } from "../support/loopback-server.js";

const SECRET_PART = "Zq8SuperSecretValue77";
const TOKEN = `idt:TKN-1234-5678:${SECRET_PART}`;
const EXT_SECRET = "ext-api-key-Hk29fLmQ0pXz";
const JWT_SIGNATURE = "c2lnbmF0dXJlLXRoYXQtbXVzdC1ub3QtbGVhaw";
const JWT = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "installation", exp: Math.floor(Date.now() / 1000) + 3600 })}.${JWT_SIGNATURE}`;
const NEEDLES = [SECRET_PART, EXT_SECRET, JWT, JWT_SIGNATURE, JWT.split(".")[1] ?? JWT];

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/**
 * Every text of an error a caller may print: `util.inspect` (every field, the cause chain and the
 * stacks), `JSON.stringify`, and message, name and stack of each cause.
 */
function texts(error: unknown): string[] {
  const out: string[] = [inspect(error, { depth: 10 }), JSON.stringify(error) ?? ""];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    if (current instanceof Error) {
      out.push(current.message, String(current), current.stack ?? "");
      current = current.cause;
    } else {
      out.push(String(current));
      break;
    }
  }
  return out;
}

function assertClean(where: string, lines: string[]): void {
  for (const line of lines) {
    for (const needle of NEEDLES) {
      assert.ok(
        !line.includes(needle),
        `${where}: a credential leaked into ${JSON.stringify(line.slice(0, 300))}`,
      );
    }
  }
}

let api: LoopbackServer;
let other: LoopbackServer;
const seenByOther: Array<string | undefined> = [];
const seenByApi: Array<{ url: string; authorization: string | undefined }> = [];

before(async () => {
  other = await loopback((req, res) => {
    seenByOther.push(req.headers.authorization);
    res.writeHead(200, {
      "content-type": "application/json",
      "content-disposition": 'attachment; filename="f.pdf"',
    });
    res.end(JSON.stringify({ id: "PRD-2", from: "other origin" }));
  });
  api = await loopback((req, res) => {
    const url = req.url ?? "";
    const auth = req.headers.authorization;
    seenByApi.push({ url, authorization: auth });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    if (url.startsWith("/public/v1/integration/installations/-/token")) {
      if (url.includes("account.id=ACC-FAIL"))
        return json(500, { title: "Boom", detail: `secret was ${auth}`, secret: EXT_SECRET });
      if (url.includes("account.id=ACC-REDIRECT")) {
        res.writeHead(307, { location: `${other.url}/steal` });
        return res.end();
      }
      return json(200, { token: JWT });
    }
    const id = url.split("?")[0]?.split("/").pop() ?? "";
    switch (id) {
      case "echo-401":
        return json(401, { title: "Unauthorized", detail: `Invalid token: ${auth}` });
      case "echo-400":
        return json(400, { title: "Bad", errors: { authorization: [`${auth}`], token: [TOKEN, JWT] } });
      case "echo-500":
        res.writeHead(500, { "content-type": "text/plain" });
        return res.end(`upstream said: Authorization: ${auth}; token=${TOKEN}; jwt ${JWT}`);
      case "echo-secret-only": {
        // the secret part of the API token, or (for the extension's installation token) the
        // extension's secret: values no pattern recognises
        const secret = auth?.includes(SECRET_PART) ? SECRET_PART : EXT_SECRET;
        return json(401, { title: "Unauthorized", detail: `key ${secret} unknown`, key: secret });
      }
      case "echo-2xx": {
        // a success whose body is not JSON: the parser's own message quotes the body
        const secret = auth?.includes(SECRET_PART) ? SECRET_PART : EXT_SECRET;
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(`key ${secret} is not JSON`);
      }
      case "echo-encoded":
        return json(
          400,
          { title: "Bad", detail: `callback=${encodeURIComponent(auth ?? "")}` },
          { "x-echo": encodeURIComponent(auth ?? ""), "x-raw": auth ?? "" },
        );
      case "echo-html":
        res.writeHead(502, { "content-type": "text/html" });
        return res.end(`<html><head><title>Bad ${auth}</title></head><body>${JWT}</body></html>`);
      case "slow":
        return setTimeout(() => json(200, { id }), 500);
      case "redirect-away":
        res.writeHead(302, { location: `${other.url}/public/v1/catalog/products/PRD-2` });
        return res.end();
      case "redirect-away-307":
        res.writeHead(307, { location: `${other.url}/blob/file.pdf?sig=abc` });
        return res.end();
      case "redirect-home":
        res.writeHead(301, { location: "/public/v1/catalog/products/PRD-1" });
        return res.end();
      default:
        return json(200, { id, contentType: "application/pdf" });
    }
  });
});
after(async () => {
  await api.close();
  await other.close();
});

test("errors and logs of failures that echo the credentials contain none of them", async () => {
  for (const authentication of [
    new BearerTokenAuthentication(TOKEN),
    new ExtensionFrameworkAuthentication({ secret: EXT_SECRET }),
  ]) {
    const logger = recordingLogger();
    const client = clientOf(api, { authentication, logger, retries: 1, timeout: 100 });
    const lines: string[] = [];
    for (const id of [
      "echo-401",
      "echo-400",
      "echo-500",
      "echo-secret-only",
      "echo-2xx",
      "echo-encoded",
      "echo-html",
      "slow",
    ]) {
      const { error } = await timedRejection(() => client.catalog.products.get(id));
      assert.ok(error instanceof MPTError, `${id}: ${String(error)}`);
      lines.push(...texts(error));
    }
    await client.catalog.products.get("PRD-1");
    assertClean(authentication.constructor.name, [...lines, ...logger.lines]);
    assert.ok(
      lines.some((line) => line.includes("[REDACTED]")),
      "the echoed credentials reached the messages, masked",
    );
    assert.ok(logger.lines.length >= 6, "the logger saw the requests");
  }
});

test("a failing token endpoint that echoes the secret does not leak it", async () => {
  const logger = recordingLogger();
  const authentication = new ExtensionFrameworkAuthentication({ secret: EXT_SECRET, accountId: "ACC-FAIL" });
  const client = clientOf(api, { authentication, logger, retries: 0 });
  const { error } = await timedRejection(() => client.catalog.products.get("PRD-1"));
  assert.ok(error instanceof MPTError, String(error));
  assert.match(error.message, /Installation token request failed: 500/);
  assertClean("token endpoint", [...texts(error), ...logger.lines]);
});

test("connection failures and bad credentials are reported without the credentials", async () => {
  const logger = recordingLogger();
  const closed = await loopback(() => undefined);
  const url = closed.url;
  await closed.close();
  const client = new MPTClient({
    baseUrl: url,
    authentication: new BearerTokenAuthentication(TOKEN),
    logger,
    retries: 1,
    retryBaseDelay: 1,
  });
  const { error } = await timedRejection(() => client.catalog.products.get("PRD-1"));
  const lines = [...texts(error), ...logger.lines];
  for (const bad of [`${TOKEN}\n`, `Bearer ${SECRET_PART}\u0000`]) {
    try {
      new BearerTokenAuthentication(bad);
      assert.fail("accepted a token with a control character");
    } catch (invalid) {
      lines.push(...texts(invalid));
    }
  }
  try {
    new ExtensionFrameworkAuthentication({ secret: `${EXT_SECRET}\r\n` });
    assert.fail("accepted a secret with a line break");
  } catch (invalid) {
    lines.push(...texts(invalid));
  }
  assertClean("connection and validation failures", lines);
});

test("Authorization is not sent after a redirect to another origin, and is kept on the same origin", async () => {
  const client = clientOf(api, { authentication: new BearerTokenAuthentication(TOKEN), retries: 0 });
  seenByOther.length = 0;
  seenByApi.length = 0;
  assert.equal((await client.catalog.products.get("redirect-away")).id, "PRD-2");
  const file = await client.catalog.products.documents("PRD-1").download("redirect-away-307", {
    accept: "application/pdf",
  });
  assert.equal(file.filename, "f.pdf");
  const stream = await client.catalog.products.documents("PRD-1").downloadStream("redirect-away-307", {
    accept: "application/pdf",
  });
  await stream.body.cancel();
  assert.deepEqual(seenByOther, [undefined, undefined, undefined], "the other origin never saw the token");
  assert.ok(
    seenByApi.every((r) => r.authorization === `Bearer ${TOKEN}`),
    "the API origin always did",
  );

  seenByApi.length = 0;
  assert.equal((await client.catalog.products.get("redirect-home")).id, "PRD-1");
  assert.deepEqual(
    seenByApi.map((r) => r.authorization),
    [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`],
    "same-origin hops keep it",
  );
});

test("the extension secret is only ever sent to the token endpoint, never after a redirect", async () => {
  const logger = recordingLogger();
  seenByOther.length = 0;
  seenByApi.length = 0;
  const ok = clientOf(api, {
    authentication: new ExtensionFrameworkAuthentication({ secret: EXT_SECRET }),
    logger,
  });
  await ok.catalog.products.get("redirect-away");
  const tokenCalls = seenByApi.filter((r) => r.url.includes("/installations/-/token"));
  assert.deepEqual(
    tokenCalls.map((r) => r.authorization),
    [`Bearer ${EXT_SECRET}`],
  );
  assert.ok(
    seenByApi
      .filter((r) => !r.url.includes("/installations/-/token"))
      .every((r) => r.authorization === `Bearer ${JWT}`),
  );
  const redirected = clientOf(api, {
    authentication: new ExtensionFrameworkAuthentication({ secret: EXT_SECRET, accountId: "ACC-REDIRECT" }),
    retries: 0,
    logger,
  });
  const { error } = await timedRejection(() => redirected.catalog.products.get("PRD-1"));
  assert.ok(error instanceof MPTError, String(error));
  assert.deepEqual(
    seenByOther,
    [undefined],
    "the GET's redirect reached the other origin without credentials; the token endpoint's was not followed",
  );
  assertClean("extension redirects", [...texts(error), ...logger.lines]);
});
