/**
 * Benchmark 1b: the client's own CPU cost per `get`, without a network. The same in-process fetch
 * (a ready `Response`) serves the client and a plain `fetch`-then-`json()` call; the difference
 * per call is what the client adds (transport, auth, engine). Interleaved rounds, best round
 * counts: this figure hardly moves with the load of the machine, unlike the loopback benchmark.
 */
import { BearerTokenAuthentication, MPTClient } from "mpt-api-client";
import { fmt, report, servers } from "../lib.js";

servers();
const body = new TextEncoder().encode(
  JSON.stringify({
    id: "PRD-0000-0001",
    name: "Product 1",
    status: "Published",
    vendor: { id: "ACC-1234-5678", name: "Vendor Ltd" },
    audit: { created: { at: "2025-01-01T10:00:00.000Z", by: { id: "USR-0000-0001" } } },
  }),
);
const inProcess = async (_input: string | URL | Request, _init?: RequestInit): Promise<Response> =>
  new Response(body, { status: 200, headers: { "content-type": "application/json" } });
const products = new MPTClient({
  baseUrl: "http://127.0.0.1:9",
  authentication: new BearerTokenAuthentication("idt:TKN-1111-2222:bench"),
  fetch: inProcess,
}).catalog.products;

const PER_ROUND = 2_000;
const ROUNDS = 15;

async function viaClient(): Promise<void> {
  for (let i = 0; i < PER_ROUND; i++) await products.get("PRD-0000-0001");
}

async function viaFetch(): Promise<void> {
  for (let i = 0; i < PER_ROUND; i++) {
    const res = await inProcess("http://127.0.0.1:9/public/v1/catalog/products/PRD-0000-0001", {
      headers: { authorization: "Bearer x", accept: "application/json" },
    });
    await res.json();
  }
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function round(fn: () => Promise<void>): Promise<number> {
  const start = cpuMicros();
  await fn();
  return (cpuMicros() - start) / PER_ROUND;
}

const client: number[] = [];
const plain: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  client.push(await round(viaClient));
  plain.push(await round(viaFetch));
}
// the first rounds warm the JIT up
const clientUs = Math.min(...client.slice(3));
const plainUs = Math.min(...plain.slice(3));
report([
  {
    bench: "1b get, no network",
    measure: "CPU per call: client vs plain fetch+json (in-process fetch)",
    value: `${fmt(clientUs)} vs ${fmt(plainUs)} µs; client adds ${fmt(clientUs - plainUs)} µs`,
    target: "-",
    pass: null,
    data: { clientUs, plainUs, addedUs: clientUs - plainUs },
  },
]);
