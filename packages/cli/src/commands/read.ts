/** `list`, `count` and `get`: reading a collection or one resource. */

import type { Command } from "commander";
import { Option } from "commander";
import type { ModelCollection } from "mpt-api-client";
import { splitList } from "../names.js";
import { type Format, formatOption, number } from "../options.js";
import { selectedColumns } from "../output/columns.js";
import { printRecord, recordWriter } from "../output/records.js";
import { secretMasker } from "../output/secrets.js";
import { notice } from "../runtime.js";
import { call } from "../services.js";
import { usagePath } from "../tree.js";
import { leafCommand, pickFormat, type ServiceContext, stdoutText, withService } from "./common.js";
import { addQueryOptions, applyQuery, type QueryFlags } from "./query.js";

interface ListFlags extends QueryFlags {
  limit?: string;
  offset?: string;
  all?: boolean;
  format?: Format;
}

const PAGE = 100;

export function addList(service: Command, ctx: ServiceContext): void {
  const leaf = leafCommand(service, "list", "list records (one page; --all for every record)");
  addQueryOptions(leaf, { select: true, order: true });
  leaf
    .addOption(new Option("--limit <n>", `records per page (default ${PAGE})`).conflicts("all"))
    .addOption(new Option("--offset <n>", "records to skip (default 0)").conflicts("all"))
    .option("--all", "every matching record, page after page")
    .addOption(formatOption())
    .addHelpText(
      "after",
      `
Examples:
  mpt ${usagePath(ctx.node)} list --filter "eq(status,Active)" --order -audit.created.at --limit 20
  mpt ${usagePath(ctx.node)} list --select "-*,id,name" --all --format csv
RQL: eq ne lt le gt ge in out like ilike, and(...) or(...) not(...); values with spaces in quotes.`,
    )
    .action(() =>
      withService<ListFlags>(leaf, ctx, async (service, flags) => {
        const { rt } = ctx;
        const query = applyQuery(service, flags);
        const format = pickFormat(rt, flags.format);
        const writer = recordWriter(format, stdoutText(rt), {
          columns: selectedColumns(flags.select),
          width: rt.columns,
          mask: secretMasker(rt, flags.showSecrets),
        });
        if (flags.all) {
          for await (const record of call<AsyncIterable<unknown>>(query, "iterate", {
            batchSize: PAGE,
            signal: rt.signal,
          })) {
            await writer.write(record);
          }
          await writer.end();
          return;
        }
        const limit = flags.limit === undefined ? PAGE : number(flags.limit, "--limit", 0, true);
        const offset = flags.offset === undefined ? 0 : number(flags.offset, "--offset", 0, true);
        const page = await call<Promise<ModelCollection<unknown>>>(query, "fetchPage", { limit, offset });
        for (const record of page) await writer.write(record);
        const written = await writer.end();
        const total = page.meta?.pagination.total;
        if (format === "table" && total !== null && total !== undefined) {
          const shown = written === 0 ? "No records" : `Showing ${offset + 1}-${offset + written}`;
          const more = offset + written < total ? ` Next page: --offset ${offset + written}, or --all.` : "";
          notice(rt, `${shown} of ${total}.${more}`);
        }
      }),
    );
}

export function addCount(service: Command, ctx: ServiceContext): void {
  const leaf = leafCommand(service, "count", "count records (matching --filter)");
  addQueryOptions(leaf, { select: false, order: false });
  leaf.action(() =>
    withService<QueryFlags>(leaf, ctx, async (service, flags) => {
      const total = await call<Promise<number>>(applyQuery(service, flags), "count");
      await stdoutText(ctx.rt).write(`${total}\n`);
    }),
  );
}

export function addGet(service: Command, ctx: ServiceContext): void {
  const leaf = leafCommand(service, "get", "show one record")
    .argument("<id>", "resource id")
    .option("--select <fields>", "fields to return: +field adds, -field removes")
    .addOption(formatOption());
  leaf.action((id: string) =>
    withService<{ select?: string; format?: Format }>(leaf, ctx, async (service, flags) => {
      const options = flags.select === undefined ? {} : { select: splitList(flags.select) };
      const record = await call<Promise<unknown>>(service, "get", id, options);
      const mask = secretMasker(ctx.rt, flags.showSecrets);
      await printRecord(pickFormat(ctx.rt, flags.format), record, stdoutText(ctx.rt), ctx.rt.columns, mask);
    }),
  );
}
