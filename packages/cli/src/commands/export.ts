/**
 * `mpt export <group> <service> [ids...] --out file.jsonl|csv|json`: every matching record of a
 * collection into a file, with a progress bar on a terminal. Uses the streaming read mode where
 * the endpoint has it (falling back to pages when the server does not stream), pages otherwise.
 * Records go to `<out>.partial`, renamed to `<out>` when the export is complete.
 */
import { rename, rm } from "node:fs/promises";
import { type Command, Option } from "commander";
import {
  MPTStreamingNotAcceptableError,
  MPTStreamingNotEnabledError,
  MPTStreamingNotSupportedError,
  type ServiceDef,
} from "mpt-api-client";
import { type ConnectionFlags, connect } from "../connection.js";
import { UsageError } from "../errors.js";
import { placeholder } from "../names.js";
import { addConnectionOptions, type Format } from "../options.js";
import { selectedColumns } from "../output/columns.js";
import { recordWriter } from "../output/records.js";
import { secretMasker } from "../output/secrets.js";
import { fileOut, streamOut } from "../output/text-out.js";
import { progressBar } from "../progress.js";
import { notice, pathIn, type Runtime } from "../runtime.js";
import { call, openService, type Service } from "../services.js";
import { idParams, isGroup, type ServiceNode, usagePath, walkServicePath } from "../tree.js";
import { addQueryOptions, applyQuery, type QueryFlags } from "./query.js";

interface ExportFlags extends QueryFlags, ConnectionFlags {
  out: string;
  format?: Exclude<Format, "table">;
}

const PAGE = 100;
const BY_EXTENSION: Record<string, Exclude<Format, "table">> = {
  jsonl: "jsonl",
  ndjson: "jsonl",
  csv: "csv",
  json: "json",
};

export function addExportCommand(root: Command, rt: Runtime): void {
  const cmd = root
    .command("export")
    .description("export every matching record of a collection to a JSONL, CSV or JSON file")
    .argument("<service...>", "group, service path and parent ids, e.g. catalog products items PRD-1234-5678")
    .requiredOption("--out <file>", "file to write (.jsonl, .csv or .json; - for stdout)")
    .addOption(
      new Option("-o, --format <format>", "file format (default: from the --out extension)").choices([
        "jsonl",
        "csv",
        "json",
      ]),
    );
  addQueryOptions(cmd, { select: true, order: true });
  addConnectionOptions(cmd);
  cmd.addHelpText(
    "after",
    `
Examples:
  mpt export commerce orders --out orders.jsonl
  mpt export catalog products --filter "eq(status,Published)" --select id,name,vendor.name --out products.csv
  mpt export billing statements charges <statement-id> --out charges.jsonl
A progress bar (items, total, rate, ETA) is shown when stderr is a terminal.`,
  );
  cmd.action((tokens: string[]) => runExport(cmd, rt, tokens));
}

function resolve(tokens: string[]): { node: ServiceNode; ids: string[] } {
  const [group] = tokens;
  if (!group || !isGroup(group)) throw new UsageError(`unknown group "${group ?? ""}" (see: mpt --help)`);
  const walk = walkServicePath(group, tokens, 1);
  if (!walk.node || walk.end < tokens.length) {
    throw new UsageError(`"${tokens.join(" ")}" is not a service (see: mpt ${group} --help)`);
  }
  const missing = idParams(walk.node).slice(walk.ids.length);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map(placeholder).join(" ")}: mpt export ${usagePath(walk.node)}`);
  }
  if (!walk.node.def.ops.includes("collection")) throw new UsageError(`${tokens.join(" ")} cannot be listed`);
  return { node: walk.node, ids: walk.ids };
}

function formatOf(flags: ExportFlags): Exclude<Format, "table"> {
  if (flags.format) return flags.format;
  const format = BY_EXTENSION[flags.out.split(".").pop()?.toLowerCase() ?? ""];
  if (!format) throw new UsageError("cannot tell the format from --out; add --format jsonl|csv|json");
  return format;
}

async function runExport(cmd: Command, rt: Runtime, tokens: string[]): Promise<void> {
  const flags = cmd.optsWithGlobals<ExportFlags>();
  const { node, ids } = resolve(tokens);
  const format = formatOf(flags);
  const connection = await connect(flags, rt);
  const toStdout = flags.out === "-";
  const target = pathIn(rt, flags.out);
  const partial = `${target}.partial`;
  try {
    const service = applyQuery(openService(connection.client, node, ids), flags);
    const total = rt.stderrIsTTY
      ? await call<Promise<number>>(service, "count").catch(() => undefined)
      : undefined;
    const out = toStdout ? streamOut(rt.stdout, false) : await fileOut(partial);
    const writer = recordWriter(format, out, {
      columns: selectedColumns(flags.select),
      width: rt.columns,
      mask: secretMasker(rt, flags.showSecrets),
    });
    const bar = progressBar(rt, "Exporting", total);
    const started = Date.now();
    try {
      for await (const record of records(service, node.def, rt.signal)) {
        await writer.write(record);
        bar.tick();
      }
    } finally {
      bar.stop();
    }
    const count = await writer.end();
    if (!toStdout) await rename(partial, target);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    notice(rt, `Exported ${count} records to ${toStdout ? "stdout" : flags.out} in ${seconds}s.`);
  } catch (error) {
    if (!toStdout) await rm(partial, { force: true });
    throw error;
  } finally {
    await connection.close();
  }
}

function refusesStreaming(error: unknown): boolean {
  return (
    error instanceof MPTStreamingNotEnabledError ||
    error instanceof MPTStreamingNotSupportedError ||
    error instanceof MPTStreamingNotAcceptableError
  );
}

/** The streaming read mode, or pages when the server does not stream this collection. */
async function* records(service: Service, def: ServiceDef, signal: AbortSignal): AsyncGenerator<unknown> {
  const stream = call<AsyncIterator<unknown>>(service, "stream", { signal });
  let first: IteratorResult<unknown>;
  try {
    first = await stream.next();
  } catch (error) {
    if (def.ops.includes("stream") || !refusesStreaming(error)) throw error;
    yield* call<AsyncIterable<unknown>>(service, "iterate", { batchSize: PAGE, signal });
    return;
  }
  if (first.done) return;
  yield first.value;
  for (let next = await stream.next(); !next.done; next = await stream.next()) yield next.value;
}
