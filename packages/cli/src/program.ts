/**
 * The `mpt` program: the resource groups generated from the catalogue (only the group named on
 * the command line is built down to its leaves), `export`, `config` and `sandbox`. Parent ids of
 * nested services are taken out of the arguments first (see `walkServicePath`), so commander
 * sees `catalog products items list` and the leaf gets `PRD-1234-5678` from the walk.
 */
import { Command } from "commander";
import { groupNames } from "mpt-api-client";
import pkg from "../package.json" with { type: "json" };
import { addApiCommand } from "./commands/api.js";
import { addCompletionCommands } from "./commands/completion.js";
import { addConfigCommand } from "./commands/config.js";
import { addExportCommand } from "./commands/export.js";
import { addSandboxCommand } from "./commands/sandbox.js";
import { addServiceCommand } from "./commands/service.js";
import { addWhoamiCommand } from "./commands/whoami.js";
import { kebab } from "./names.js";
import { addConnectionOptions } from "./options.js";
import { type Runtime, redactSecrets } from "./runtime.js";
import { isGroup, servicesOf, topNode, type Walk, walkServicePath } from "./tree.js";

/** Connection options that take a value (skipped when looking for the group). */
const VALUE_OPTIONS = new Set(["--base-url", "--token", "--profile", "--timeout", "--retries"]);

function firstCommandIndex(argv: readonly string[]): number {
  let i = 0;
  while (i < argv.length && (argv[i] ?? "").startsWith("-")) i += VALUE_OPTIONS.has(argv[i] ?? "") ? 2 : 1;
  return i;
}

const EXAMPLES = `
Examples:
  mpt --sandbox catalog products list
  mpt catalog products list --filter "eq(status,Published)" --select id,name --limit 5
  mpt catalog products items PRD-1234-5678 list --all --format csv
  mpt commerce orders get ORD-1234-5678-9012 --format json
  mpt export commerce orders --filter "eq(status,Completed)" --out orders.jsonl
  mpt config set prod --base-url https://api.platform.softwareone.com --token -
  mpt whoami
  mpt api GET "/catalog/products?limit=2"
  source <(mpt completion bash)

Exit codes: 0 ok, 1 failure, 2 usage, 3 API error, 4 network error, 130 interrupted.
Set MPT_FORCE_TTY=1 (or 0) to format output as for a terminal (or a pipe).`;

export function buildProgram(rt: Runtime, argv: readonly string[]): { program: Command; args: string[] } {
  const start = firstCommandIndex(argv);
  const first = argv[start];
  const walk: Walk =
    first !== undefined && isGroup(first)
      ? walkServicePath(first, argv, start + 1)
      : { node: undefined, ids: [], idIndexes: [], end: start };
  const args = argv.filter((_, i) => !walk.idIndexes.includes(i));

  const program = new Command("mpt")
    .description("Work with the SoftwareONE Marketplace Platform (MPT) API from a terminal")
    .version(pkg.version, "-V, --version")
    .usage("[options] <group> <service> [ids...] <command> [options]")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => rt.stdout.write(text),
      writeErr: (text) => rt.stderr.write(redactSecrets(rt, text)),
    });
  addConnectionOptions(program);
  program.addHelpText("after", EXAMPLES);

  program.commandsGroup("Resource groups:");
  for (const group of groupNames) {
    const services = Object.keys(servicesOf(group)).map(kebab);
    const cmd = program
      .command(group)
      .description(services.join(", "))
      .usage("<service> [ids...] <command> [options]")
      .helpCommand(false)
      .commandsGroup("Services:");
    cmd.addHelpText(
      "after",
      `\nExamples:\n  mpt ${group} ${services[0] ?? ""} list\n  mpt ${group} ${services[0] ?? ""} --help\n`,
    );
    if (!argv.includes(group)) continue;
    for (const [name, def] of Object.entries(servicesOf(group))) {
      addServiceCommand(cmd, topNode(group, name, def), walk, rt);
    }
  }
  program.commandsGroup("Other commands:");
  addExportCommand(program, rt);
  addApiCommand(program, rt);
  addWhoamiCommand(program, rt);
  addConfigCommand(program, rt);
  addSandboxCommand(program, rt);
  addCompletionCommands(program, rt);
  return { program, args };
}
