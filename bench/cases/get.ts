/**
 * Benchmark 1: sequential GETs of one product, every contender on the same loopback server in one
 * interleaved run: plain `fetch` (global dispatcher, `res.json()`), raw `node:http` with a
 * keep-alive agent (no SDK), the client on its Node transport (the default on Node) and on its
 * fetch transport, openai-node (`client.get`) and stripe-node (`rawRequest`). Rounds of calls
 * alternate the contenders call by call (order reversed every other call) after a warm-up; each
 * round gives a median latency per contender, and the figures are the median over rounds with
 * the spread (lowest to highest round), so load from other processes hits every side alike.
 * Beside latency, the process CPU time spent inside each contender's calls (`process.cpuUsage`
 * around each call), which load from other processes does not inflate.
 */
import http from "node:http";
import { client, fmt, median, PLAIN_HEADERS, type Row, report, servers } from "../lib.js";
import { openaiGet, peers, stripeGet } from "../peers.js";

const ROUNDS = 5;
const CALLS = 1_000;
const { url } = servers();
const target = `${url}/public/v1/catalog/products/PRD-1`;
const viaNode = client(url, "node").catalog.products;
const viaFetch = client(url, "fetch").catalog.products;
const peer = peers(url);
const agent = new http.Agent({ keepAlive: true });

async function plainFetch(): Promise<void> {
  const res = await fetch(target, { headers: PLAIN_HEADERS });
  if (!res.ok) throw new Error(`status ${res.status}`);
  await res.json();
}

function rawNodeHttp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { headers: PLAIN_HEADERS, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        JSON.parse(Buffer.concat(chunks).toString("utf8"));
        resolve();
      });
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const SIDES: Array<[string, () => Promise<unknown>]> = [
  ["fetch", plainFetch],
  ["node:http", rawNodeHttp],
  ["client (node)", () => viaNode.get("PRD-1")],
  ["client (fetch)", () => viaFetch.get("PRD-1")],
  ["openai-node", () => openaiGet(peer, "PRD-1")],
  ["stripe-node", () => stripeGet(peer, "PRD-1")],
];

for (let i = 0; i < 1_000; i++) for (const [, call] of SIDES) await call();
/** Per contender, the median latency (µs) of each round. */
const rounds = new Map<string, number[]>(SIDES.map(([name]) => [name, []]));
/** Per contender, CPU µs spent inside its calls, all rounds. */
const cpu = new Map<string, number>(SIDES.map(([name]) => [name, 0]));
for (let round = 0; round < ROUNDS; round++) {
  const latencies = new Map<string, number[]>(SIDES.map(([name]) => [name, []]));
  for (let i = 0; i < CALLS; i++) {
    for (const [name, call] of i % 2 === 0 ? SIDES : [...SIDES].reverse()) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await call();
      latencies.get(name)?.push((performance.now() - start) * 1000);
      const used = process.cpuUsage(cpuStart);
      cpu.set(name, (cpu.get(name) ?? 0) + used.user + used.system);
    }
  }
  for (const [name, values] of latencies) rounds.get(name)?.push(median(values));
}

const fetchRounds = rounds.get("fetch") ?? [];
/** Ratios to plain fetch, one per round (same round, same load). */
const ratios = (name: string) => (rounds.get(name) ?? []).map((us, i) => us / (fetchRounds[i] ?? us));
const spread = (values: number[]) => `${fmt(Math.min(...values), 2)}–${fmt(Math.max(...values), 2)}`;
const cpuPerCall = (name: string) => (cpu.get(name) ?? 0) / (ROUNDS * CALLS);
const rows: Row[] = [];
const peerBest = Math.min(median(ratios("openai-node")), median(ratios("stripe-node")));
for (const [name] of SIDES) {
  if (name === "fetch") continue;
  const r = ratios(name);
  const us = median(rounds.get(name) ?? []);
  let target = "-";
  let pass: boolean | null = null;
  if (name === "client (node)") {
    target = "<= 0.90x fetch, < every peer";
    pass = median(r) <= 0.9 && median(r) < peerBest;
  } else if (name === "client (fetch)") {
    target = "no slower than before (1.12–1.20x)";
    pass = median(r) <= 1.2;
  }
  rows.push({
    bench: `1 get ${ROUNDS}x${CALLS}`,
    measure: `${name} vs plain fetch (median latency)`,
    value: `${fmt(us, 0)} vs ${fmt(median(fetchRounds), 0)} µs/call; ${fmt(median(r), 2)}x (rounds ${spread(r)}); CPU ${fmt(cpuPerCall(name), 0)} vs ${fmt(cpuPerCall("fetch"), 0)} µs, ${fmt(cpuPerCall(name) / cpuPerCall("fetch"), 2)}x`,
    target,
    pass,
    data: {
      us,
      fetchUs: median(fetchRounds),
      ratio: median(r),
      min: Math.min(...r),
      max: Math.max(...r),
      cpuUs: cpuPerCall(name),
      fetchCpuUs: cpuPerCall("fetch"),
    },
  });
}
report(rows);
