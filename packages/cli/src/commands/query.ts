/**
 * `--filter`, `--select` and `--order` of list, count and export, applied through the client's
 * query builders. The filter is parsed by the client's RQL parser here, before any request, so
 * invalid RQL is a usage error (exit 2) that never reaches the API.
 */
import type { Command } from "commander";
import { splitList } from "../names.js";
import { call, type Service } from "../services.js";

export interface QueryFlags {
  filter?: string;
  select?: string;
  order?: string;
}

export function addQueryOptions(cmd: Command, what: { select: boolean; order: boolean }): Command {
  cmd.option("--filter <rql>", `RQL filter, e.g. "and(eq(status,Active),ilike(name,*soft*))"`);
  if (what.select)
    cmd.option(
      "--select <fields>",
      "fields: a or +a adds, -a removes, -* drops the rest; unsigned names are also the table/CSV columns",
    );
  if (what.order) cmd.option("--order <fields>", "sort order: name or -audit.created.at (comma-separated)");
  return cmd;
}

export function applyQuery(service: Service, flags: QueryFlags): Service {
  let out = service;
  if (flags.filter !== undefined) out = call<Service>(out, "filter", flags.filter);
  if (flags.order !== undefined) out = call<Service>(out, "orderBy", ...splitList(flags.order));
  if (flags.select !== undefined) out = call<Service>(out, "select", ...splitList(flags.select));
  return out;
}
