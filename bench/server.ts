/**
 * The loopback API of the benchmarks, run in its own process so that its work and memory never
 * count against the client being measured. Fast canned answers: single products, product pages
 * (with a small per-page latency), the same products as a cursor-paged list for the peer SDKs
 * (`/v1/products`, Stripe's and OpenAI's list shape), JSONL charges (`STM-<thousands>`), document downloads
 * (`DOC-<megabytes>`) and an upload sink. An admin listener on a second port reports and resets
 * the socket/request counters.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

/** Records of the paged dataset (`/catalog/products`) and of the small one (`/catalog/listings`). */
const PRODUCTS = 50_000;
const LISTINGS = 2_000;
const PAGE_LATENCY_MS = Number(process.env["BENCH_PAGE_LATENCY_MS"] ?? 3);

function product(i: number): string {
  const n = String(i).padStart(8, "0");
  return JSON.stringify({
    id: `PRD-${n.slice(0, 4)}-${n.slice(4)}`,
    name: `Product ${i}`,
    status: i % 7 === 0 ? "Draft" : "Published",
    vendor: { id: "ACC-1234-5678", name: "Vendor Ltd", icon: "/static/ACC-1234-5678/icon.png" },
    settings: { productOrdering: true, itemSelection: i % 2 === 0 },
    audit: { created: { at: "2025-01-01T10:00:00.000Z", by: { id: "USR-0000-0001" } } },
  });
}

const records = Array.from({ length: PRODUCTS }, (_, i) => product(i));
const pages = new Map<string, Buffer>();

function page(total: number, limit: number, offset: number): Buffer {
  const key = `${total}:${limit}:${offset}`;
  let body = pages.get(key);
  if (!body) {
    const data = records.slice(offset, Math.min(offset + limit, total)).join(",");
    body = Buffer.from(
      `{"$meta":{"pagination":{"offset":${offset},"limit":${limit},"total":${total}}},"data":[${data}]}`,
    );
    pages.set(key, body);
  }
  return body;
}

const cursorPages = new Map<string, Buffer>();

/** Index of the record after `cursor` (a product id), 0 without one. */
function afterCursor(cursor: string | null): number {
  if (!cursor) return 0;
  return Number(cursor.replace(/\D/g, "")) + 1;
}

/** A page of `/v1/products` as Stripe and OpenAI page: `{ data, has_more }`, next after the last id. */
function cursorPage(limit: number, start: number): Buffer {
  const key = `${limit}:${start}`;
  let body = cursorPages.get(key);
  if (!body) {
    const end = Math.min(start + limit, PRODUCTS);
    const data = records.slice(start, end).join(",");
    body = Buffer.from(
      `{"object":"list","url":"/v1/products","has_more":${end < PRODUCTS},"data":[${data}]}`,
    );
    cursorPages.set(key, body);
  }
  return body;
}

/** 1 000 JSONL lines of statement charges, repeated to make the stream. */
const chargeBlock = Buffer.from(
  Array.from(
    { length: 1_000 },
    (_, i) =>
      `${JSON.stringify({
        id: `CHG-${String(i).padStart(6, "0")}`,
        externalIds: { vendor: `V-${i}`, invoice: "INV-1", reference: "REF-1" },
        period: { start: "2025-01-01", end: "2025-01-31" },
        price: { unitPP: 12.5, PPx1: 12.5 },
        quantity: 1 + (i % 5),
        description: { value1: "Seat licence", value2: "" },
      })}\n`,
  ).join(""),
);
const downloadBlock = Buffer.alloc(1024 * 1024, 0x61);

let connections = 0;
let requests = 0;
let uploadedBytes = 0;

function json(res: http.ServerResponse, body: Buffer | string, extra: http.OutgoingHttpHeaders = {}) {
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...extra,
  });
  res.end(body);
}

/** Writes `count` copies of `block` honouring backpressure. */
function writeRepeated(res: http.ServerResponse, block: Buffer, count: number): void {
  let left = count;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!res.write(block)) {
        res.once("drain", pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
  requests++;
  const url = new URL(req.url ?? "/", "http://bench");
  const path = url.pathname;
  const limit = Number(url.searchParams.get("limit") ?? 100);
  const offset = Number(url.searchParams.get("offset") ?? 0);
  if (req.method === "POST") {
    req.on("data", (chunk: Buffer) => {
      uploadedBytes += chunk.length;
    });
    req.on("end", () => json(res, JSON.stringify({ id: "DOC-0000-0001", size: uploadedBytes })));
    return;
  }
  if (path === "/public/v1/catalog/products" || path === "/public/v1/catalog/listings") {
    const total = path.endsWith("products") ? PRODUCTS : LISTINGS;
    setTimeout(() => json(res, page(total, limit, offset)), PAGE_LATENCY_MS);
    return;
  }
  if (path === "/v1/products") {
    const start = afterCursor(url.searchParams.get("starting_after") ?? url.searchParams.get("after"));
    setTimeout(() => json(res, cursorPage(limit, start)), PAGE_LATENCY_MS);
    return;
  }
  // STM-<n>: n thousand JSONL charges
  const charges = /^\/public\/v1\/billing\/statements\/STM-(\d+)\/charges$/.exec(path);
  if (charges) {
    res.writeHead(200, { "content-type": "application/jsonl" });
    writeRepeated(res, chargeBlock, Number(charges[1]));
    return;
  }
  // DOC-<n>: a file of n MB
  const download = /^\/public\/v1\/catalog\/products\/PRD-1\/documents\/DOC-(\d+)$/.exec(path);
  if (download) {
    const megabytes = Number(download[1]);
    res.writeHead(200, {
      "content-type": "application/pdf",
      "content-length": megabytes * downloadBlock.length,
      "content-disposition": 'attachment; filename="big.pdf"',
    });
    writeRepeated(res, downloadBlock, megabytes);
    return;
  }
  if (path.startsWith("/public/v1/catalog/products/")) {
    json(res, records[1] ?? "{}");
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: 404, title: "Not Found" }));
}

const api = http.createServer({ keepAliveTimeout: 60_000 }, handle);
api.on("connection", () => {
  connections++;
});
const admin = http.createServer((req, res) => {
  const snapshot = JSON.stringify({ connections, requests, uploadedBytes });
  if (req.url === "/reset") {
    connections = 0;
    requests = 0;
    uploadedBytes = 0;
  }
  res.writeHead(200, { "content-type": "application/json" });
  res.end(snapshot);
});

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, () => {
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const [apiPort, adminPort] = await Promise.all([listen(api), listen(admin)]);
// warm the page cache so the first timed run does not pay for building pages
for (const size of [100, 1_000]) {
  for (let o = 0; o < PRODUCTS; o += size) {
    page(PRODUCTS, size, o);
    cursorPage(size, o);
  }
}
process.send?.({ url: `http://127.0.0.1:${apiPort}`, admin: `http://127.0.0.1:${adminPort}` });
process.on("disconnect", () => process.exit(0));
