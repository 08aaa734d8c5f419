/**
 * `mpt api <METHOD> <path>`: one raw request through the client's transport (authentication,
 * retries, timeouts and error mapping as for every command), like `gh api`. The path may leave
 * out `/public/v1`; its query string is sent as written. The answer is printed as it came (JSON
 * indented, credential fields masked unless --show-secrets); `--paginate` follows
 * `$meta.pagination` of a collection and prints every record.
 */
import type { Command } from "commander";
import type { HttpMethod, MPTClient } from "mpt-api-client";
import { type ConnectionFlags, connect } from "../connection.js";
import { UsageError } from "../errors.js";
import { readJson } from "../input.js";
import { addConnectionOptions, type Format, formatOption } from "../options.js";
import { recordWriter } from "../output/records.js";
import { type Masker, secretMasker } from "../output/secrets.js";
import type { Runtime } from "../runtime.js";
import { stdoutText } from "./common.js";

interface ApiFlags extends ConnectionFlags {
  data?: string;
  paginate?: boolean;
  format?: Format;
}

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "DELETE", "PATCH"];
const PAGE = 100;

/** `/catalog/products?limit=5` -> path `/public/v1/catalog/products`, query `limit=5`. */
export function splitPath(target: string): { path: string; query: string } {
  if (!target.startsWith("/")) throw new UsageError(`the path must start with /, e.g. /catalog/products`);
  const at = target.indexOf("?");
  const path = at === -1 ? target : target.slice(0, at);
  const query = at === -1 ? "" : target.slice(at + 1);
  return { path: path.startsWith("/public/") ? path : `/public/v1${path}`, query };
}

export function addApiCommand(root: Command, rt: Runtime): void {
  const cmd = root
    .command("api")
    .description("send one raw request to any endpoint and print the answer")
    .argument("<method>", METHODS.join(", "))
    .argument("<path>", "endpoint, with or without /public/v1, query string included")
    .option("--data <json>", "JSON body: '<json>', @file.json, or - for stdin")
    .option("--paginate", "GET a collection page after page and print every record")
    .addOption(formatOption());
  addConnectionOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Without --paginate the body is printed as it came (JSON indented, credential fields masked unless
--show-secrets); --format applies to --paginate.

Examples:
  mpt api GET /catalog/products?limit=2
  mpt api GET "/commerce/orders?eq(status,Completed)&select=-*,id" --paginate --format jsonl
  mpt api POST /catalog/products --data '{"name":"My product"}'
  mpt api DELETE /catalog/products/PRD-1234-5678`,
  );
  cmd.action(async (method: string, target: string) => {
    const flags = cmd.optsWithGlobals<ApiFlags>();
    const verb = method.toUpperCase() as HttpMethod;
    if (!METHODS.includes(verb))
      throw new UsageError(`unknown method "${method}": use ${METHODS.join(", ")}`);
    if (flags.paginate && verb !== "GET") throw new UsageError("--paginate works with GET only");
    if (flags.paginate && flags.data !== undefined) throw new UsageError("--paginate takes no --data");
    const { path, query } = splitPath(target);
    const body = flags.data === undefined ? undefined : await readJson(flags.data, rt);
    const connection = await connect(flags, rt);
    const mask = secretMasker(rt, flags.showSecrets);
    try {
      if (flags.paginate) await paginate(connection.client, rt, path, query, flags.format ?? "json", mask);
      else await once(connection.client, rt, verb, path, query, body, mask);
    } finally {
      await connection.close();
    }
  });
}

async function once(
  client: MPTClient,
  rt: Runtime,
  method: HttpMethod,
  path: string,
  query: string,
  body: unknown,
  mask: Masker,
) {
  const response = await client.transport.request({
    method,
    path,
    query,
    signal: rt.signal,
    ...(body === undefined ? {} : { body: { kind: "json" as const, value: body } }),
  });
  const text = response.text();
  if (text === "") return;
  let out = text;
  if (/json/i.test(response.headers.get("content-type") ?? "")) {
    try {
      out = JSON.stringify(mask(JSON.parse(text)), null, 2);
    } catch {
      // not JSON after all: print it as it came
    }
  }
  await stdoutText(rt).write(out.endsWith("\n") ? out : `${out}\n`);
}

interface Page {
  data?: unknown;
  $meta?: { pagination?: { offset?: number; limit?: number; total?: number } };
}

async function paginate(
  client: MPTClient,
  rt: Runtime,
  path: string,
  query: string,
  format: Format,
  mask: Masker,
) {
  const writer = recordWriter(format, stdoutText(rt), { width: rt.columns, mask });
  const own = query.split("&").filter((part) => part !== "" && !/^(limit|offset)=/.test(part));
  let offset = 0;
  for (;;) {
    const response = await client.transport.request({
      method: "GET",
      path,
      query: [...own, `limit=${PAGE}`, `offset=${offset}`].join("&"),
      signal: rt.signal,
    });
    const page = response.json() as Page;
    if (!Array.isArray(page.data)) throw new UsageError(`${path} is not a collection: --paginate needs one`);
    for (const record of page.data) await writer.write(record);
    offset += page.data.length;
    const total = page.$meta?.pagination?.total;
    if (page.data.length === 0 || total === undefined || offset >= total) break;
  }
  await writer.end();
}
