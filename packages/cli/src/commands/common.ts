/**
 * What every service command shares: creating a leaf command, checking the parent ids,
 * connecting, opening the service and closing the connection.
 */
import type { Command } from "commander";
import { type ConnectionFlags, connect } from "../connection.js";
import { UsageError } from "../errors.js";
import { placeholder } from "../names.js";
import type { Format } from "../options.js";
import { streamOut, type TextOut } from "../output/text-out.js";
import type { Runtime } from "../runtime.js";
import { openService, type Service } from "../services.js";
import { idParams, type ServiceNode, usagePath } from "../tree.js";

export interface ServiceContext {
  readonly rt: Runtime;
  readonly node: ServiceNode;
  /** Parent ids read from the command line for this node (see `walkServicePath`). */
  readonly ids: readonly string[];
}

/** A command of a service (`list`, `get`, `publish`, ...); the service adds the connection options last. */
export function leafCommand(service: Command, name: string, description: string): Command {
  return service.command(name).description(description);
}

/** Connects, opens the service with its ids, runs `fn`, and always disconnects. */
export async function withService<T extends object>(
  leaf: Command,
  ctx: ServiceContext,
  fn: (service: Service, options: T & ConnectionFlags) => Promise<void>,
): Promise<void> {
  const params = idParams(ctx.node);
  if (ctx.ids.length < params.length) {
    const missing = params.slice(ctx.ids.length).map(placeholder).join(" ");
    throw new UsageError(`missing ${missing}: mpt ${usagePath(ctx.node)} ${leaf.name()} ...`);
  }
  const options = leaf.optsWithGlobals<T & ConnectionFlags>();
  const connection = await connect(options, ctx.rt);
  try {
    await fn(openService(connection.client, ctx.node, ctx.ids), options);
  } finally {
    await connection.close();
  }
}

/** The format asked for, else a table on a terminal and JSON otherwise. */
export function pickFormat(rt: Runtime, format: Format | undefined): Format {
  return format ?? (rt.stdoutIsTTY ? "table" : "json");
}

export function stdoutText(rt: Runtime): TextOut {
  return streamOut(rt.stdout, false);
}
