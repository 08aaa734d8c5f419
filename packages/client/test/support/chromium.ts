/**
 * A headless Chromium for tests: where its binary is (MPT_CHROMIUM, `chromium` on PATH,
 * /usr/bin/chromium: `.ci/run` installs Debian's), and `withPage`, which serves a page and the
 * files it imports from a loopback server and hands the loaded page to the test, and `openPage`
 * for a page served elsewhere (playwright-core).
 * The flags keep Chromium off the network: only the test's own loopback servers are reached.
 */
import { once } from "node:events";
import { accessSync, constants, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { delimiter, join } from "node:path";
import { chromium, type Page } from "playwright-core";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to use, or undefined when there is none. */
export function chromiumPath(): string | undefined {
  const explicit = process.env["MPT_CHROMIUM"];
  if (explicit) return executable(explicit) ? explicit : undefined;
  const onPath = (process.env["PATH"] ?? "").split(delimiter).map((dir) => join(dir, "chromium"));
  return [...onPath, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(executable);
}

export interface PageSite {
  /** The HTML served at `/`. */
  html: string;
  /** URL path (e.g. `/dist/index.js`) -> file served as JavaScript. */
  scripts: Record<string, string>;
}

/** Serves `site` on loopback, opens it in a fresh headless Chromium, runs `body` with the page. */
export async function withPage<T>(
  chromiumBinary: string,
  site: PageSite,
  body: (page: Page, origin: string) => Promise<T>,
): Promise<T> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const file = site.scripts[path];
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(site.html);
    } else if (file) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(file));
    } else {
      res.writeHead(404).end();
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await openPage(chromiumBinary, `${origin}/`, (page) => body(page, origin));
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

/** Opens `url` in a fresh headless Chromium and runs `body` with the loaded page. */
export async function openPage<T>(
  chromiumBinary: string,
  url: string,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await chromium.launch({ executablePath: chromiumBinary, headless: true, args: FLAGS });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(String(error)));
    await page.goto(url);
    try {
      return await body(page);
    } catch (error) {
      if (problems.length > 0 && error instanceof Error)
        error.message += `\npage errors:\n${problems.join("\n")}`;
      throw error;
    }
  } finally {
    await browser.close();
  }
}
