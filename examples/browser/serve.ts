/**
 * The sandbox from a browser page: starts a sandbox and serves index.html, the client's ESM build
 * and the sandbox's URL and token on another port. The page calls the sandbox cross-origin (the
 * sandbox answers CORS). Open the printed URL in a browser; Ctrl-C stops both.
 * Run: npx tsx examples/browser/serve.ts [port]
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { startSandbox } from "mpt-sandbox";

const sandbox = await startSandbox({ port: 0 });
const page = readFileSync(new URL("index.html", import.meta.url));
// the package's ESM entry (dist/index.js), as a bundler or an import map would provide it
const bundle = readFileSync(fileURLToPath(import.meta.resolve("mpt-api-client")));
const config = JSON.stringify({ baseUrl: sandbox.url, token: sandbox.tokens.vendor });

const server = http.createServer((req, res) => {
  if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  else if (req.url === "/mpt-api-client.js")
    res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
  else if (req.url === "/config.json") res.writeHead(200, { "content-type": "application/json" }).end(config);
  else res.writeHead(404).end();
});
server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  console.log(`open http://127.0.0.1:${(server.address() as AddressInfo).port}/ (sandbox at ${sandbox.url})`);
});

process.on("SIGINT", () => {
  server.close();
  void sandbox.close().then(() => process.exit(0));
});
process.on("SIGTERM", () => process.emit("SIGINT"));
