/**
 * Helpers of the type tests: `Equal` / `expectType` assertions checked by `tsc`, and a client
 * whose calls are never sent (the examples are only compiled).
 */
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";

export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function expectType<T extends true>(_: T): void {}

export const client = new MPTClient({
  baseUrl: "https://api.example.test",
  authentication: new BearerTokenAuthentication("t"),
  fetch: async () => Response.json({}),
});
