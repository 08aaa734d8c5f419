/**
 * Benchmark 6: how long a call takes to fail, with each library's defaults, against two loopback
 * failures: a closed port (connection refused) and a server that accepts the request and never
 * answers, called with a 300 ms timeout. `mpt-api-client`, openai-node and stripe-node run
 * interleaved round by round (medians of 5 rounds) in one process; the error class each raises
 * is reported beside its time. Target: the client fails in under 2 s and no slower than the
 * slower anchor.
 */
import { once } from "node:events";
import net from "node:net";
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
import OpenAI from "openai";
import Stripe from "stripe";
import { fmt, median, type Row, report, servers, TOKEN } from "../lib.js";

servers();
const ROUNDS = 5;
const TIMEOUT = 300;

async function closedPort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Accepts connections and reads requests, never answers. */
async function silentServer(): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("data", () => {});
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

type Side = (port: number, timeout: number | undefined) => Promise<unknown>;

const sides: Record<string, Side> = {
  "mpt-api-client": (port, timeout) => {
    const client = new MPTClient({
      baseUrl: `http://127.0.0.1:${port}`,
      authentication: new BearerTokenAuthentication(TOKEN),
    });
    return client.catalog.products.fetchPage(timeout === undefined ? {} : { timeout });
  },
  "openai-node": (port, timeout) => {
    const client = new OpenAI({ apiKey: "sk-bench", baseURL: `http://127.0.0.1:${port}/v1` });
    return client.models.list(timeout === undefined ? {} : { timeout });
  },
  "stripe-node": (port, timeout) => {
    const stripe = new Stripe("sk_test_bench", { host: "127.0.0.1", port, protocol: "http" });
    return stripe.customers.list({}, timeout === undefined ? {} : { timeout });
  },
};

/** Milliseconds until `side` rejects, and the class of what it rejected with. */
async function failure(side: Side, port: number, timeout: number | undefined) {
  const start = performance.now();
  try {
    await side(port, timeout);
  } catch (error) {
    // the built client's classes carry a bundler prefix in `constructor.name`
    const name = error instanceof Error ? error.constructor.name.replace(/^_/, "") : typeof error;
    return { ms: performance.now() - start, name };
  }
  throw new Error("expected the call to fail");
}

async function scenario(label: string, port: number, timeout: number | undefined): Promise<Row[]> {
  const times: Record<string, number[]> = {};
  const names: Record<string, string> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, side] of Object.entries(sides)) {
      const { ms, name: errorName } = await failure(side, port, timeout);
      const list = times[name] ?? [];
      list.push(ms);
      times[name] = list;
      names[name] = errorName;
    }
  }
  const med = (name: string) => median(times[name] ?? []);
  const client = med("mpt-api-client");
  const slowerAnchor = Math.max(med("openai-node"), med("stripe-node"));
  const data = Object.fromEntries(Object.keys(sides).map((name) => [name, med(name)]));
  const result = Object.keys(sides)
    .map((name) => `${name} ${fmt(med(name), 0)} ms (${names[name]})`)
    .join("; ");
  return [
    {
      bench: `6 failure: ${label}`,
      measure: "time to fail, median of 5 (error class)",
      value: result,
      target: "client < 2 000 ms and ≤ the slower anchor",
      pass: client < 2_000 && client <= slowerAnchor,
      data,
    },
  ];
}

const rows: Row[] = [];
rows.push(...(await scenario("closed port", await closedPort(), undefined)));
const silent = await silentServer();
try {
  rows.push(...(await scenario(`silent server, timeout ${TIMEOUT}`, silent.port, TIMEOUT)));
} finally {
  silent.close();
}
report(rows);
