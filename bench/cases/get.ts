/**
 * Benchmark 1: sequential `get` calls through the client versus the same requests through plain
 * `fetch` (same global dispatcher, same headers, body parsed as JSON). The calls run in many
 * short interleaved rounds and the ratio is the median of the per-round ratios, so that load
 * from other processes on the machine hits both sides alike.
 */
import { client, fmt, median, PLAIN_HEADERS, report, servers, time } from "../lib.js";

const CALLS = 5_000;
const ROUNDS = 50;
const { url } = servers();
const products = client(url).catalog.products;
const target = `${url}/public/v1/catalog/products/PRD-1`;

async function viaClient(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await products.get("PRD-1");
}

async function viaFetch(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await fetch(target, { headers: PLAIN_HEADERS });
    if (!res.ok) throw new Error(`status ${res.status}`);
    await res.json();
  }
}

await viaClient(1_000);
await viaFetch(1_000);
let clientMs = 0;
let fetchMs = 0;
const ratios: number[] = [];
const perRound = CALLS / ROUNDS;
for (let round = 0; round < ROUNDS; round++) {
  let a: number;
  let b: number;
  if (round % 2 === 0) {
    a = await time(() => viaClient(perRound));
    b = await time(() => viaFetch(perRound));
  } else {
    b = await time(() => viaFetch(perRound));
    a = await time(() => viaClient(perRound));
  }
  clientMs += a;
  fetchMs += b;
  ratios.push(a / b);
}
const ratio = median(ratios);
const us = (ms: number) => fmt((ms / CALLS) * 1000, 0);
report([
  {
    bench: "1 get x5000",
    measure: "client vs plain fetch (median round ratio)",
    value: `${us(clientMs)} vs ${us(fetchMs)} µs/call; ${fmt(ratio, 3)}x`,
    target: "<= 1.10x",
    pass: ratio <= 1.1,
    data: { clientMs, fetchMs, ratio, totalRatio: clientMs / fetchMs, calls: CALLS },
  },
]);
