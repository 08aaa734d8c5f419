/**
 * Get one resource by id, whole or with only some fields.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/get.ts [PRD-id]
 */
import { MPTClient } from "mpt-api-client";

// Reads MPT_API_TOKEN and MPT_API_BASE_URL from the environment.
const client = MPTClient.fromConfig();

const first = (await client.catalog.products.fetchPage({ limit: 1 })).resources[0];
const id = process.argv[2] ?? first?.id;
if (!id) throw new Error("no product to show: pass a product id");

const product = await client.catalog.products.get(id);
console.log(`${product.id}  ${product.name}  ${product.status}`);

const lean = await client.catalog.products.get(id, { select: ["-*", "id", "name"] });
console.log("with select:", JSON.stringify(lean));
