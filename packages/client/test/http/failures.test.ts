/**
 * Failures a user can predict: connection failures and timeouts keep their class after retries
 * (`attempts` counts them); failures a retry cannot fix (a forbidden port, response headers too
 * large, a 4xx other than 408/429, a 2xx body that is not JSON) are sent once; each common status
 * has its `MPTAPIError` subclass carrying `headers`, `request` and `traceId`, and the message
 * names the request and lists the first field errors.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  MPTAPIError,
  MPTBadRequestError,
  MPTConflictError,
  MPTConnectionError,
  MPTError,
  MPTHttpError,
  MPTMaxRetryError,
  MPTNotFoundError,
  MPTPermissionDeniedError,
  MPTRateLimitError,
  MPTServerError,
  MPTUnauthorizedError,
  MPTUnprocessableEntityError,
} from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { closedPort, countingFetch, rejection, sendJson, startServer, type TestServer } from "./support.js";

const TRACE = "00-9e02a91b64ac56904703a3a69ea9101d-56be90a29d0b0b25-00";

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    const url = new URL(req.url ?? "", "http://x");
    const status = Number(url.searchParams.get("status") ?? 200);
    switch (url.pathname) {
      case "/public/v1/problem":
        return sendJson(
          res,
          status,
          { title: `Problem ${status}`, status, detail: "It failed.", traceId: TRACE },
          { "retry-after": "0", "set-cookie": "session=abc", "x-extra": "kept" },
        );
      case "/public/v1/validation":
        return sendJson(res, 400, {
          title: "One or more validation errors occurred.",
          status: 400,
          detail: "One or more validation errors occurred.",
          errors: {
            name: ["The Name field is required."],
            type: ["The Type field is required."],
            unit: ["The Unit field is required."],
            price: ["Must be positive.", "Must be a number."],
            vendor: ["Unknown vendor."],
          },
        });
      case "/public/v1/huge-headers":
        res.writeHead(200, { "x-huge": "h".repeat(128 * 1024) });
        return res.end("{}");
      case "/public/v1/html":
        res.writeHead(200, { "content-type": "text/html", "x-trace-id": "trace-from-header" });
        return res.end("<html><title>Login</title></html>");
      default:
        return sendJson(res, 200, {});
    }
  });
});
after(() => server.close());

function counted(options: { retries?: number; baseUrl?: string } = {}) {
  const { fetch, seen } = countingFetch();
  const transport = createTransport({ baseUrl: server.url, fetch, retryBaseDelay: 1, ...options });
  return { transport, seen };
}

describe("connection failures and timeouts keep their class", () => {
  test("a closed port: MPTConnectionError with attempts = 1 + retries (default 2)", async () => {
    const port = await closedPort();
    const { transport, seen } = counted({ baseUrl: `http://127.0.0.1:${port}` });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.ok(!(error instanceof MPTMaxRetryError));
    assert.equal(error.attempts, 3);
    assert.equal(seen.requests, 3);
    assert.match(error.message, /^GET \/public\/v1\/x: connection failed \(ECONNREFUSED\) after 3 attempts$/);
  });

  test("{ retries: 0 } per request: one attempt", async () => {
    const port = await closedPort();
    const { transport, seen } = counted({ baseUrl: `http://127.0.0.1:${port}`, retries: 5 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x", retries: 0 }));
    assert.ok(error instanceof MPTConnectionError);
    assert.equal(error.attempts, 1);
    assert.equal(seen.requests, 1);
    const bad = await rejection(transport.request({ method: "GET", path: "/public/v1/x", retries: 1.5 }));
    assert.match(String(bad), /retries: expected an integer >= 0, got 1.5/);
  });
});

describe("failures a retry cannot fix are sent once", () => {
  test("a port fetch forbids", async () => {
    const { transport, seen } = counted({ baseUrl: "http://127.0.0.1:6000", retries: 3 });
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/x" }));
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.match(error.message, /bad port.*retrying cannot help/);
    assert.equal(seen.requests, 1);
  });

  test("response headers too large", async () => {
    const { transport } = counted({ retries: 3 });
    const before = server.count("/public/v1/huge-headers");
    const error = await rejection(transport.request({ method: "GET", path: "/public/v1/huge-headers" }));
    assert.ok(error instanceof MPTConnectionError, String(error));
    assert.match(error.message, /HEADERS_OVERFLOW/);
    assert.equal(server.count("/public/v1/huge-headers") - before, 1);
  });

  for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) {
    test(`a ${status} (even with Retry-After) is not retried`, async () => {
      const { transport, seen } = counted({ retries: 3 });
      const error = await rejection(
        transport.request({ method: "GET", path: "/public/v1/problem", query: `status=${status}` }),
      );
      assert.ok(error instanceof MPTAPIError, String(error));
      assert.equal(error.statusCode, status);
      assert.equal(seen.requests, 1);
    });
  }

  test("408 and 429 are retried; exhausted retries of a status end in MPTMaxRetryError", async () => {
    for (const status of [408, 429]) {
      const { transport, seen } = counted({ retries: 2 });
      const error = await rejection(
        transport.request({ method: "GET", path: "/public/v1/problem", query: `status=${status}` }),
      );
      assert.ok(error instanceof MPTMaxRetryError, String(error));
      assert.equal(error.attempts, 3);
      assert.equal(seen.requests, 3);
      if (status === 429) assert.ok(error.cause instanceof MPTRateLimitError);
    }
  });

  test("a 2xx body that is not JSON is an MPTHttpError, sent once", async () => {
    const { transport, seen } = counted({ retries: 3 });
    const res = await transport.request({ method: "GET", path: "/public/v1/html" });
    const error = (() => {
      try {
        res.json();
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof MPTHttpError, String(error));
    assert.match(error.message, /Expected a JSON response body but got not JSON: Login/);
    assert.equal(seen.requests, 1);
  });
});

describe("error classes", () => {
  const classes: Array<[number, new (...args: never[]) => MPTAPIError]> = [
    [400, MPTBadRequestError],
    [401, MPTUnauthorizedError],
    [403, MPTPermissionDeniedError],
    [404, MPTNotFoundError],
    [409, MPTConflictError],
    [422, MPTUnprocessableEntityError],
    [429, MPTRateLimitError],
    [500, MPTServerError],
    [503, MPTServerError],
  ];
  for (const [status, ErrorClass] of classes) {
    test(`${status} -> ${ErrorClass.name}, with headers, request and traceId`, async () => {
      const { transport } = counted({ retries: 0 });
      const error = await rejection(
        transport.request({ method: "GET", path: "/public/v1/problem", query: `status=${status}&limit=1` }),
      );
      assert.ok(error instanceof ErrorClass, String(error));
      assert.ok(error instanceof MPTAPIError && error instanceof MPTHttpError && error instanceof MPTError);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.traceId, TRACE);
      assert.deepEqual(error.request, {
        method: "GET",
        url: `${server.url}/public/v1/problem?status=${status}&limit=1`,
      });
      assert.equal(error.headers["x-extra"], "kept");
      assert.equal(error.headers["set-cookie"], "[REDACTED]");
      assert.equal(
        error.message,
        `GET /public/v1/problem: ${status} Problem ${status} - It failed. (${TRACE})`,
      );
    });
  }

  test("an unlisted status stays a plain MPTAPIError", async () => {
    const { transport } = counted({ retries: 0 });
    const teapot = await rejection(
      transport.request({ method: "GET", path: "/public/v1/problem", query: "status=418" }),
    );
    assert.equal((teapot as Error).constructor, MPTAPIError);
  });

  test("the message lists the first field errors, then how many more", async () => {
    const { transport } = counted({ retries: 0 });
    const error = await rejection(transport.request({ method: "POST", path: "/public/v1/validation" }));
    assert.ok(error instanceof MPTBadRequestError, String(error));
    assert.equal(
      error.message,
      "POST /public/v1/validation: 400 One or more validation errors occurred. [name: The Name field is required.; type: The Type field is required.; unit: The Unit field is required.; and 2 more]",
    );
    assert.deepEqual(error.errors, {
      name: ["The Name field is required."],
      type: ["The Type field is required."],
      unit: ["The Unit field is required."],
      price: ["Must be positive.", "Must be a number."],
      vendor: ["Unknown vendor."],
    });
  });
});
