/**
 * Benchmark 1: sequential `get` calls through the client versus the same requests through plain
 * `fetch` (same global dispatcher, same headers, body parsed as JSON), and versus plain `fetch`
 * with a timeout signal (`AbortSignal.timeout`: what a caller needs to get the client's time
 * budget). The three alternate call by call, 5 000 calls each after a warm-up, and the medians
 * of the per-call latencies are compared, so that load from other processes on the machine hits
 * every side alike.
 */
import { client, fmt, median, PLAIN_HEADERS, report, servers } from "../lib.js";

const CALLS = 5_000;
const { url } = servers();
const products = client(url).catalog.products;
const target = `${url}/public/v1/catalog/products/PRD-1`;

async function plain(withTimeout: boolean): Promise<void> {
  const init: RequestInit = { headers: PLAIN_HEADERS };
  if (withTimeout) init.signal = AbortSignal.timeout(60_000);
  const res = await fetch(target, init);
  if (!res.ok) throw new Error(`status ${res.status}`);
  await res.json();
}

const sides: Array<[string, () => Promise<unknown>]> = [
  ["client", () => products.get("PRD-1")],
  ["fetch", () => plain(false)],
  ["fetch+timeout", () => plain(true)],
];
for (let i = 0; i < 1_000; i++) for (const [, call] of sides) await call();
const latencies = new Map<string, number[]>(sides.map(([name]) => [name, []]));
for (let i = 0; i < CALLS; i++) {
  for (const [name, call] of i % 2 === 0 ? sides : [...sides].reverse()) {
    const start = performance.now();
    await call();
    latencies.get(name)?.push((performance.now() - start) * 1000);
  }
}
const p50 = (name: string) => median(latencies.get(name) ?? []);
const ratio = p50("client") / p50("fetch");
const ratioTimeout = p50("client") / p50("fetch+timeout");
report([
  {
    bench: "1 get x5000",
    measure: "client vs plain fetch (median latency)",
    value: `${fmt(p50("client"), 0)} vs ${fmt(p50("fetch"), 0)} µs/call; ${fmt(ratio, 3)}x`,
    target: "<= 1.10x",
    pass: ratio <= 1.1,
    data: { clientUs: p50("client"), fetchUs: p50("fetch"), ratio, calls: CALLS },
  },
  {
    bench: "1 get x5000",
    measure: "client vs plain fetch + AbortSignal.timeout",
    value: `${fmt(p50("client"), 0)} vs ${fmt(p50("fetch+timeout"), 0)} µs/call; ${fmt(ratioTimeout, 3)}x`,
    target: "-",
    pass: null,
    data: { fetchTimeoutUs: p50("fetch+timeout"), ratio: ratioTimeout },
  },
]);
