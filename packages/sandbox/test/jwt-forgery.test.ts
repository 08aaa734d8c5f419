/**
 * Installation JWTs cannot be forged: the key is random per instance (a fixed one only on
 * request), `exp` is required, the account type comes from the account, the header must say HS256.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { CLAIMS } from "../src/http/auth.js";
import { createSandbox, type Sandbox } from "../src/index.js";

const encoder = new TextEncoder();
const b64url = (bytes: Uint8Array): string =>
  Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const part = (value: unknown): string => b64url(encoder.encode(JSON.stringify(value)));

/** An HS256-signed JWT with any header and payload. */
async function sign(
  key: string,
  payload: object,
  header: object = { alg: "HS256", typ: "JWT" },
): Promise<string> {
  const unsigned = `${part(header)}.${part(payload)}`;
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(unsigned)));
  return `${unsigned}.${b64url(signature)}`;
}

function claimsFor(sandbox: Sandbox, accountId: string, type: string, exp?: number): object {
  return {
    iss: "mpt-sandbox",
    [`${CLAIMS}accountId`]: accountId,
    [`${CLAIMS}accountType`]: type,
    [`${CLAIMS}extensionId`]: sandbox.accounts.extensionId,
    ...(exp === undefined ? {} : { exp }),
  };
}

async function status(sandbox: Sandbox, token: string): Promise<{ status: number; detail: string }> {
  const res = await sandbox.fetch("http://mpt-sandbox.local/public/v1/billing/statements?limit=1", {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { detail?: string };
  return { status: res.status, detail: body.detail ?? "" };
}

const later = () => Math.floor(Date.now() / 1000) + 600;

test("a token signed with the key derived from the public default seed is refused", async () => {
  const sandbox = createSandbox();
  const forged = await sign(
    "mpt-sandbox:mpt-sandbox:jwt",
    claimsFor(sandbox, sandbox.accounts.operations, "Operations", later()),
  );
  const answer = await status(sandbox, forged);
  assert.equal(answer.status, 401);
  assert.match(answer.detail, /signature is not valid/);
});

test("two instances sign with different keys unless a reproducible key is asked for", async () => {
  const a = createSandbox();
  const b = createSandbox();
  const issue = async (s: Sandbox) => {
    const res = await s.fetch("http://mpt-sandbox.local/public/v1/integration/installations/-/token", {
      method: "POST",
      headers: { authorization: `Bearer ${s.tokens.extension}` },
    });
    return ((await res.json()) as { token: string }).token;
  };
  const fromA = await issue(a);
  assert.equal((await status(a, fromA)).status !== 401, true);
  assert.equal((await status(b, fromA)).status, 401);
  const fixedA = createSandbox({ tokenSigningKey: "reproducible" });
  const fixedB = createSandbox({ tokenSigningKey: "reproducible" });
  const token = await issue(fixedA);
  assert.notEqual((await status(fixedB, token)).status, 401);
});

test("a claimed account type other than the account's is refused", async () => {
  const key = "known-key";
  const sandbox = createSandbox({ tokenSigningKey: key });
  const lying = await sign(key, claimsFor(sandbox, sandbox.accounts.client, "Operations", later()));
  const answer = await status(sandbox, lying);
  assert.equal(answer.status, 401);
  assert.match(answer.detail, /account type does not match/);
  const honest = await sign(key, claimsFor(sandbox, sandbox.accounts.client, "Client", later()));
  // The same token with the account's true type is accepted.
  assert.notEqual((await status(sandbox, honest)).status, 401);
});

test("a token without exp is refused", async () => {
  const key = "known-key";
  const sandbox = createSandbox({ tokenSigningKey: key });
  const answer = await status(
    sandbox,
    await sign(key, claimsFor(sandbox, sandbox.accounts.vendor, "Vendor")),
  );
  assert.equal(answer.status, 401);
  assert.match(answer.detail, /no expiry/);
});

test("a header that does not say HS256 is refused, even with a valid HS256 signature", async () => {
  const key = "known-key";
  const sandbox = createSandbox({ tokenSigningKey: key });
  const claims = claimsFor(sandbox, sandbox.accounts.vendor, "Vendor", later());
  for (const header of [{ alg: "none", typ: "JWT" }, { alg: "HS512", typ: "JWT" }, { typ: "JWT" }]) {
    assert.equal(
      (await status(sandbox, await sign(key, claims, header))).status,
      401,
      JSON.stringify(header),
    );
  }
  const unsignedNone = `${part({ alg: "none" })}.${part(claims)}.`;
  assert.equal((await status(sandbox, unsignedNone)).status, 401);
  assert.notEqual((await status(sandbox, await sign(key, claims))).status, 401);
});
