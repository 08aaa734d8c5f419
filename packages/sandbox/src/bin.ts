#!/usr/bin/env node
/**
 * `mpt-sandbox`: starts the emulator on loopback and prints its URL and the personas' tokens.
 * Usage: mpt-sandbox [--port 8080] [--host 127.0.0.1] [--scale 1] [--seed mpt-sandbox] [--fixtures f.json]
 *                    [--data-dir DIR]
 *                    [--cors-origin origin]... [--allow-host name]...
 */
import { parseArgs } from "node:util";
import { startSandbox } from "./http/server.js";

const USAGE = `Usage: mpt-sandbox [options]

  --port <n>     port to listen on (default: a free port)
  --host <addr>  interface to bind (default: 127.0.0.1)
  --scale <n>    multiply the big collections (orders, charges, ...) by n (default: 1)
  --seed <text>  seed of the generated marketplace (default: mpt-sandbox)
  --fixtures <file.json>  load your own data (see the README's fixtures section)
  --data-dir <dir>        keep the state on disk there (journal + snapshot); a restart continues it
  --compact-every <n>     journal entries between two snapshots (default: 1000)
  --cors-origin <origin>  an origin a browser app may call the API from (repeatable;
                 'http://localhost:*' = any port, '*' = any; default: localhost origins)
  --allow-host <name>     a Host name the control plane answers for besides localhost and
                 IP addresses (repeatable), e.g. a Docker service name
  --expose-control-plane  with a non-loopback --host: leave /_sandbox/* without a token
  --json         print the URL and tokens as one JSON line
  -h, --help     show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      scale: { type: "string" },
      seed: { type: "string" },
      fixtures: { type: "string" },
      "data-dir": { type: "string" },
      "compact-every": { type: "string" },
      "cors-origin": { type: "string", multiple: true },
      "allow-host": { type: "string", multiple: true },
      "expose-control-plane": { type: "boolean" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const number = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
    return n;
  };
  const port = number("port", values.port);
  const scale = number("scale", values.scale);
  const compactEvery = number("compact-every", values["compact-every"]);
  const sandbox = await startSandbox({
    ...(port !== undefined ? { port } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.seed !== undefined ? { seed: values.seed } : {}),
    ...(values.fixtures !== undefined ? { fixtures: values.fixtures } : {}),
    ...(values["data-dir"] !== undefined ? { dataDir: values["data-dir"] } : {}),
    ...(compactEvery !== undefined ? { compactEvery: Math.max(1, compactEvery) } : {}),
    ...(values["cors-origin"] !== undefined ? { corsOrigins: values["cors-origin"] } : {}),
    ...(values["allow-host"] !== undefined ? { allowedHosts: values["allow-host"] } : {}),
    ...(values["expose-control-plane"] ? { exposeControlPlane: true } : {}),
  });
  const { tokens } = sandbox;
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: sandbox.url, tokens, accounts: sandbox.accounts })}\n`);
  } else {
    process.stdout.write(
      [
        `mpt-sandbox listening on ${sandbox.url}`,
        "",
        `  vendor token:     ${tokens.vendor}`,
        `  client token:     ${tokens.client}`,
        `  operations token: ${tokens.operations}`,
        `  extension secret: ${tokens.extension}`,
        "",
        `  export MPT_API_BASE_URL=${sandbox.url}`,
        `  export MPT_API_TOKEN='${tokens.vendor}'`,
        "",
        "Press Ctrl+C to stop.",
        "",
      ].join("\n"),
    );
  }
  const stop = () => {
    sandbox.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`mpt-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
