/**
 * Log levels: the `logLevel` option and `MPT_LOG` choose what reaches the logger (or stderr when
 * no logger is given); lines carry the path with its query (the RQL sent), status, attempt,
 * elapsed time and retry reason, with credentials masked.
 */
import assert from "node:assert/strict";
import { afterEach, describe, test } from "node:test";
import { BearerTokenAuthentication } from "../../src/auth/index.js";
import { MPTError } from "../../src/errors.js";
import { createTransport, type TransportOptions } from "../../src/http/transport.js";
import { recordingLogger, scriptedFetch } from "./support.js";

const BASE = "https://api.example.com";
const TOKEN = "idt:TKN-1111-2222:supersecretvalue";

function send(options: Partial<TransportOptions>, statuses: number[] = [200]) {
  const { fetch } = scriptedFetch((_call, i) => new Response("{}", { status: statuses[i] ?? 200 }));
  const transport = createTransport({
    baseUrl: BASE,
    fetch,
    retryBaseDelay: 1,
    authentication: new BearerTokenAuthentication(TOKEN),
    ...options,
  });
  return transport.request({
    method: "GET",
    path: "/public/v1/catalog/products",
    query: "eq(status,Published)&select=-*,id&access_token=abc123",
  });
}

const saved = process.env["MPT_LOG"];
afterEach(() => {
  if (saved === undefined) delete process.env["MPT_LOG"];
  else process.env["MPT_LOG"] = saved;
});

describe("logLevel and MPT_LOG", () => {
  test("info: one line per attempt with the query sent, no retry detail", async () => {
    const logger = recordingLogger();
    await send({ logger, logLevel: "info" }, [503, 200]);
    assert.equal(logger.lines.length, 2);
    assert.match(
      logger.lines[0] ?? "",
      /^GET \/public\/v1\/catalog\/products\?eq\(status,Published\)&select=-\*,id&access_token=\[REDACTED\] -> 503 \(attempt 1\)/,
    );
    assert.match(logger.lines[1] ?? "", /"status":200,"attempt":2,"elapsedMs":\d+/);
    assert.ok(logger.lines.every((l) => !l.includes("abc123") && !l.includes("supersecretvalue")));
  });

  test("debug adds the retry lines with their reason", async () => {
    const logger = recordingLogger();
    await send({ logger, logLevel: "debug" }, [503, 200]);
    const retry = logger.lines.find((l) => l.includes("retrying in"));
    assert.match(retry ?? "", /"reason":503/);
  });

  test("MPT_LOG turns logging on without a logger (stderr) and off with one", async (t) => {
    const printed: unknown[][] = [];
    t.mock.method(console, "error", (...args: unknown[]) => {
      printed.push(args);
    });
    process.env["MPT_LOG"] = "debug";
    await send({});
    assert.equal(printed.length, 1);
    assert.match(
      String(printed[0]?.[0]),
      /^\[mpt\] GET \/public\/v1\/catalog\/products\?eq\(status,Published\)/,
    );
    assert.ok(printed.flat().every((part) => !JSON.stringify(part).includes("abc123")));

    process.env["MPT_LOG"] = "off";
    const logger = recordingLogger();
    await send({ logger });
    assert.deepEqual(logger.lines, []);
    // the option wins over the environment
    await send({ logger, logLevel: "info" });
    assert.equal(logger.lines.length, 1);
  });

  test("warn keeps warnings only", async () => {
    const logger = recordingLogger();
    await send({ logger, logLevel: "warn" }, [503, 200]);
    assert.deepEqual(logger.lines, []);
  });

  test("an unknown level is a clear error", async () => {
    await assert.rejects(
      async () => send({ logLevel: "verbose" as "debug" }),
      (e: unknown) => e instanceof MPTError && /Invalid logLevel "verbose"/.test(e.message),
    );
    process.env["MPT_LOG"] = "loud";
    await assert.rejects(
      async () => send({}),
      (e: unknown) =>
        e instanceof MPTError &&
        /Invalid MPT_LOG="loud": expected one of debug, info, warn, off/.test(e.message),
    );
  });
});
