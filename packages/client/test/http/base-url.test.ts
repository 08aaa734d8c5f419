/** resolveBaseUrl: normalisation of the API root and the errors naming MPT_API_BASE_URL. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MPTError } from "../../src/errors.js";
import { resolveBaseUrl } from "../../src/http/base-url.js";
import { readEnv } from "../../src/http/env.js";

describe("resolveBaseUrl", () => {
  const cases: Array<[string, string]> = [
    ["https://api.s1.show/public", "https://api.s1.show"],
    ["https://api.s1.show/public/", "https://api.s1.show"],
    ["https://api.s1.show/public/v1", "https://api.s1.show"],
    ["https://api.s1.show/public/v1/", "https://api.s1.show"],
    ["https://api.s1.show/public/v1//", "https://api.s1.show"],
    ["https://api.s1.show/", "https://api.s1.show"],
    ["https://api.s1.show", "https://api.s1.show"],
    ["  https://api.s1.show/public  ", "https://api.s1.show"],
    ["http://127.0.0.1:8080/public/v1", "http://127.0.0.1:8080"],
    ["https://proxy.example.com/mpt/public/v1/", "https://proxy.example.com/mpt"],
    ["https://proxy.example.com/mpt/", "https://proxy.example.com/mpt"],
    ["https://proxy.example.com/publicity", "https://proxy.example.com/publicity"],
    ["HTTPS://API.Example.COM/Public/V1", "https://api.example.com"],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} -> ${expected}`, () => {
      assert.equal(resolveBaseUrl(input, undefined), expected);
    });
  }

  test("falls back to the environment value", () => {
    assert.equal(resolveBaseUrl(undefined, "https://env.example.com/public"), "https://env.example.com");
    assert.equal(resolveBaseUrl("", "https://env.example.com"), "https://env.example.com");
  });

  test("the option wins over the environment", () => {
    assert.equal(resolveBaseUrl("https://a.example.com", "https://b.example.com"), "https://a.example.com");
  });

  test("reads MPT_API_BASE_URL from process.env by default", () => {
    const saved = process.env.MPT_API_BASE_URL;
    process.env.MPT_API_BASE_URL = "https://from-env.example.com/public/v1";
    try {
      assert.equal(resolveBaseUrl(), "https://from-env.example.com");
    } finally {
      if (saved === undefined) delete process.env.MPT_API_BASE_URL;
      else process.env.MPT_API_BASE_URL = saved;
    }
  });

  const invalid: Array<[string | undefined, RegExp]> = [
    [undefined, /not set/],
    ["   ", /not set/],
    ["api.s1.show", /not an absolute URL/],
    ["/public/v1", /not an absolute URL/],
    ["ftp://api.s1.show", /scheme must be http or https/],
    ["https://user:pw@api.s1.show", /credentials/],
    ["https://api.s1.show/public?x=1", /query string/],
  ];
  for (const [input, reason] of invalid) {
    test(`rejects ${JSON.stringify(input)} with an MPTError naming MPT_API_BASE_URL`, () => {
      assert.throws(
        () => resolveBaseUrl(input, undefined),
        (error: unknown) => {
          assert.ok(error instanceof MPTError);
          assert.match(error.message, /MPT_API_BASE_URL/);
          assert.match(error.message, reason);
          assert.match(error.message, /Pass `baseUrl`/);
          assert.doesNotMatch(error.message, /pw/);
          return true;
        },
      );
    });
  }

  test("an invalid environment value is reported as coming from MPT_API_BASE_URL", () => {
    assert.throws(() => resolveBaseUrl(undefined, "nope"), /\(MPT_API_BASE_URL\)/);
  });
});

describe("readEnv", () => {
  test("survives a runtime without process (browsers)", () => {
    const saved = globalThis.process;
    // simulate a browser global scope
    Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
    try {
      assert.equal(readEnv("MPT_API_BASE_URL"), undefined);
      assert.throws(() => resolveBaseUrl(), /MPT_API_BASE_URL/);
    } finally {
      Object.defineProperty(globalThis, "process", { value: saved, configurable: true, writable: true });
    }
  });

  test("uses Deno.env when there is no process.env entry", () => {
    const host = globalThis as { Deno?: unknown };
    host.Deno = { env: { get: (name: string) => (name === "X_DENO_ONLY" ? "yes" : undefined) } };
    try {
      assert.equal(readEnv("X_DENO_ONLY"), "yes");
    } finally {
      delete host.Deno;
    }
  });
});
