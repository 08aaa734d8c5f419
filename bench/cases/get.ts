/**
 * Benchmark 1: sequential `get` calls through the client versus the same requests through plain
 * `fetch` (same global dispatcher, same headers, body parsed as JSON). Three more sides show
 * where the difference comes from: plain `fetch` with `AbortSignal.timeout` (what a caller needs
 * to get the client's time budget); `fetch` called exactly as the client calls it but without
 * any client code (an AbortController with a timer, a `Headers` object with `User-Agent`,
 * `redirect: "manual"`, the body read as bytes); and the same GET through `node:http` with
 * Node's keep-alive agent, outside fetch. The sides alternate call by call, 5 000 calls each
 * after a warm-up, and the medians of the per-call latencies are compared, so that load from
 * other processes on the machine hits every side alike.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { client, fmt, median, PLAIN_HEADERS, report, servers } from "../lib.js";

const CALLS = 5_000;
const { url } = servers();
const products = client(url).catalog.products;
const target = `${url}/public/v1/catalog/products/PRD-1`;
const decoder = new TextDecoder();
const { version } = JSON.parse(
  readFileSync(new URL("../../packages/client/package.json", import.meta.url), "utf8"),
) as { version: string };
const clientHeaders = new Headers({
  "user-agent": `mpt-api-client-ts/${version}`,
  accept: "application/json",
});

async function plain(withTimeout: boolean): Promise<void> {
  const init: RequestInit = { headers: PLAIN_HEADERS };
  if (withTimeout) init.signal = AbortSignal.timeout(60_000);
  const res = await fetch(target, init);
  if (!res.ok) throw new Error(`status ${res.status}`);
  await res.json();
}

/** `fetch` with every option the client passes, and no client code around it. */
async function asTheClientCallsFetch(): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  const headers = new Headers(clientHeaders);
  headers.set("authorization", PLAIN_HEADERS.authorization);
  try {
    const res = await fetch(target, {
      method: "GET",
      headers,
      redirect: "manual",
      signal: controller.signal,
    });
    if (!res.ok) throw new Error(`status ${res.status}`);
    JSON.parse(decoder.decode(new Uint8Array(await res.arrayBuffer())));
  } finally {
    clearTimeout(timer);
  }
}

function viaNodeHttp(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { headers: PLAIN_HEADERS }, (res) => {
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

const sides: Array<[string, () => Promise<unknown>]> = [
  ["client", () => products.get("PRD-1")],
  ["fetch", () => plain(false)],
  ["fetch+timeout", () => plain(true)],
  ["fetch as the client calls it", asTheClientCallsFetch],
  ["node:http", viaNodeHttp],
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
const versus = (a: string, b: string) =>
  `${fmt(p50(a), 0)} vs ${fmt(p50(b), 0)} µs/call; ${fmt(p50(a) / p50(b), 3)}x`;
const ratio = p50("client") / p50("fetch");
report([
  {
    bench: "1 get x5000",
    measure: "client vs plain fetch (median latency)",
    value: versus("client", "fetch"),
    target: "<= 1.10x",
    pass: ratio <= 1.1,
    data: { clientUs: p50("client"), fetchUs: p50("fetch"), ratio, calls: CALLS },
  },
  {
    bench: "1 get x5000",
    measure: "client vs plain fetch + AbortSignal.timeout",
    value: versus("client", "fetch+timeout"),
    target: "-",
    pass: null,
    data: { fetchTimeoutUs: p50("fetch+timeout"), ratio: p50("client") / p50("fetch+timeout") },
  },
  {
    bench: "1 get x5000",
    measure: "fetch as the client calls it (no client code) vs plain fetch",
    value: versus("fetch as the client calls it", "fetch"),
    target: "-",
    pass: null,
    data: {
      asClientUs: p50("fetch as the client calls it"),
      ratio: p50("fetch as the client calls it") / p50("fetch"),
    },
  },
  {
    bench: "1 get x5000",
    measure: "node:http keep-alive GET vs plain fetch (outside fetch)",
    value: versus("node:http", "fetch"),
    target: "-",
    pass: null,
    data: { nodeHttpUs: p50("node:http"), ratio: p50("node:http") / p50("fetch") },
  },
]);
