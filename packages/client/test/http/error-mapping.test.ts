/** Error bodies -> MPTAPIError / MPTHttpError, directly and through the transport. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MPTAPIError, MPTHttpError } from "../../src/errors.js";
import { mapErrorResponse } from "../../src/http/error-mapping.js";
import { createTransport } from "../../src/http/transport.js";
import { rejection, scriptedFetch } from "./support.js";

const TRACE = "00-9e02a91b64ac56904703a3a69ea9101d-56be90a29d0b0b25-00";

interface Row {
  label: string;
  status: number;
  body: string;
  check(error: MPTHttpError): void;
}

const rows: Row[] = [
  {
    label: "ProblemDetails with a field map",
    status: 400,
    body: JSON.stringify({
      type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      title: "Bad Request",
      status: 400,
      detail: "One or more validation errors occurred.",
      traceId: TRACE,
      errors: { mistake: ["Unknown expression group."], name: "Required" },
    }),
    check(error) {
      assert.ok(error instanceof MPTAPIError);
      assert.equal(error.status, 400);
      assert.equal(error.title, "Bad Request");
      assert.equal(error.detail, "One or more validation errors occurred.");
      assert.equal(error.traceId, TRACE);
      assert.deepEqual(error.errors, { mistake: ["Unknown expression group."], name: "Required" });
      assert.equal(
        error.message,
        `400 Bad Request - One or more validation errors occurred. [mistake: Unknown expression group.; name: Required] (${TRACE})`,
      );
      assert.equal(error.payload.type, "https://tools.ietf.org/html/rfc9110#section-15.5.1");
    },
  },
  {
    label: "ProblemDetails with a list of business-rule errors",
    status: 400,
    body: JSON.stringify({
      title: "Order update failed",
      detail: "External ID is too long",
      status: 400,
      traceId: TRACE,
      errors: [
        { message: "Listing is not active", properties: ["listing.id"] },
        { message: "External ID is too long", properties: ["externalId"], id: "E1", parameters: { max: 10 } },
        { nonsense: true },
      ],
    }),
    check(error) {
      assert.ok(error instanceof MPTAPIError);
      assert.deepEqual(error.errors, [
        { message: "Listing is not active", properties: ["listing.id"] },
        { message: "External ID is too long", properties: ["externalId"], id: "E1", parameters: { max: 10 } },
      ]);
    },
  },
  {
    label: "404 without detail renders like the Python client",
    status: 404,
    body: JSON.stringify({ title: "Not Found", status: 404, traceId: TRACE }),
    check(error) {
      assert.ok(error instanceof MPTAPIError);
      assert.equal(error.message, `404 Not Found (${TRACE})`);
      assert.equal(error.detail, "");
    },
  },
  {
    label: "gateway body {statusCode, message}",
    status: 429,
    body: JSON.stringify({ statusCode: 429, message: "Rate limit is exceeded. Try again in 1 seconds." }),
    check(error) {
      assert.ok(error instanceof MPTAPIError);
      assert.equal(error.status, 429);
      assert.equal(error.title, "Too Many Requests");
      assert.equal(error.detail, "Rate limit is exceeded. Try again in 1 seconds.");
      assert.equal(error.message, "429 Too Many Requests - Rate limit is exceeded. Try again in 1 seconds.");
    },
  },
  {
    label: "gateway body whose statusCode differs from the HTTP status",
    status: 500,
    body: JSON.stringify({ statusCode: 401, message: "Access denied due to invalid subscription key." }),
    check(error) {
      assert.ok(error instanceof MPTAPIError);
      assert.equal(error.statusCode, 500);
      assert.equal(error.status, 401);
    },
  },
  {
    label: "HTML page",
    status: 502,
    body: "<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>b{}</style></head><body><h1>Bad gateway</h1></body></html>",
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.statusCode, 502);
      assert.equal(error.message, "502 Bad Gateway: 502 Bad Gateway");
      assert.match(error.body, /<h1>/);
    },
  },
  {
    label: "plain text",
    status: 500,
    body: `Something broke ${"x".repeat(300)}`,
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.ok(error.message.startsWith("500 Internal Server Error: Something broke xx"));
      assert.ok(error.message.length < 260);
      assert.equal(error.body.length, 316);
    },
  },
  {
    label: "empty body",
    status: 404,
    body: "",
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.message, "404 Not Found");
      assert.equal(error.body, "");
    },
  },
  {
    label: "JSON array",
    status: 400,
    body: '[{"title":"x"}]',
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.message, '400 Bad Request: [{"title":"x"}]');
    },
  },
  {
    label: "JSON primitive",
    status: 409,
    body: '"conflict"',
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.message, '409 Conflict: "conflict"');
    },
  },
  {
    label: "invalid JSON",
    status: 400,
    body: '{"title": "Bad',
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.body, '{"title": "Bad');
    },
  },
  {
    label: "JSON object that is neither ProblemDetails nor a gateway body",
    status: 418,
    body: '{"foo":1}',
    check(error) {
      assert.ok(!(error instanceof MPTAPIError));
      assert.equal(error.message, '418 HTTP Error: {"foo":1}');
    },
  },
];

describe("mapErrorResponse", () => {
  for (const row of rows) {
    test(row.label, () => {
      const error = mapErrorResponse({ status: row.status, bodyText: row.body });
      assert.ok(error instanceof MPTHttpError);
      assert.equal(error.statusCode, row.status);
      assert.equal(error.body, row.body);
      row.check(error);
    });
  }
});

describe("transport error mapping", () => {
  for (const row of rows) {
    test(`${row.label} (request and stream)`, async () => {
      const { fetch } = scriptedFetch(() => new Response(row.body, { status: row.status }));
      const transport = createTransport({ baseUrl: "https://api.example.com", fetch, retries: 0 });
      for (const send of [transport.request, transport.stream]) {
        const error = await rejection(send({ method: "GET", path: "/public/v1/x", query: "limit=1" }));
        assert.ok(error instanceof MPTHttpError, `got ${String(error)}`);
        assert.deepEqual(error.request, {
          method: "GET",
          url: "https://api.example.com/public/v1/x?limit=1",
        });
        const subject = "GET /public/v1/x: ";
        assert.ok(error.message.startsWith(subject), `the message names the request: ${error.message}`);
        // the rest of the message is what mapErrorResponse alone gives
        row.check(
          Object.assign(Object.create(Object.getPrototypeOf(error) as object) as MPTHttpError, error, {
            message: error.message.slice(subject.length),
          }),
        );
      }
    });
  }
});
