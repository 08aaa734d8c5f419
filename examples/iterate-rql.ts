/**
 * Iterate over a filtered, ordered collection with RQL; pages are fetched as you go.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/iterate-rql.ts
 */
import { MPTClient, RQLQuery } from "mpt-api-client";

const client = MPTClient.fromConfig();

// and(eq(status,'Completed'),gt(audit.created.at,'2020-01-01'))
const query = new RQLQuery({ status: "Completed" }).and(new RQLQuery("audit.created.at").gt("2020-01-01"));
const orders = client.commerce.orders
  .filter(query)
  .orderBy("-audit.created.at")
  .select("-*", "id", "status", "audit.created.at");

console.log(`query: ${query}`);
console.log(`matching orders: ${await orders.count()}`);

let shown = 0;
for await (const order of orders.iterate({ batchSize: 100 })) {
  console.log(order.id, order.status, order.audit?.created?.at);
  if (++shown === 5) break; // leaving the loop stops fetching pages
}
