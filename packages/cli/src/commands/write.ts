/** `create`, `update` and `delete`; `--data` JSON and, on upload services, `--file`. */
import type { Command } from "commander";
import { bodyFieldsHelp } from "../body-help.js";
import { openFile, readData } from "../input.js";
import { type Format, formatOption } from "../options.js";
import { printRecord, recordWriter } from "../output/records.js";
import { secretMasker } from "../output/secrets.js";
import { notice } from "../runtime.js";
import { call } from "../services.js";
import { leafCommand, pickFormat, type ServiceContext, stdoutText, withService } from "./common.js";

interface WriteFlags {
  data: string;
  file?: string;
  format?: Format;
  showSecrets?: boolean;
}

const DATA = "JSON object: '<json>', @file.json, or - for stdin";
const DATA_OR_LIST =
  "JSON object, or a list of objects to create at once: '<json>', @file.json, or - for stdin";

function uploads(ctx: ServiceContext, op: "create" | "update"): boolean {
  return ctx.node.def.upload?.on.includes(op) === true;
}

/** A list is accepted where the service creates several records in one request (`bulkCreate`). */
async function writeAndPrint(
  ctx: ServiceContext,
  flags: WriteFlags,
  send: (data: unknown, file: unknown) => Promise<unknown>,
  allowList = false,
) {
  const data = allowList ? await readData(flags.data, ctx.rt, true) : await readData(flags.data, ctx.rt);
  const file = flags.file === undefined ? null : await openFile(flags.file, ctx.rt);
  const result = await send(data, file);
  const mask = secretMasker(ctx.rt, flags.showSecrets);
  const format = pickFormat(ctx.rt, flags.format);
  if (Array.isArray(result)) {
    const writer = recordWriter(format, stdoutText(ctx.rt), { width: ctx.rt.columns, mask });
    for (const record of result) await writer.write(record);
    await writer.end();
    return;
  }
  await printRecord(format, result, stdoutText(ctx.rt), ctx.rt.columns, mask);
}

export function addCreate(service: Command, ctx: ServiceContext): void {
  const withFile = uploads(ctx, "create");
  const bulk = ctx.node.def.bulkCreate === true;
  const leaf = leafCommand(
    service,
    "create",
    bulk ? "create a record, or several at once" : "create a record",
  );
  leaf.requiredOption("--data <json>", bulk ? DATA_OR_LIST : DATA);
  if (withFile) leaf.option("--file <path>", `file to upload (${ctx.node.def.upload?.fileKey} part)`);
  leaf.addOption(formatOption());
  leaf.addHelpText("after", bodyFieldsHelp("POST", ctx.node.def.path));
  leaf.action(() =>
    withService<WriteFlags>(leaf, ctx, (service, flags) =>
      writeAndPrint(
        ctx,
        flags,
        (data, file) => (withFile ? call(service, "create", data, file) : call(service, "create", data)),
        bulk,
      ),
    ),
  );
}

export function addUpdate(service: Command, ctx: ServiceContext): void {
  const withFile = uploads(ctx, "update");
  const leaf = leafCommand(service, "update", "update a record")
    .argument("<id>", "resource id")
    .requiredOption("--data <json>", DATA);
  if (withFile) leaf.option("--file <path>", `file to upload (${ctx.node.def.upload?.fileKey} part)`);
  leaf.addOption(formatOption());
  leaf.addHelpText("after", bodyFieldsHelp("PUT", `${ctx.node.def.path}/{id}`));
  leaf.action((id: string) =>
    withService<WriteFlags>(leaf, ctx, (service, flags) =>
      writeAndPrint(ctx, flags, (data, file) =>
        withFile ? call(service, "update", id, data, file) : call(service, "update", id, data),
      ),
    ),
  );
}

export function addDelete(service: Command, ctx: ServiceContext): void {
  const leaf = leafCommand(service, "delete", "delete a record").argument("<id>", "resource id");
  leaf.action((id: string) =>
    withService(leaf, ctx, async (service) => {
      await call<Promise<void>>(service, "delete", id);
      notice(ctx.rt, `Deleted ${id}.`);
    }),
  );
}
