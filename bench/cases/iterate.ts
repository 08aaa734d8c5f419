/**
 * Benchmark 2: `iterate` over 50 000 records at page sizes 100 and 1 000 versus a plain
 * sequential fetch loop over the same pages. The server waits a few milliseconds per page and the
 * consumer spends 10 µs per record, so fetching the next page while the caller consumes the
 * current one pays off. Each side runs five times, interleaved; the best run counts (load from
 * other processes on the machine only ever adds time).
 */
import { client, fmt, PLAIN_HEADERS, type Row, report, servers, time, work } from "../lib.js";

const RECORDS = 50_000;
const WORK_US = 10;
const RUNS = 5;
const { url } = servers();
const products = client(url).catalog.products;

async function viaClient(batchSize: number): Promise<void> {
  let n = 0;
  for await (const record of products.iterate({ batchSize })) {
    if (record.id === undefined) throw new Error("record without id");
    work(WORK_US);
    n++;
  }
  if (n !== RECORDS) throw new Error(`iterate yielded ${n} records`);
}

async function viaFetch(batchSize: number): Promise<void> {
  let n = 0;
  for (let offset = 0; ; offset += batchSize) {
    const res = await fetch(`${url}/public/v1/catalog/products?limit=${batchSize}&offset=${offset}`, {
      headers: PLAIN_HEADERS,
    });
    const page = (await res.json()) as { data: { id?: string }[]; $meta: { pagination: { total: number } } };
    for (const record of page.data) {
      if (record.id === undefined) throw new Error("record without id");
      work(WORK_US);
      n++;
    }
    if (offset + batchSize >= page.$meta.pagination.total) break;
  }
  if (n !== RECORDS) throw new Error(`plain loop saw ${n} records`);
}

const rows: Row[] = [];
await viaClient(1_000);
await viaFetch(1_000);
for (const batchSize of [100, 1_000]) {
  const a: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) {
      a.push(await time(() => viaClient(batchSize)));
      b.push(await time(() => viaFetch(batchSize)));
    } else {
      b.push(await time(() => viaFetch(batchSize)));
      a.push(await time(() => viaClient(batchSize)));
    }
  }
  const clientMs = Math.min(...a);
  const fetchMs = Math.min(...b);
  rows.push({
    bench: `2 iterate 50k, page ${batchSize}`,
    measure: "client vs plain sequential loop (best of 5)",
    value: `${fmt(clientMs, 0)} vs ${fmt(fetchMs, 0)} ms (${fmt(RECORDS / (clientMs / 1000), 0)} rec/s; ${fmt(fetchMs / clientMs, 2)}x faster)`,
    target: "client faster",
    pass: clientMs < fetchMs,
    data: { clientMs, fetchMs, batchSize, records: RECORDS, workMicros: WORK_US },
  });
}
report(rows);
