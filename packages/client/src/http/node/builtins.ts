/**
 * The Node modules of the Node transport, loaded at run time through `process.getBuiltinModule`
 * (Node >= 20.16), so that the shared bundle has no static `node:` import: it still loads where
 * only web globals exist and bundles for browsers without shims.
 */
import type * as Http from "node:http";
import type * as Https from "node:https";
import type * as Stream from "node:stream";
import type * as Zlib from "node:zlib";
import { MPTError } from "../../errors.js";

export interface NodeBuiltins {
  http: typeof Http;
  https: typeof Https;
  stream: typeof Stream;
  zlib: typeof Zlib;
}

interface NodeProcess {
  versions?: { node?: string; bun?: string; deno?: string };
  getBuiltinModule?: (id: string) => unknown;
}

function nodeProcess(): NodeProcess | undefined {
  return (globalThis as { process?: NodeProcess }).process;
}

/** True on Node itself (not Bun or Deno, whose fetch is their fast path) with `getBuiltinModule`. */
export function isNodeRuntime(): boolean {
  const proc = nodeProcess();
  const versions = proc?.versions;
  return (
    typeof proc?.getBuiltinModule === "function" &&
    typeof versions?.node === "string" &&
    versions.bun === undefined &&
    versions.deno === undefined
  );
}

let loaded: NodeBuiltins | undefined;

/** The modules, or an MPTError saying why the Node transport cannot run here. */
export function nodeBuiltins(): NodeBuiltins {
  if (loaded) return loaded;
  const proc = nodeProcess();
  if (typeof proc?.getBuiltinModule !== "function") {
    throw new MPTError(
      'The "node" transport needs Node.js >= 20.16 (process.getBuiltinModule); use transport "fetch" here',
    );
  }
  const load = (id: string) => proc.getBuiltinModule?.(id);
  loaded = {
    http: load("node:http") as typeof Http,
    https: load("node:https") as typeof Https,
    stream: load("node:stream") as typeof Stream,
    zlib: load("node:zlib") as typeof Zlib,
  };
  return loaded;
}
