/**
 * The browser guard: with a browser's `navigator`, a client holding an API token or an
 * extension's secret is refused unless `dangerouslyAllowBrowser: true`; a user JWT is accepted;
 * outside browsers nothing changes. The real-browser case runs in runtimes/matrix.test.ts.
 */
import assert from "node:assert/strict";
import { afterEach, beforeEach, test } from "node:test";
import {
  BearerTokenAuthentication,
  ExtensionFrameworkAuthentication,
  MPTClient,
  MPTError,
} from "mpt-api-client";

const BASE = "https://api.example.test";
const API_TOKEN = "idt:TKN-1234-5678:secret";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln";
const original = Object.getOwnPropertyDescriptor(globalThis, "navigator");

function browser(userAgent: string): void {
  Object.defineProperty(globalThis, "navigator", {
    value: { userAgent },
    configurable: true,
    writable: true,
  });
}

beforeEach(() => browser("Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0 Safari/537.36"));
afterEach(() => {
  if (original) Object.defineProperty(globalThis, "navigator", original);
  else Reflect.deleteProperty(globalThis, "navigator");
});

test("an API token in a browser is refused with a message naming the opt-in, not the token", () => {
  assert.throws(
    () => new MPTClient({ baseUrl: BASE, authentication: new BearerTokenAuthentication(API_TOKEN) }),
    (error: unknown) => {
      assert.ok(error instanceof MPTError);
      assert.match(error.message, /an API token in a browser/);
      assert.match(error.message, /dangerouslyAllowBrowser: true/);
      assert.doesNotMatch(error.message, /secret|TKN-1234/);
      return true;
    },
  );
});

test("an extension's secret in a browser is refused too", () => {
  const authentication = new ExtensionFrameworkAuthentication({ secret: API_TOKEN });
  assert.throws(() => new MPTClient({ baseUrl: BASE, authentication }), /an extension's secret in a browser/);
});

test("dangerouslyAllowBrowser: true lets the client be made", () => {
  const client = new MPTClient({
    baseUrl: BASE,
    authentication: new BearerTokenAuthentication(`Bearer ${API_TOKEN}`),
    dangerouslyAllowBrowser: true,
  });
  assert.equal(client.baseUrl, BASE);
});

test("a user JWT needs no opt-in", () => {
  assert.doesNotThrow(
    () => new MPTClient({ baseUrl: BASE, authentication: new BearerTokenAuthentication(JWT) }),
  );
});

test("outside browsers (Node, Deno, Bun user agents) nothing is asked", () => {
  for (const ua of ["Node.js/22", "Deno/2.9.6", "Bun/1.4.5"]) {
    browser(ua);
    assert.doesNotThrow(
      () => new MPTClient({ baseUrl: BASE, authentication: new BearerTokenAuthentication(API_TOKEN) }),
    );
  }
});

test("isApiToken tells an API token from a user JWT", () => {
  assert.equal(new BearerTokenAuthentication(API_TOKEN).isApiToken, true);
  assert.equal(new BearerTokenAuthentication(JWT).isApiToken, false);
});
