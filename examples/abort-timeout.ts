/**
 * Cancelling: a time budget per call (`timeout`), your own AbortController, and an iteration
 * stopped half-way by a signal.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/abort-timeout.ts
 */
import { MPTClient, MPTMaxRetryError, MPTTimeoutError } from "mpt-api-client";

// A client-wide budget: 10 s per request, body included (default 60 s).
const client = MPTClient.fromConfig({ timeout: 10_000 });

// A budget for one call only.
const count = await client.commerce.orders.count({ timeout: 5_000 });
console.log(`orders: ${count}`);

// Your own signal: e.g. the user pressed Cancel.
const controller = new AbortController();
let seen = 0;
try {
  for await (const order of client.commerce.orders.iterate({ batchSize: 50, signal: controller.signal })) {
    seen += 1;
    if (seen === 60) controller.abort(); // cancels the page request in flight and the loop
    void order;
  }
} catch (error) {
  if (error instanceof Error && error.name === "AbortError") console.log(`cancelled after ${seen} orders`);
  else throw error;
}

// A budget too small to be met: each attempt is cancelled (never left running) and retried; with
// `retries: 0` the MPTTimeoutError comes straight back, otherwise MPTMaxRetryError says how many.
const impatient = new MPTClient({ timeout: 1, retries: 0 });
try {
  await impatient.commerce.orders.fetchPage({ limit: 1000 });
  console.log("answered within 1 ms");
} catch (error) {
  if (error instanceof MPTTimeoutError || error instanceof MPTMaxRetryError)
    console.log(`gave up: ${error.message}`);
  else throw error;
}
