/**
 * Export a collection to a CSV file with a progress bar on stderr, never holding it in memory.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/export-csv.ts [orders.csv]
 */

import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { ConsoleProgress, MPTClient, RQLQuery } from "mpt-api-client";

const client = MPTClient.fromConfig();
const out = process.argv[2] ?? "orders.csv";

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
function csv(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const file = createWriteStream(out);
const columns = ["id", "status", "client.name", "audit.created.at"] as const;
file.write(`${columns.join(",")}\n`);

let rows = 0;
const orders = client.commerce.orders
  .filter(new RQLQuery({ status: "Completed" }))
  .select("-*", "id", "status", "client.name", "audit.created.at");
for await (const order of orders.iterate({
  batchSize: 500,
  progress: new ConsoleProgress({ label: "orders" }),
})) {
  const line = [order.id, order.status, order.client?.name, order.audit?.created?.at].map(csv).join(",");
  if (!file.write(`${line}\n`)) await once(file, "drain"); // respect back-pressure
  rows += 1;
}
file.end();
await once(file, "finish");
console.log(`wrote ${rows} rows to ${out}`);
