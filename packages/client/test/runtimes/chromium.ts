/**
 * The Chromium leg of the runtime matrix: a page whose module script imports the built ESM bundle
 * and scenario.js from its own origin, then runs the scenario against the sandbox's origin
 * (cross-origin: the sandbox's CORS answers the preflights).
 */
import { join } from "node:path";
import { withPage } from "../support/chromium.js";

const here = import.meta.dirname ?? new URL(".", import.meta.url).pathname;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>mpt-api-client runtime matrix</title></head>
<body>
<script type="module">
  import * as sdk from "/dist/index.js";
  import { runScenario } from "/scenario.js";
  window.runMatrix = async (baseUrl, token) => {
    let refused = "";
    try {
      new sdk.MPTClient({ baseUrl, authentication: new sdk.BearerTokenAuthentication(token) });
    } catch (error) {
      refused = error.message;
    }
    try {
      const facts = await runScenario(sdk, { baseUrl, token, allowBrowser: true });
      return { refused, userAgent: navigator.userAgent, report: { runtime: "chromium", version: navigator.userAgent, facts } };
    } catch (error) {
      return { refused, userAgent: navigator.userAgent, report: { runtime: "chromium", version: navigator.userAgent, error: String(error && error.stack || error) } };
    }
  };
</script>
</body></html>`;

export interface BrowserFacts {
  /** The message of the refusal without `dangerouslyAllowBrowser` ("" if none). */
  refused: string;
  userAgent: string;
  // biome-ignore lint/suspicious/noExplicitAny: the report is checked field by field by the test
  report: any;
}

export async function runInChromium(
  chromiumBinary: string,
  sandbox: { baseUrl: string; token: string },
): Promise<BrowserFacts> {
  const site = {
    html: PAGE,
    scripts: {
      "/dist/index.js": join(here, "..", "..", "dist", "index.js"),
      "/scenario.js": join(here, "scenario.js"),
    },
  };
  return withPage(chromiumBinary, site, async (page) => {
    await page.waitForFunction(() => "runMatrix" in window, undefined, { timeout: 30_000 });
    return page.evaluate(
      ([baseUrl, token]) =>
        (window as unknown as { runMatrix(u: string, t: string): Promise<BrowserFacts> }).runMatrix(
          baseUrl,
          token,
        ),
      [sandbox.baseUrl, sandbox.token] as const,
    );
  });
}
