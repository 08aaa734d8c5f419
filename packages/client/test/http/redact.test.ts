/** redact(): credentials never survive into logs or messages. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { redact, redactHeaders, redactValue } from "../../src/http/redact.js";
import { makeJwt } from "./support.js";

describe("redact", () => {
  const jwt = makeJwt({ sub: "USR-1", exp: 1 });
  const cases: Array<[string, string, string]> = [
    ["bearer header value", "Authorization: Bearer abc.def-ghi", "abc.def-ghi"],
    ["lower-case bearer", "sent bearer s3cr3tvalue here", "s3cr3tvalue"],
    ["api token secret", "token idt:TKN-1234-5678:Zx9secretPart in text", "Zx9secretPart"],
    ["JWT anywhere", `value=${jwt}&x=1`, jwt.split(".")[1] ?? ""],
    ["authorization JSON field", '{"authorization":"Basic dXNlcjpwdw=="}', "dXNlcjpwdw=="],
    ["token JSON field", '{"token":"opaque-token-value"}', "opaque-token-value"],
    ["secret JSON field", '{"secret": "xyz\\"quoted"}', "xyz"],
  ];
  for (const [label, input, secret] of cases) {
    test(label, () => {
      const out = redact(input);
      assert.ok(!out.includes(secret), `${out} still contains ${secret}`);
      assert.match(out, /\[REDACTED\]/);
    });
  }

  test("keeps the token id of an API token and ordinary text", () => {
    assert.equal(redact("idt:TKN-1234-5678:abc"), "idt:TKN-1234-5678:[REDACTED]");
    assert.equal(redact("GET /public/v1/catalog/products 200"), "GET /public/v1/catalog/products 200");
  });

  test("is idempotent", () => {
    const once = redact("Authorization: Bearer abc");
    assert.equal(redact(once), once);
    assert.equal(once, "Authorization: Bearer [REDACTED]");
  });

  test("redactHeaders masks Authorization and cookies whatever the value", () => {
    const headers = new Headers({ authorization: "opaque", cookie: "a=b", accept: "application/json" });
    assert.deepEqual(redactHeaders(headers), {
      accept: "application/json",
      authorization: "[REDACTED]",
      cookie: "[REDACTED]",
    });
  });

  test("redactValue walks objects, arrays and errors", () => {
    const out = JSON.stringify(
      redactValue({ a: ["Bearer zzz"], nested: { token: "plain" }, error: new Error(`bad ${jwt}`) }),
    );
    assert.ok(!out.includes("zzz") && !out.includes("plain") && !out.includes(jwt));
  });
});
