/**
 * The client runs wherever fetch runs: its built CommonJS bundle is loaded in a fresh V8 context
 * that has only web-standard globals (no `process`, `Buffer`, `require`, `global`) and a browser
 * `navigator`, and a client made there sends a request and parses the answer through the given
 * fetch. A Node-only global touched at load or on a request fails this test.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const bundle = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.cjs");

/** Web-standard globals a browser or worker offers, taken from this process. */
const WEB_GLOBALS = [
  "AbortController",
  "AbortSignal",
  "Blob",
  "DOMException",
  "Event",
  "EventTarget",
  "FormData",
  "Headers",
  "ReadableStream",
  "Request",
  "Response",
  "TextDecoder",
  "TextEncoder",
  "TransformStream",
  "URL",
  "URLSearchParams",
  "WritableStream",
  "clearTimeout",
  "console",
  "queueMicrotask",
  "setTimeout",
  "structuredClone",
] as const;

test("the built client loads and sends a request with web globals only (browser-like)", async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
  const seen: Array<{ url: string; method: string; headers: Record<string, string> }> = [];
  const sandbox: Record<string, unknown> = {
    navigator: { userAgent: "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0" },
    fetch: async (input: string, init: RequestInit) => {
      seen.push({
        url: String(input),
        method: init.method ?? "GET",
        headers: Object.fromEntries(new Headers(init.headers)),
      });
      return Response.json({ id: "PRD-1234-5678", name: "Portable", $meta: { omitted: ["audit"] } });
    },
  };
  for (const name of WEB_GLOBALS) sandbox[name] = globalThis[name];
  const context = vm.createContext(sandbox);
  const module = { exports: {} as Record<string, unknown> };
  const load = vm.runInContext(`(function (module, exports) {${readFileSync(bundle, "utf8")}\n})`, context, {
    filename: bundle,
  }) as (m: typeof module, e: Record<string, unknown>) => void;
  load(module, module.exports);
  const sdk = module.exports as Record<string, new (...args: unknown[]) => unknown>;
  assert.equal(typeof sdk["MPTClient"], "function");

  const run = vm.runInContext(
    `(async function (sdk) {
      let refused = "";
      try {
        new sdk.MPTClient({
          baseUrl: "https://api.example.test/public",
          authentication: new sdk.BearerTokenAuthentication("idt:TKN-0000-0000:secret"),
        });
      } catch (error) {
        refused = error.message;
      }
      const client = new sdk.MPTClient({
        baseUrl: "https://api.example.test/public",
        authentication: new sdk.BearerTokenAuthentication("idt:TKN-0000-0000:secret"),
        dangerouslyAllowBrowser: true,
      });
      const product = await client.catalog.products.get("PRD-1234-5678", { select: ["name"] });
      const query = new sdk.RQLQuery({ status: "Published" }).toString();
      return JSON.stringify({ product, query, refused });
    })`,
    context,
  ) as (s: typeof sdk) => Promise<string>;
  const result = JSON.parse(await run(sdk)) as { product: unknown; query: string; refused: string };

  assert.deepEqual(result.product, { id: "PRD-1234-5678", name: "Portable" });
  assert.equal(result.query, "eq(status,'Published')");
  // an API token in a browser needs the explicit opt-in
  assert.match(result.refused, /dangerouslyAllowBrowser/);
  assert.equal(seen.length, 1);
  assert.equal(seen[0]?.url, "https://api.example.test/public/v1/catalog/products/PRD-1234-5678?select=name");
  assert.equal(seen[0]?.headers["authorization"], "Bearer idt:TKN-0000-0000:secret");
  // browsers own User-Agent: the client does not set it there
  assert.equal(seen[0]?.headers["user-agent"], undefined);
});
