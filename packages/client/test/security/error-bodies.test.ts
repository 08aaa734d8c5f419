/**
 * Whatever a server answers, the caller gets the error tree, never a raw `TypeError` or
 * `SyntaxError`: error bodies that are empty, arrays, strings, numbers, HTML, invalid JSON, binary
 * or huge map to `MPTHttpError` with a short readable message; ProblemDetails and gateway bodies
 * map to `MPTAPIError`; success answers that are not what the call expects raise `MPTError`; a
 * malformed JSONL line raises `MPTStreamError` naming its line number.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MPTAPIError, MPTError, MPTHttpError, MPTStreamError } from "mpt-api-client";
import { clientOf, timedRejection } from "../faults/support.js";
import { type LoopbackServer, loopback } from "../support/loopback-server.js";

interface Canned {
  status: number;
  type?: string;
  body: string | Buffer;
}

const HTML = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>
<body><h1>Bad Gateway</h1><script>var x = 1;</script><p>nginx</p></body></html>`;

const CANNED: Record<string, Canned> = {
  empty: { status: 500, body: "" },
  array: { status: 400, type: "application/json", body: "[1,2,3]" },
  string: { status: 400, type: "application/json", body: '"something went wrong"' },
  number: { status: 409, type: "application/json", body: "42" },
  null: { status: 400, type: "application/json", body: "null" },
  html: { status: 502, type: "text/html", body: HTML },
  invalid: { status: 400, type: "application/json", body: '{"title": "Bad", "detail": ' },
  binary: { status: 500, type: "application/octet-stream", body: Buffer.from([0, 255, 1, 254, 0x1b, 0x5b]) },
  huge: { status: 500, type: "text/plain", body: "x".repeat(1_000_000) },
  problem: {
    status: 400,
    type: "application/problem+json",
    body: JSON.stringify({
      type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      traceId: "00-abc-def-00",
      errors: { name: ["The name field is required."] },
    }),
  },
  gateway: {
    status: 429,
    type: "application/json",
    body: '{"statusCode":429,"message":"Rate limit is exceeded."}',
  },
  "ok-invalid": { status: 200, type: "application/json", body: "{not json" },
  "ok-empty": { status: 200, type: "application/json", body: "" },
  "ok-array": { status: 200, type: "application/json", body: "[]" },
  "ok-html": { status: 200, type: "text/html", body: HTML },
};

let server: LoopbackServer;
before(async () => {
  server = await loopback((req, res) => {
    const path = req.url?.split("?")[0] ?? "";
    const name = decodeURIComponent(path.split("/").pop() ?? "");
    if (path === "/public/v1/catalog/products") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"$meta":{},"data":"not a list"}');
      return;
    }
    if (path.endsWith("/charges")) {
      res.writeHead(200, { "content-type": "application/jsonl" });
      const second = path.includes("STM-NOTOBJ") ? "[1,2]" : '{"id":"CHG-2"';
      res.end(`{"id":"CHG-1"}\n\n{"id":"CHG-1b"}\n${second}\n{"id":"CHG-3"}\n`);
      return;
    }
    const canned = CANNED[name];
    if (!canned) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(canned.status, canned.type ? { "content-type": canned.type } : {});
    res.end(canned.body);
  });
});
after(() => server.close());

const client = () => clientOf(server, { retries: 0 });

async function errorOf(name: string): Promise<Error> {
  const { error } = await timedRejection(() => client().catalog.products.get(name));
  assert.ok(error instanceof MPTError, `${name}: ${String(error)}`);
  assert.ok(
    error.message.length > 0 && error.message.length < 400,
    `${name}: message of ${error.message.length} chars`,
  );
  return error;
}

test("non-JSON and non-object error bodies become MPTHttpError with a readable message", async () => {
  const cases: Array<[string, number, RegExp]> = [
    ["empty", 500, /^GET \/public\/v1\/catalog\/products\/empty: 500 Internal Server Error$/],
    ["array", 400, /: 400 Bad Request: \[1,2,3\]$/],
    ["string", 400, /: 400 Bad Request: "something went wrong"$/],
    ["number", 409, /: 409 Conflict: 42$/],
    ["null", 400, /: 400 Bad Request: null$/],
    ["invalid", 400, /: 400 Bad Request: \{"title": "Bad", "detail":$/],
    ["binary", 500, /: 500 Internal Server Error: /],
  ];
  for (const [name, status, message] of cases) {
    const error = await errorOf(name);
    assert.ok(error instanceof MPTHttpError && !(error instanceof MPTAPIError), name);
    assert.equal(error.statusCode, status, name);
    assert.match(error.message, message, name);
    assert.equal(error.body, typeof CANNED[name]?.body === "string" ? CANNED[name].body : error.body);
  }
});

test("an HTML error page is summarised to its title, without markup or scripts", async () => {
  const error = await errorOf("html");
  assert.ok(error instanceof MPTHttpError);
  assert.equal(error.statusCode, 502);
  assert.equal(error.message, "GET /public/v1/catalog/products/html: 502 Bad Gateway: 502 Bad Gateway");
  assert.equal(error.body, HTML, "the raw body stays available");
});

test("a huge error body gives a short message; the body stays available", async () => {
  const error = await errorOf("huge");
  assert.ok(error instanceof MPTHttpError);
  assert.equal(error.body.length, 1_000_000);
});

test("ProblemDetails and gateway bodies become MPTAPIError with their fields", async () => {
  const problem = await errorOf("problem");
  assert.ok(problem instanceof MPTAPIError);
  assert.equal(problem.status, 400);
  assert.equal(problem.title, "One or more validation errors occurred.");
  assert.equal(problem.traceId, "00-abc-def-00");
  assert.deepEqual(problem.errors, { name: ["The name field is required."] });
  assert.equal(
    problem.message,
    "GET /public/v1/catalog/products/problem: 400 One or more validation errors occurred. [name: The name field is required.] (00-abc-def-00)",
  );
  const gateway = await errorOf("gateway");
  assert.ok(gateway instanceof MPTAPIError);
  assert.equal(gateway.statusCode, 429);
  assert.equal(gateway.detail, "Rate limit is exceeded.");
});

test("success answers that are not what the call expects raise MPTError, not a raw parse error", async () => {
  for (const [name, pattern] of [
    ["ok-invalid", /ok-invalid: the 200 answer is not JSON: .*got not JSON: \{not json$/],
    ["ok-empty", /ok-empty: the 200 answer is not JSON: .*got an empty body$/],
    ["ok-html", /ok-html: the 200 answer is not JSON: .*got not JSON: 502 Bad Gateway$/],
    ["ok-array", /GET \/public\/v1\/catalog\/products\/ok-array: expected a JSON object, got an array/],
  ] as const) {
    const error = await errorOf(name);
    assert.match(error.message, pattern, name);
  }
  const { error } = await timedRejection(() => client().catalog.products.fetchPage());
  assert.ok(error instanceof MPTError);
  assert.match(error.message, /expected a collection/);
});

test("a malformed JSONL line raises MPTStreamError naming its line, after the lines before it", async () => {
  for (const [statement, message] of [
    ["STM-BROKEN", /GET \/public\/v1\/billing\/statements\/STM-BROKEN\/charges: line 4 is not valid JSON/],
    ["STM-NOTOBJ", /GET \/public\/v1\/billing\/statements\/STM-NOTOBJ\/charges: line 4 is not a JSON object/],
  ] as const) {
    const seen: string[] = [];
    const { error } = await timedRejection(async () => {
      for await (const charge of client().billing.statements.charges(statement).stream())
        seen.push(charge.id);
    });
    assert.ok(error instanceof MPTStreamError, String(error));
    assert.equal(error.line, 4);
    assert.match(error.message, message);
    assert.deepEqual(seen, ["CHG-1", "CHG-1b"], "records before the bad line (the blank line 2 skipped)");
  }
});
