/** Bearer and environment token providers, the Authentication guard and JWT expiry decoding. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inspect } from "node:util";
import {
  BearerTokenAuthentication,
  EnvTokenAuthentication,
  ExtensionFrameworkAuthentication,
  isAuthentication,
} from "../../src/auth/index.js";
import { decodeJwtPayload, jwtExpiry } from "../../src/auth/jwt.js";
import { MPTError } from "../../src/errors.js";
import { createTransport } from "../../src/http/transport.js";
import { makeJwt, withServer } from "../http/support.js";

const ctx = { baseUrl: "https://api.example.com", fetch: globalThis.fetch, timeout: 1000 };

describe("BearerTokenAuthentication", () => {
  test("sends Bearer <token>, without doubling a Bearer prefix", async () => {
    assert.equal(
      await new BearerTokenAuthentication("idt:TKN-1:abc").getAuthorization(),
      "Bearer idt:TKN-1:abc",
    );
    assert.equal(await new BearerTokenAuthentication("Bearer abc ").getAuthorization(), "Bearer abc");
  });

  test("the transport sends its token without awaiting it, and honours a subclass's getAuthorization", async () => {
    class Rotating extends BearerTokenAuthentication {
      override async getAuthorization(): Promise<string> {
        return "Bearer rotated";
      }
    }
    await withServer(
      (_req, res) => res.end("{}"),
      async (server) => {
        for (const [auth, sent] of [
          [new BearerTokenAuthentication("idt:TKN-1:abc"), "Bearer idt:TKN-1:abc"],
          [new Rotating("idt:TKN-1:abc"), "Bearer rotated"],
        ] as const) {
          const transport = createTransport({ baseUrl: server.url, authentication: auth });
          await transport.request({ method: "GET", path: "/public/v1/x" });
          assert.equal(server.received.at(-1)?.headers.authorization, sent);
        }
      },
    );
  });

  test("rejects empty, non-string and header-breaking tokens with a clear MPTError", () => {
    for (const bad of ["", "   ", "Bearer ", 42, undefined, "abc\r\nX-Evil: 1"]) {
      assert.throws(
        () => new BearerTokenAuthentication(bad as string),
        (error: unknown) =>
          error instanceof MPTError &&
          /token of BearerTokenAuthentication/.test(error.message) &&
          !error.message.includes("X-Evil"),
      );
    }
  });

  test("does not reveal the token through inspection or JSON", () => {
    const auth = new BearerTokenAuthentication("idt:TKN-1:very-secret");
    assert.ok(!inspect(auth, { showHidden: true, depth: 5 }).includes("very-secret"));
    assert.ok(!JSON.stringify(auth).includes("very-secret"));
  });
});

describe("EnvTokenAuthentication", () => {
  test("reads MPT_API_TOKEN (or the named variable) at construction", async () => {
    process.env.MPT_TEST_TOKEN_A = "idt:TKN-9:env";
    try {
      const auth = new EnvTokenAuthentication("MPT_TEST_TOKEN_A");
      assert.equal(auth.envVar, "MPT_TEST_TOKEN_A");
      assert.equal(await auth.getAuthorization(), "Bearer idt:TKN-9:env");
      assert.ok(auth instanceof BearerTokenAuthentication);
    } finally {
      delete process.env.MPT_TEST_TOKEN_A;
    }
    const saved = process.env.MPT_API_TOKEN;
    process.env.MPT_API_TOKEN = "default-var-token";
    try {
      assert.equal(await new EnvTokenAuthentication().getAuthorization(), "Bearer default-var-token");
    } finally {
      if (saved === undefined) delete process.env.MPT_API_TOKEN;
      else process.env.MPT_API_TOKEN = saved;
    }
  });

  test("throws an MPTError naming the variable when unset or empty", () => {
    delete process.env.MPT_TEST_TOKEN_MISSING;
    assert.throws(
      () => new EnvTokenAuthentication("MPT_TEST_TOKEN_MISSING"),
      (e: unknown) => e instanceof MPTError && /MPT_TEST_TOKEN_MISSING/.test(e.message),
    );
    process.env.MPT_TEST_TOKEN_EMPTY = "  ";
    try {
      assert.throws(
        () => new EnvTokenAuthentication("MPT_TEST_TOKEN_EMPTY"),
        /MPT_TEST_TOKEN_EMPTY is not set or empty/,
      );
    } finally {
      delete process.env.MPT_TEST_TOKEN_EMPTY;
    }
  });
});

describe("ExtensionFrameworkAuthentication options", () => {
  test("validates secret, accountId and leeway without echoing the secret", () => {
    assert.throws(
      () => new ExtensionFrameworkAuthentication({ secret: "" }),
      /secret of ExtensionFrameworkAuthentication/,
    );
    assert.throws(() => new ExtensionFrameworkAuthentication({ secret: "s", accountId: " " }), /accountId/);
    assert.throws(
      () => new ExtensionFrameworkAuthentication({ secret: "s", minRemainingValiditySeconds: -1 }),
      /minRemainingValiditySeconds/,
    );
    const auth = new ExtensionFrameworkAuthentication({ secret: "s", accountId: "ACC-1" });
    assert.equal(auth.minRemainingValiditySeconds, 60);
    assert.equal(auth.accountId, "ACC-1");
  });
});

describe("isAuthentication", () => {
  test("recognises providers", () => {
    assert.ok(isAuthentication(new BearerTokenAuthentication("x")));
    assert.ok(isAuthentication({ getAuthorization: async () => "Bearer x" }));
    assert.ok(!isAuthentication({}));
    assert.ok(!isAuthentication("Bearer x"));
    assert.ok(!isAuthentication(null));
    void ctx;
  });
});

describe("JWT decoding", () => {
  test("reads exp from the payload (base64url, unverified)", () => {
    const token = makeJwt({
      exp: 1_900_000_000,
      "https://claims.softwareone.com/accountId": "ACC-1",
      name: "Zoë ~~~???",
    });
    assert.equal(jwtExpiry(token), 1_900_000_000);
    assert.equal(decodeJwtPayload(token)?.name, "Zoë ~~~???");
  });

  test("undefined for opaque tokens, garbage and non-numeric exp", () => {
    assert.equal(jwtExpiry("idt:TKN-1:abc"), undefined);
    assert.equal(jwtExpiry("a.b.c"), undefined);
    assert.equal(jwtExpiry("a.!!!.c"), undefined);
    assert.equal(jwtExpiry(makeJwt({ exp: "soon" })), undefined);
    assert.equal(jwtExpiry(makeJwt({ sub: "x" })), undefined);
  });
});
