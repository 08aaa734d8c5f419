/**
 * `mpt config set|list|use|remove`: named connection profiles in the config file (see
 * config-file.ts). Tokens are read from the command line or stdin (`--token -`) and only ever
 * shown masked.
 */
import type { Command } from "commander";
import { resolveBaseUrl } from "mpt-api-client";
import { configPath, maskToken, readConfig, writeConfig } from "../config-file.js";
import { UsageError } from "../errors.js";
import { type Format, formatOption } from "../options.js";
import { recordWriter } from "../output/records.js";
import { notice, type Runtime } from "../runtime.js";
import { pickFormat, stdoutText } from "./common.js";

async function readStdinLine(rt: Runtime): Promise<string> {
  let text = "";
  for await (const chunk of rt.stdin) text += String(chunk);
  return text.trim();
}

export function addConfigCommand(root: Command, rt: Runtime): void {
  const path = () => configPath(rt.env);
  const config = root
    .command("config")
    .description("named connection profiles (base URL and token)")
    .usage("<command> [options]")
    .addHelpText(
      "after",
      `
Examples:
  mpt config set prod --base-url https://api.platform.softwareone.com --token -   (token from stdin)
  mpt config list
  mpt config use prod
The file is $MPT_CONFIG, else $XDG_CONFIG_HOME/mpt/config.json, else ~/.config/mpt/config.json (mode 0600).`,
    );

  const set = config
    .command("set")
    .description("create or change a profile (the first one becomes current)")
    .argument("<name>", "profile name")
    .option("--base-url <url>", "API base URL, e.g. https://api.platform.softwareone.com")
    .option("--token <token>", "API token (- reads it from stdin)")
    .action(async (name: string) => {
      const flags = set.opts<{ baseUrl?: string; token?: string }>();
      const file = readConfig(path());
      const profile = { ...file.profiles[name] };
      if (flags.baseUrl !== undefined) {
        try {
          resolveBaseUrl(flags.baseUrl);
        } catch (error) {
          throw new UsageError(`--base-url: ${(error as Error).message}`);
        }
        profile.baseUrl = flags.baseUrl;
      }
      if (flags.token !== undefined) {
        const token = flags.token === "-" ? await readStdinLine(rt) : flags.token;
        if (token === "") throw new UsageError("--token is empty");
        rt.secrets.add(token);
        profile.token = token;
      }
      file.profiles[name] = profile;
      file.current ??= name;
      writeConfig(path(), file);
      await stdoutText(rt).write(
        `Saved profile "${name}" (token ${maskToken(profile.token) || "not set"}) in ${path()}${file.current === name ? "; it is the current profile" : ""}.\n`,
      );
    });

  const list = config
    .command("list")
    .description("list profiles (tokens masked)")
    .addOption(formatOption())
    .action(async () => {
      const file = readConfig(path());
      const rows = Object.entries(file.profiles).map(([name, p]) => ({
        current: file.current === name ? "*" : "",
        name,
        baseUrl: p.baseUrl ?? "",
        token: maskToken(p.token),
      }));
      const format = pickFormat(rt, list.opts<{ format?: Format }>().format);
      const writer = recordWriter(format, stdoutText(rt), {
        columns: ["current", "name", "baseUrl", "token"],
        width: rt.columns,
      });
      for (const row of rows) await writer.write(row);
      await writer.end();
      if (rows.length === 0)
        notice(
          rt,
          `No profiles in ${path()}; add one with: mpt config set <name> --base-url <url> --token -`,
        );
    });

  config
    .command("use")
    .description("make a profile the current one")
    .argument("<name>", "profile name")
    .action(async (name: string) => {
      const file = readConfig(path());
      if (!file.profiles[name]) throw new UsageError(`no profile "${name}" (see: mpt config list)`);
      file.current = name;
      writeConfig(path(), file);
      await stdoutText(rt).write(`Current profile: ${name}.\n`);
    });

  config
    .command("remove")
    .description("delete a profile")
    .argument("<name>", "profile name")
    .action(async (name: string) => {
      const file = readConfig(path());
      if (!file.profiles[name]) throw new UsageError(`no profile "${name}" (see: mpt config list)`);
      delete file.profiles[name];
      if (file.current === name) delete file.current;
      writeConfig(path(), file);
      await stdoutText(rt).write(`Removed profile "${name}".\n`);
    });
}
