/**
 * The sandbox tour (`npm run demo`): starts mpt-sandbox on loopback and drives it with the real
 * `mpt-api-client` over HTTP, printing what each step does. Exits 0 when every step worked.
 */
import {
  BearerTokenAuthentication,
  ConsoleProgress,
  ExtensionFrameworkAuthentication,
  MPTAPIError,
  MPTClient,
  RQLQuery,
} from "mpt-api-client";
import { startSandbox } from "mpt-sandbox";

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
let stepNo = 0;
function step(title: string): void {
  stepNo++;
  console.log(`\n${bold(`${stepNo}. ${title}`)}`);
}
const say = (...lines: string[]) => {
  for (const line of lines) console.log(`   ${line}`);
};

const sandbox = await startSandbox({ port: 0, tokenTtlSeconds: 90 });
console.log(bold(`mpt-sandbox is listening on ${sandbox.url}`));
say(
  dim(`vendor token ${sandbox.tokens.vendor.slice(0, 22)}…, client, operations and extension personas ready`),
);

const clientFor = (token: string) =>
  new MPTClient({ baseUrl: sandbox.url, authentication: new BearerTokenAuthentication(token) });
const vendor = clientFor(sandbox.tokens.vendor);
const operations = clientFor(sandbox.tokens.operations);
const buyer = clientFor(sandbox.tokens.client);

try {
  step("Bearer authentication: who am I?");
  const tokenId = sandbox.tokens.vendor.split(":")[1] ?? "";
  const me = await vendor.accounts.apiTokens.get(tokenId);
  const account = me.account as { id: string; name: string; type: string };
  say(`API token ${me.id} belongs to ${account.name} (${account.type}, ${account.id}), status ${me.status}`);
  const denied = await vendor.accounts.buyers.fetchPage({ limit: 1 }).catch((e: unknown) => e);
  if (denied instanceof MPTAPIError)
    say(`a vendor listing buyers gets ${denied.status} ${denied.title}: ${denied.detail}`);

  step("Get a product");
  const [first] = (await vendor.catalog.products.filter("eq(status,Published)").fetchPage({ limit: 1 }))
    .resources;
  if (!first) throw new Error("no published product");
  const product = await vendor.catalog.products.get(first.id);
  say(
    `${product.id} "${product.name}" is ${product.status}, sold by ${(product.vendor as { name: string }).name}`,
  );
  const items = await vendor.catalog.products.items(product.id).fetchPage({ limit: 10 });
  say(`${items.meta?.pagination.total} items: ${items.resources.map((i) => i.name).join(", ")}`);

  step("Iterate every invoice with a progress bar");
  let invoices = 0;
  let amount = 0;
  for await (const invoice of operations.billing.invoices.iterate({
    batchSize: 100,
    progress: new ConsoleProgress({ label: "   invoices" }),
  })) {
    invoices++;
    amount += Number((invoice.price as { totalPP?: number } | undefined)?.totalPP ?? 0);
  }
  say(`${invoices} invoices, ${amount.toFixed(2)} USD in total`);

  step("RQL: filter, order and select");
  const query = new RQLQuery({ status: "Completed" }).and(new RQLQuery("price.PPx1").gt(2000));
  const orders = operations.commerce.orders
    .filter(query)
    .orderBy("-price.PPx1")
    .select("-*", "id", "price", "client");
  const page = await orders.fetchPage({ limit: 5 });
  say(dim(`filter ${query.toString()}, order -price.PPx1, select -*,id,price,client`));
  say(`${page.meta?.pagination.total} completed orders above 2000 USD; the five largest:`);
  for (const o of page.resources) {
    const price = o.price as { PPx1: number; currency: string };
    say(
      `  ${o.id}  ${String(price.PPx1).padStart(6)} ${price.currency}  ${(o.client as { name: string }).name}`,
    );
  }

  step("Create a product with an icon, review it (vendor) and publish it (operations)");
  const icon = Uint8Array.from(
    atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
    (c) => c.charCodeAt(0),
  );
  const created = await vendor.catalog.products.create(
    { name: "Tour Widget", shortDescription: "Made during the sandbox tour" },
    { filename: "widget.png", content: icon, contentType: "image/png" },
  );
  say(`created ${created.id} (${created.status}) with icon ${created.icon}`);
  say(`review by the vendor -> ${(await vendor.catalog.products.review(created.id)).status}`);
  const refused = await vendor.catalog.products.publish(created.id).catch((e: unknown) => e);
  if (refused instanceof MPTAPIError) say(`publish by the vendor -> ${refused.status} ${refused.title}`);
  say(`publish by operations -> ${(await operations.catalog.products.publish(created.id)).status}`);

  step("An order from draft to completed");
  const [agreement] = (
    await buyer.commerce.agreements.filter("eq(status,Active)").select("+lines").fetchPage({ limit: 1 })
  ).resources;
  if (!agreement) throw new Error("no active agreement");
  const line = (agreement.lines as Array<{ item: { id: string; name: string } }>)[0];
  const order = await buyer.commerce.orders.create({
    agreement: { id: agreement.id },
    lines: [{ item: { id: line?.item.id ?? "" }, quantity: 3 }],
  });
  say(
    `client created ${order.id} (${order.status}) for ${(order.product as { name: string }).name}, line ${order.lines?.[0]?.id} "${order.lines?.[0]?.item?.name}"`,
  );
  say(`client process -> ${(await buyer.commerce.orders.process(order.id)).status}`);
  say(`vendor query -> ${(await vendor.commerce.orders.query(order.id)).status}`);
  say(`client process -> ${(await buyer.commerce.orders.process(order.id)).status}`);
  say(
    `vendor complete -> ${(await vendor.commerce.orders.complete(order.id, { template: { id: "TPL-0000-0001" } })).status}`,
  );
  const subscriptions = await operations.commerce.orders.subscriptions(order.id).fetchPage();
  say(`subscriptions created: ${subscriptions.resources.map((s) => `${s.id} (${s.status})`).join(", ")}`);

  step("Extension framework authentication with a token refresh");
  const extensionAuth = new ExtensionFrameworkAuthentication({ secret: sandbox.tokens.extension });
  const extension = new MPTClient({ baseUrl: sandbox.url, authentication: extensionAuth });
  const tokenCalls = () => sandbox.counters.requests("POST /public/v1/integration/installations/-/token");
  await extension.catalog.products.fetchPage({ limit: 1 });
  say(`installation token obtained (${tokenCalls()} token request)`);
  sandbox.faults.set({ kind: "status", status: 401, times: 1, service: "catalog.products" });
  const again = await extension.catalog.products.fetchPage({ limit: 1 });
  sandbox.faults.clear();
  say(
    `a 401 made the client fetch a fresh token and replay: ${again.resources.length} product, ${tokenCalls()} token requests`,
  );

  step("Download a document");
  const documents = vendor.catalog.products.documents(product.id);
  const [docMeta] = (await documents.filter("eq(status,Published)").fetchPage({ limit: 1 })).resources;
  if (!docMeta) throw new Error("no document");
  const file = await documents.download(docMeta.id);
  say(
    `${docMeta.id}: ${file.filename}, ${file.contentType}, ${file.fileContents.byteLength} bytes, starts with ${JSON.stringify(new TextDecoder().decode(file.fileContents.slice(0, 8)))}`,
  );

  step("Stream the charges of a statement");
  const [statement] = (await operations.billing.statements.fetchPage({ limit: 1 })).resources;
  if (!statement) throw new Error("no statement");
  let charges = 0;
  let total = 0;
  for await (const charge of operations.billing.statements.charges(statement.id).stream()) {
    charges++;
    total += Number((charge.price as { PPx1?: number } | undefined)?.PPx1 ?? 0);
  }
  say(`${statement.id}: ${charges} charges streamed as JSONL, ${total.toFixed(2)} USD`);

  const counters = sandbox.counters.snapshot();
  console.log(
    `\n${bold("Tour complete.")} ${counters.totalRequests} requests served, objects created: ${JSON.stringify(counters.created)}`,
  );
} finally {
  await sandbox.close();
}
