/**
 * `reportError` prints no credential: the token in use is masked in every form an error may
 * echo it (whole, only its secret part, URL-encoded), as are credential-looking values.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MPTConnectionError, MPTError, MPTHttpError } from "mpt-api-client";
import { reportError } from "../src/errors.js";

const SECRET = "Qm7OnlyTheSecretPart42";
const TOKEN = `idt:TKN-1111-2222:${SECRET}`;

test("every line is redacted by the tokens in use, in each form", () => {
  const errors = [
    new MPTError(`failed with key ${SECRET}`),
    new MPTConnectionError(`GET /x?callback=${encodeURIComponent(TOKEN)}: connection failed`),
    new MPTHttpError(
      500,
      "500 Internal Server Error",
      `upstream echoed ${SECRET} and ${encodeURIComponent(TOKEN)}`,
    ),
    new Error(`plain ${TOKEN}`),
  ];
  for (const error of errors) {
    const report = reportError(error, true, [TOKEN]);
    const text = report.lines.join("\n");
    assert.ok(text.length > 0);
    assert.ok(!text.includes(SECRET), `leaked: ${text}`);
    assert.ok(!text.includes(encodeURIComponent(SECRET)), `leaked: ${text}`);
    assert.match(text, /\[REDACTED\]/);
  }
});
