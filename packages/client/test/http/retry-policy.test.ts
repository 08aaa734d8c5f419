/** Backoff, Retry-After parsing, and which failures each method may retry. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MPTAuthenticationError, MPTConnectionError, MPTError, MPTTimeoutError } from "../../src/errors.js";
import { backoffDelay, parseRetryAfter } from "../../src/http/backoff.js";
import { errorCodes, failedBeforeSending } from "../../src/http/network-errors.js";
import {
  isRetryableAuthFailure,
  isRetryableNetworkFailure,
  isRetryableStatus,
} from "../../src/http/retry-policy.js";
import { networkFailure } from "./support.js";

describe("backoffDelay", () => {
  test("grows exponentially up to the cap, with full jitter", () => {
    assert.equal(
      backoffDelay(0, 500, 8000, () => 0.999),
      499,
    );
    assert.equal(
      backoffDelay(3, 500, 8000, () => 0.5),
      2000,
    );
    assert.equal(
      backoffDelay(10, 500, 8000, () => 0.999),
      7992,
    );
    assert.equal(
      backoffDelay(4, 500, 8000, () => 0),
      0,
    );
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  test("delta seconds", () => {
    assert.equal(parseRetryAfter("3", now), 3000);
    assert.equal(parseRetryAfter(" 0 ", now), 0);
    assert.equal(parseRetryAfter("1.5", now), 1500);
  });
  test("HTTP date", () => {
    assert.equal(parseRetryAfter("Wed, 01 Jan 2025 00:00:05 GMT", now), 5000);
    assert.equal(parseRetryAfter("Tue, 31 Dec 2024 23:59:00 GMT", now), 0);
  });
  test("absent or unreadable", () => {
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter("", now), undefined);
    assert.equal(parseRetryAfter("-1", now), undefined);
    assert.equal(parseRetryAfter("soon", now), undefined);
  });
});

describe("retry policy", () => {
  test("idempotent methods retry 429/502/503/504 only", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]) {
      for (const status of [429, 502, 503, 504]) assert.ok(isRetryableStatus(method, status, false));
      for (const status of [400, 401, 404, 409, 500, 501])
        assert.ok(!isRetryableStatus(method, status, true));
    }
  });
  test("POST and PATCH retry only 429/503 with Retry-After", () => {
    for (const method of ["POST", "PATCH"]) {
      assert.ok(isRetryableStatus(method, 429, true));
      assert.ok(isRetryableStatus(method, 503, true));
      assert.ok(!isRetryableStatus(method, 429, false));
      assert.ok(!isRetryableStatus(method, 503, false));
      assert.ok(!isRetryableStatus(method, 502, true));
      assert.ok(!isRetryableStatus(method, 504, true));
    }
  });
  test("network failures: POST only when the request never left", () => {
    assert.ok(isRetryableNetworkFailure("GET", false));
    assert.ok(!isRetryableNetworkFailure("POST", false));
    assert.ok(isRetryableNetworkFailure("POST", true));
  });
  test("connect-phase codes prove the request was not sent", () => {
    assert.ok(failedBeforeSending(networkFailure("ECONNREFUSED")));
    assert.ok(failedBeforeSending(networkFailure("ENOTFOUND")));
    assert.ok(failedBeforeSending(networkFailure("EAI_AGAIN")));
    assert.ok(!failedBeforeSending(networkFailure("ECONNRESET")));
    assert.ok(!failedBeforeSending(networkFailure("UND_ERR_SOCKET")));
    assert.ok(!failedBeforeSending(new TypeError("terminated")));
    const aggregate = new TypeError("fetch failed", {
      cause: Object.assign(new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })]), {
        code: "ECONNREFUSED",
      }),
    });
    assert.deepEqual(errorCodes(aggregate), ["ECONNREFUSED", "ECONNREFUSED"]);
    assert.ok(failedBeforeSending(aggregate));
  });
  test("auth provider failures: transient ones only", () => {
    assert.ok(isRetryableAuthFailure(new MPTConnectionError("x")));
    assert.ok(isRetryableAuthFailure(new MPTAuthenticationError("x", 503)));
    assert.ok(
      isRetryableAuthFailure(
        new MPTAuthenticationError("x", undefined, { cause: new MPTTimeoutError("POST", "/p", 1) }),
      ),
    );
    assert.ok(!isRetryableAuthFailure(new MPTAuthenticationError("x", 401)));
    assert.ok(!isRetryableAuthFailure(new MPTAuthenticationError("x", 201)));
    assert.ok(!isRetryableAuthFailure(new MPTError("x")));
  });
});
