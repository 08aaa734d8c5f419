/**
 * Error handling: API errors (ProblemDetails) with their trace id, other HTTP errors, and
 * failures before any answer (timeouts, connections), all `MPTError`s.
 * Run: MPT_API_BASE_URL=… MPT_API_TOKEN=… npx tsx examples/errors.ts
 */
import {
  MPTAPIError,
  MPTClient,
  MPTConnectionError,
  MPTError,
  MPTHttpError,
  MPTTimeoutError,
  unchecked,
} from "mpt-api-client";

const client = MPTClient.fromConfig();

async function show(what: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
    console.log(`${what}: ok`);
  } catch (error) {
    if (error instanceof MPTAPIError) {
      // quote the traceId when you report a problem to SoftwareONE
      console.log(`${what}: API error ${error.status} ${error.title} (traceId ${error.traceId})`);
      for (const [field, messages] of Object.entries(error.errors ?? {}))
        console.log(`  ${field}: ${messages}`);
    } else if (error instanceof MPTHttpError) {
      console.log(`${what}: HTTP ${error.statusCode}`);
    } else if (error instanceof MPTTimeoutError || error instanceof MPTConnectionError) {
      console.log(`${what}: no answer (${error.name}): ${error.message}`);
    } else if (error instanceof MPTError) {
      console.log(`${what}: ${error.name}: ${error.message}`);
    } else {
      throw error; // not from the client: a bug of ours
    }
  }
}

await show("missing order", () => client.commerce.orders.get("ORD-0000-0000-0000"));
// `unchecked` sends a body the types would refuse: the platform answers 400 with field errors
await show("invalid product", () => client.catalog.products.create(unchecked({ name: 42 })));
await show("not a valid id", () => client.catalog.products.get(""));
