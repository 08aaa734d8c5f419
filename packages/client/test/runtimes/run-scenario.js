/**
 * Entry of the runtime matrix for Node, Bun and Deno: imports the BUILT client from dist/, runs
 * the scenario against the sandbox named by the arguments `<baseUrl> <token>` and prints one JSON
 * line `{ runtime, version, facts }` (or `{ runtime, error }`) on stdout.
 */
import * as sdk from "../../dist/index.js";
import { runScenario } from "./scenario.js";

const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
const [baseUrl, token] = args;
const runtime = globalThis.Deno ? "deno" : globalThis.Bun ? "bun" : "node";
const version = globalThis.Deno?.version.deno ?? globalThis.Bun?.version ?? globalThis.process.versions.node;

try {
  const facts = await runScenario(sdk, { baseUrl, token });
  console.log(JSON.stringify({ runtime, version, facts }));
} catch (error) {
  console.log(JSON.stringify({ runtime, version, error: String(error?.stack ?? error) }));
}
