/**
 * The command of one service, generated from its catalogue row: its verbs (list, count, get,
 * create, update, delete, download, actions) and its nested services, each taking the parent
 * ids as arguments (`mpt catalog products items <product-id> list`).
 */
import type { Command } from "commander";
import { kebab, placeholder } from "../names.js";
import { addConnectionOptions } from "../options.js";
import type { Runtime } from "../runtime.js";
import { childNode, type ServiceNode, shortPath, usagePath, type Verb, verbsOf, type Walk } from "../tree.js";
import { addAction } from "./action.js";
import type { ServiceContext } from "./common.js";
import { addDownload } from "./download.js";
import { addCount, addGet, addList } from "./read.js";
import { addCreate, addDelete, addUpdate } from "./write.js";

const STANDARD: Record<Exclude<Verb["kind"], "action">, (service: Command, ctx: ServiceContext) => void> = {
  list: addList,
  count: addCount,
  get: addGet,
  create: addCreate,
  update: addUpdate,
  delete: addDelete,
  download: addDownload,
};

function key(node: ServiceNode): string {
  return `${node.group}.${node.names.join(".")}`;
}

function examples(node: ServiceNode): string {
  const path = usagePath(node);
  const lines = [`  mpt ${path} --help`];
  const verbs = verbsOf(node.def).map((v) => v.command);
  if (verbs.includes("list")) lines.push(`  mpt ${path} list --limit 10 --select id,name`);
  if (verbs.includes("get")) lines.push(`  mpt ${path} get <id> --format json`);
  const [child, childDef] = Object.entries(node.def.children ?? {})[0] ?? [];
  if (child && childDef) {
    const ids = childDef.params.map(placeholder).join(" ");
    lines.push(`  mpt ${path} ${kebab(child)}${ids ? ` ${ids}` : ""} list`);
  }
  return `\nExamples:\n${lines.join("\n")}\n`;
}

/** `mpt catalog products items <product-id> get <id> --format json`: a leaf with its arguments and required options. */
function leafExample(node: ServiceNode, leaf: Command): string {
  const args = leaf.registeredArguments.map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`));
  const required = leaf.options.filter((o) => o.mandatory).map((o) => o.flags);
  const data = required.map((flags) =>
    flags.startsWith("--data") ? `--data '{"name":"..."}'` : flags.replace(/ <.*>/, " <value>"),
  );
  const file = leaf.options.some((o) => o.long === "--file" && !o.mandatory) ? ["--file <path>"] : [];
  const extra = leaf.options.some((o) => o.long === "--format") ? ["--format json"] : [];
  return ["mpt", usagePath(node), leaf.name(), ...args, ...data, ...file, ...extra].join(" ");
}

export function addServiceCommand(parent: Command, node: ServiceNode, walk: Walk, rt: Runtime): void {
  const name = kebab(node.names.at(-1) ?? "");
  const cmd = parent
    .command(name)
    .description(`${node.def.model}: ${shortPath(node.def.path)}`)
    .helpCommand(false);
  for (const param of node.def.params) cmd.argument(placeholder(param));
  cmd.usage(`${node.def.params.map(placeholder).join(" ")} <command> [options]`.trim());
  cmd.addHelpText("after", examples(node));
  const ctx = { rt, node, ids: walk.node && key(walk.node) === key(node) ? walk.ids : [] };
  cmd.commandsGroup("Commands:");
  for (const verb of verbsOf(node.def)) {
    if (verb.kind === "action") addAction(cmd, ctx, verb.command, verb.name, verb.action);
    else STANDARD[verb.kind](cmd, ctx);
  }
  for (const leaf of cmd.commands) {
    if (leaf.name() !== "list") leaf.addHelpText("after", `\nExample:\n  ${leafExample(node, leaf)}\n`);
    addConnectionOptions(leaf);
  }
  cmd.commandsGroup("Nested services:");
  for (const [childName, childDef] of Object.entries(node.def.children ?? {})) {
    addServiceCommand(cmd, childNode(node, childName, childDef), walk, rt);
  }
}
