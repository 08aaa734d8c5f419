/**
 * Calling client services by name in surface tests (parity, OpenAPI coverage): a method looked up
 * at run time, and draining whatever it returns (a promise or an async iterable) so the request
 * is sent.
 */
import assert from "node:assert/strict";

type Callable = (...args: unknown[]) => unknown;
export type Obj = Record<string, unknown>;

/** Dummy id of a parameter: `__productId__`, turned back into `{productId}` by `template`. */
export const dummy = (param: string) => `__${param}__`;
export const template = (path: string) => path.replace(/__(\w+?)__/g, "{$1}");

export async function drain(value: unknown): Promise<void> {
  if (value && typeof value === "object" && Symbol.asyncIterator in value) {
    for await (const _ of value as AsyncIterable<unknown>) break;
  } else {
    await value;
  }
}

/** `target[name](...args)`, failing the test when there is no such method. */
export function call(target: unknown, name: string, ...args: unknown[]): unknown {
  const fn = (target as Obj)[name];
  assert.equal(typeof fn, "function", `missing method ${name}`);
  return (fn as Callable).apply(target, args);
}
