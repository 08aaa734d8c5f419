/**
 * Custom actions of a service (`publish`, `render`, `set-password`, `upload`, ...), built from
 * the catalogue row: `[id] [params...]` as arguments; the body as `--data`, a named field
 * (`--password`), a file (`--file`) or a query parameter (`--account-id`); the answer printed as
 * a record, as text, saved as a file, or nothing.
 */
import type { Command } from "commander";
import type { ActionDef, FileModel } from "mpt-api-client";
import { bodyFieldsHelp } from "../body-help.js";
import type { ConnectionFlags } from "../connection.js";
import { openFile, readData } from "../input.js";
import { kebab, placeholder } from "../names.js";
import { type Format, formatOption } from "../options.js";
import { printRecord } from "../output/records.js";
import { saveFile } from "../output/save-file.js";
import { type Masker, secretMasker } from "../output/secrets.js";
import { notice } from "../runtime.js";
import { call } from "../services.js";
import { shortPath } from "../tree.js";
import { leafCommand, pickFormat, type ServiceContext, stdoutText, withService } from "./common.js";
import { OUT_HELP } from "./download.js";

type ActionFlags = Record<string, string | undefined> & { format?: Format };

/** Option key commander uses for `--account-id` (`accountId`). */
function optionKey(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `/public/v1/catalog/products/{id}/publish`: the endpoint of an action. */
function actionPath(ctx: ServiceContext, action: ActionDef): string {
  const id = action.scope === "collection" ? "" : "/{id}";
  return `${ctx.node.def.path}${id}${action.path ? `/${action.path}` : ""}`;
}

/** `POST /catalog/products/{id}/publish`. */
function describe(ctx: ServiceContext, action: ActionDef): string {
  return `${action.method} ${shortPath(actionPath(ctx, action))}`;
}

export function addAction(
  service: Command,
  ctx: ServiceContext,
  command: string,
  name: string,
  action: ActionDef,
): void {
  const leaf = leafCommand(service, command, describe(ctx, action));
  if (action.scope !== "collection") leaf.argument(action.defaultId ? "[id]" : "<id>", "resource id");
  for (const param of action.params ?? []) leaf.argument(placeholder(param), kebab(param).replace(/-/g, " "));
  const dataFlag = action.bodyField ? kebab(action.bodyField) : "data";
  if (action.file) {
    const help = `file to upload (${action.file.key} part)`;
    if (action.file.required) leaf.requiredOption("--file <path>", help);
    else leaf.option("--file <path>", help);
  } else if (action.body === "required" || action.body === "optional") {
    const help = action.bodyField
      ? `the ${action.bodyField} to send`
      : "JSON object: '<json>', @file.json, or - for stdin";
    if (action.body === "required") leaf.requiredOption(`--${dataFlag} <value>`, help);
    else leaf.option(`--${dataFlag} <value>`, help);
  } else if (action.queryParam) {
    leaf.option(`--${kebab(action.queryParam)} <value>`, `sent as ${action.queryParam}=`);
  }
  if ((action.body === "required" || action.body === "optional") && !action.bodyField)
    leaf.addHelpText("after", bodyFieldsHelp(action.method, actionPath(ctx, action)));
  if (action.returns === "model") leaf.addOption(formatOption());
  if (action.returns === "file") leaf.option("--out <path>", OUT_HELP);

  leaf.action(() =>
    withService<ActionFlags>(leaf, ctx, async (service, flags) => {
      const args: unknown[] = [...leaf.args];
      if (action.defaultId && args.length === 0) args.push(undefined);
      const last = await lastArgument(ctx, action, flags, dataFlag);
      if (last.given) args.push(last.value);
      const result = await call<Promise<unknown>>(service, name, ...args);
      const mask = secretMasker(ctx.rt, leaf.optsWithGlobals<ConnectionFlags>().showSecrets);
      await show(ctx, action, result, flags, String(args[0] ?? name), mask);
    }),
  );
}

/** The body, file or query value, when the action takes one. */
async function lastArgument(
  ctx: ServiceContext,
  action: ActionDef,
  flags: ActionFlags,
  dataFlag: string,
): Promise<{ given: boolean; value?: unknown }> {
  if (action.file)
    return { given: true, value: flags["file"] === undefined ? null : await openFile(flags["file"], ctx.rt) };
  if (action.body === "required" || action.body === "optional") {
    const text = flags[optionKey(dataFlag)];
    if (text === undefined) return { given: true, value: null };
    if (action.bodyField) return { given: true, value: text };
    const value =
      action.scope === "collection" ? await readData(text, ctx.rt, true) : await readData(text, ctx.rt);
    return { given: true, value };
  }
  if (action.queryParam) return { given: true, value: flags[optionKey(kebab(action.queryParam))] ?? null };
  return { given: false };
}

async function show(
  ctx: ServiceContext,
  action: ActionDef,
  result: unknown,
  flags: ActionFlags,
  id: string,
  mask: Masker,
) {
  const { rt } = ctx;
  switch (action.returns) {
    case "model":
      return printRecord(pickFormat(rt, flags.format), result, stdoutText(rt), rt.columns, mask);
    case "text": {
      const text = String(result);
      return stdoutText(rt).write(text.endsWith("\n") ? text : `${text}\n`);
    }
    case "file": {
      const file = result as FileModel;
      return saveFile(rt, { filename: file.filename, body: file.fileContents }, flags["out"], id);
    }
    default:
      notice(rt, "Done.");
  }
}
