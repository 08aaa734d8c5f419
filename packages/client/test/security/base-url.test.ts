/**
 * Invalid base URLs fail at construction with an error naming `MPT_API_BASE_URL` (never at the
 * first request, never as a raw `TypeError`), for the option and for the environment variable;
 * the message never repeats credentials or query strings the value carried.
 */
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { BearerTokenAuthentication, MPTClient, MPTError } from "mpt-api-client";

const authentication = new BearerTokenAuthentication("idt:TKN-1111-2222:secret");
const SECRET = "s3cr3tValue99";

const INVALID = [
  "",
  "   ",
  "not a url",
  "api.example.com",
  "//api.example.com",
  "http://",
  "https://exa mple.com",
  "http://[::1",
  "http://host:99999",
  "ftp://api.example.com",
  "file:///etc/passwd",
  "javascript:alert(1)",
  "data:text/plain,hello",
  "mailto:ops@example.com",
  "https://api.example.com?x=1",
  "https://api.example.com/#frag",
  `https://user:${SECRET}@api.example.com`,
  `https://${SECRET}@api.example.com`,
  `api.example.com/?token=${SECRET}`,
  `api.example.com/#access_token=${SECRET}`,
  `https://user:${SECRET}@exa mple.com`,
  `idt:TKN-1111-2222:${SECRET}`,
];

function failure(baseUrl: string): MPTError {
  try {
    new MPTClient({ baseUrl, authentication });
  } catch (error) {
    assert.ok(error instanceof MPTError, `${JSON.stringify(baseUrl)}: ${String(error)}`);
    return error;
  }
  assert.fail(`${JSON.stringify(baseUrl)} was accepted`);
}

const saved = process.env["MPT_API_BASE_URL"];
afterEach(() => {
  if (saved === undefined) delete process.env["MPT_API_BASE_URL"];
  else process.env["MPT_API_BASE_URL"] = saved;
});

for (const value of INVALID) {
  test(`base URL ${JSON.stringify(value)} is refused with a clear error`, () => {
    delete process.env["MPT_API_BASE_URL"];
    const error = failure(value);
    assert.match(error.message, /MPT_API_BASE_URL/);
    assert.ok(!error.message.includes(SECRET), `the message repeats a secret: ${error.message}`);
  });
}

test("the same values from MPT_API_BASE_URL are refused naming the variable", () => {
  for (const value of INVALID.filter((v) => v.trim() !== "")) {
    process.env["MPT_API_BASE_URL"] = value;
    let error: unknown;
    try {
      new MPTClient({ authentication });
    } catch (caught) {
      error = caught;
    }
    assert.ok(error instanceof MPTError, `${JSON.stringify(value)}: ${String(error)}`);
    assert.match(error.message, /\(MPT_API_BASE_URL\)/);
    assert.ok(!error.message.includes(SECRET));
  }
});

test("valid forms are normalised to the API root", () => {
  for (const [input, root] of [
    ["https://api.s1.show/public", "https://api.s1.show"],
    ["https://api.s1.show/public/v1/", "https://api.s1.show"],
    [" HTTPS://API.S1.SHOW ", "https://api.s1.show"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["https://gateway.example.com/mpt/public/v1", "https://gateway.example.com/mpt"],
    ["http://[::1]:3000", "http://[::1]:3000"],
  ] as const) {
    assert.equal(new MPTClient({ baseUrl: input, authentication }).baseUrl, root, input);
  }
});
