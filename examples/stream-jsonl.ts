/**
 * Stream a large collection as JSONL, one record at a time, with a progress bar on stderr.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/stream-jsonl.ts
 */
import { ConsoleProgress, MPTClient } from "mpt-api-client";

const client = MPTClient.fromConfig();

const byStatus = new Map<string, number>();
const orders = client.commerce.orders.select("-*", "id", "status");
for await (const order of orders.stream({ progress: new ConsoleProgress({ label: "orders" }) })) {
  const status = order.status ?? "unknown";
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
}
for (const [status, n] of [...byStatus].sort((a, b) => b[1] - a[1])) console.log(`${status}: ${n}`);
