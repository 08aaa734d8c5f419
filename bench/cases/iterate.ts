/**
 * Benchmark 2: every one of 50 000 records at pages of 100 and 1 000, every contender on the same
 * loopback server in one interleaved run: a plain sequential fetch loop (limit/offset pages,
 * `res.json()`), the same loop over raw `node:http` with a keep-alive agent, the client's
 * `iterate` on its Node and fetch transports, and the peers' own pagers (openai-node's
 * `CursorPage`, stripe-node's auto-pagination over a cursor-paged copy of the same records). The
 * server waits 3 ms per page and the consumer spends 10 µs per record. Rounds run every contender
 * once (order rotated per round); figures are the median over rounds with the spread of the
 * per-round ratios to the plain fetch loop.
 */
import http from "node:http";
import { client, fmt, median, PLAIN_HEADERS, type Row, report, servers, time, work } from "../lib.js";
import { openaiIterate, peers, stripeIterate } from "../peers.js";

const RECORDS = 50_000;
const WORK_US = 10;
const ROUNDS = 3;
const { url } = servers();
const viaNode = client(url, "node").catalog.products;
const viaFetch = client(url, "fetch").catalog.products;
const peer = peers(url);
const agent = new http.Agent({ keepAlive: true });

interface Page {
  data: { id?: string }[];
  $meta: { pagination: { total: number } };
}

function consume(id: string | undefined): void {
  if (id === undefined) throw new Error("record without id");
  work(WORK_US);
}

function check(name: string, n: number): void {
  if (n !== RECORDS) throw new Error(`${name} saw ${n} records`);
}

async function clientLoop(products: typeof viaNode, batchSize: number): Promise<void> {
  let n = 0;
  for await (const record of products.iterate({ batchSize })) {
    consume(record.id);
    n++;
  }
  check("iterate", n);
}

async function offsetLoop(batchSize: number, get: (pageUrl: string) => Promise<Page>): Promise<void> {
  let n = 0;
  for (let offset = 0; ; offset += batchSize) {
    const page = await get(`${url}/public/v1/catalog/products?limit=${batchSize}&offset=${offset}`);
    for (const record of page.data) {
      consume(record.id);
      n++;
    }
    if (offset + batchSize >= page.$meta.pagination.total) break;
  }
  check("plain loop", n);
}

async function fetchPage(pageUrl: string): Promise<Page> {
  const res = await fetch(pageUrl, { headers: PLAIN_HEADERS });
  return (await res.json()) as Page;
}

function nodeHttpPage(pageUrl: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const req = http.get(pageUrl, { headers: PLAIN_HEADERS, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Page));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

const SIDES: Array<[string, (batchSize: number) => Promise<unknown>]> = [
  ["fetch loop", (size) => offsetLoop(size, fetchPage)],
  ["node:http loop", (size) => offsetLoop(size, nodeHttpPage)],
  ["client (node)", (size) => clientLoop(viaNode, size)],
  ["client (fetch)", (size) => clientLoop(viaFetch, size)],
  ["openai-node", async (size) => check("openai", await openaiIterate(peer, size, consume))],
  ["stripe-node", async (size) => check("stripe", await stripeIterate(peer, size, consume))],
];

for (const [, run] of SIDES) await run(1_000);
const rows: Row[] = [];
for (const batchSize of [100, 1_000]) {
  const ms = new Map<string, number[]>(SIDES.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...SIDES.slice(round % SIDES.length), ...SIDES.slice(0, round % SIDES.length)];
    for (const [name, run] of round % 2 ? order.reverse() : order) {
      ms.get(name)?.push(await time(() => run(batchSize)));
    }
  }
  const base = ms.get("fetch loop") ?? [];
  const ratios = (name: string) => (ms.get(name) ?? []).map((v, i) => v / (base[i] ?? v));
  const stripeRatio = median(ratios("stripe-node"));
  const rawRatio = median(ratios("node:http loop"));
  for (const [name] of SIDES) {
    if (name === "fetch loop") continue;
    const r = ratios(name);
    const value = median(ms.get(name) ?? []);
    let target = "-";
    let pass: boolean | null = null;
    if (name === "client (node)") {
      target = "<= 1.00x, <= stripe-node's ratio";
      pass = median(r) <= 1 && median(r) <= stripeRatio;
    }
    rows.push({
      bench: `2 iterate 50k, page ${batchSize}`,
      measure: `${name} vs plain fetch loop`,
      value: `${fmt(value, 0)} vs ${fmt(median(base), 0)} ms; ${fmt(median(r), 2)}x (rounds ${fmt(Math.min(...r), 2)}–${fmt(Math.max(...r), 2)})${name === "client (node)" ? `; ${fmt(median(r) / rawRatio, 2)}x the node:http loop` : ""}`,
      target,
      pass,
      data: { ms: value, fetchMs: median(base), ratio: median(r), batchSize, records: RECORDS },
    });
  }
}
report(rows);
