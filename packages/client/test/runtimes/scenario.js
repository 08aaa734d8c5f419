/**
 * The runtime-matrix scenario: the same calls, made with the BUILT client, in Node, Bun, Deno and
 * a headless Chromium page. Plain JavaScript so every runtime loads it as is. It takes the SDK
 * module (whatever the runtime imported from dist/) and a sandbox's URL and vendor token, and
 * returns facts as plain JSON for the Node test to check (runtimes/matrix.test.ts).
 */

/** Bytes 0..n-1 in a repeating pattern: compared after the round trip. */
function pattern(n) {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) % 256);
}

function errorFacts(error) {
  return {
    name: error?.name,
    isMPTError: error instanceof Error && error.name.startsWith("MPT"),
    message: String(error?.message ?? error).slice(0, 300),
  };
}

/**
 * @param {typeof import("../../dist/index.js")} sdk the built client, as this runtime loaded it
 * @param {{ baseUrl: string, token: string, allowBrowser?: boolean }} options
 */
export async function runScenario(sdk, options) {
  const { MPTClient, BearerTokenAuthentication, RQLQuery, MPTAPIError } = sdk;
  const client = new MPTClient({
    baseUrl: options.baseUrl,
    authentication: new BearerTokenAuthentication(options.token),
    retries: 0,
    ...(options.allowBrowser ? { dangerouslyAllowBrowser: true } : {}),
  });
  const facts = {};

  // get: one product by id, with a select
  const first = (await client.catalog.products.fetchPage({ limit: 1 })).resources[0];
  const product = await client.catalog.products.get(first.id, { select: ["id", "name"] });
  facts.get = { id: product.id, sameId: product.id === first.id, hasName: typeof product.name === "string" };

  // filtered iterate: every record matches, pages follow each other
  const completed = client.commerce.orders.filter(new RQLQuery({ status: "Completed" }));
  const total = await completed.count();
  let iterated = 0;
  let allCompleted = true;
  for await (const order of completed.iterate({ batchSize: 50 })) {
    iterated += 1;
    if (order.status !== "Completed") allCompleted = false;
    if (iterated === 120) break;
  }
  facts.iterate = { total, iterated, allCompleted };

  // create with uploads: a product with an icon, then a document with a file
  const icon = pattern(300);
  const created = await client.catalog.products.create(
    { name: "Runtime matrix product" },
    { filename: "icon.png", content: icon, contentType: "image/png" },
  );
  const content = pattern(2048);
  const document = await client.catalog.products
    .documents(created.id)
    .create(
      { name: "Spec", type: "File" },
      { filename: "spec.pdf", content: new Blob([content]), contentType: "application/pdf" },
    );
  facts.upload = { productId: created.id, documentId: document.id, size: document.size };

  // download: the same bytes come back, with the file name
  const file = await client.catalog.products.documents(created.id).download(document.id);
  const same =
    file.fileContents.byteLength === content.byteLength &&
    file.fileContents.every((b, i) => b === content[i]);
  facts.download = { filename: file.filename, contentType: file.contentType, size: file.size, same };

  // JSONL stream: the streaming read mode yields every matching record
  let streamed = 0;
  let streamedCompleted = true;
  for await (const order of completed.select("-*", "id", "status").stream()) {
    streamed += 1;
    if (order.status !== "Completed") streamedCompleted = false;
  }
  facts.stream = { streamed, total, streamedCompleted };

  // abort: a signal aborted before the call, and one aborted in the middle of a stream
  const before = new AbortController();
  before.abort();
  try {
    await client.catalog.products.get(first.id, { signal: before.signal });
    facts.abortBefore = { threw: false };
  } catch (error) {
    facts.abortBefore = { threw: true, ...errorFacts(error) };
  }
  const during = new AbortController();
  let readBeforeAbort = 0;
  try {
    for await (const _order of client.commerce.orders.stream({ signal: during.signal })) {
      readBeforeAbort += 1;
      if (readBeforeAbort === 5) during.abort();
    }
    facts.abortDuring = { threw: false, readBeforeAbort };
  } catch (error) {
    facts.abortDuring = { threw: true, readBeforeAbort, ...errorFacts(error) };
  }

  // an API error: ProblemDetails mapped to MPTAPIError
  try {
    await client.catalog.products.get("PRD-0000-0000");
    facts.apiError = { threw: false };
  } catch (error) {
    facts.apiError = {
      threw: true,
      isMPTAPIError: error instanceof MPTAPIError,
      status: error.status,
      title: error.title,
      hasTraceId: typeof error.traceId === "string" && error.traceId.length > 0,
    };
  }
  return facts;
}
