/**
 * Options shared by many commands: the connection options (accepted before the group and after
 * the command, `mpt --sandbox catalog products list` = `mpt catalog products list --sandbox`),
 * the output format, and parsing of numeric values.
 */
import { type Command, Option } from "commander";
import { UsageError } from "./errors.js";

export function addConnectionOptions(cmd: Command): Command {
  cmd.optionsGroup("Connection options:");
  cmd.option("--base-url <url>", "API base URL (default: $MPT_API_BASE_URL or the current profile)");
  cmd.option("--token <token>", "API token (default: $MPT_API_TOKEN or the current profile)");
  cmd.option("--profile <name>", "use a saved profile (mpt config list)");
  cmd.option("--sandbox", "run against a fresh in-process sandbox instead of the API");
  cmd.option("--timeout <seconds>", "time limit of each request (default 60)");
  cmd.option("--retries <n>", "retries of failed requests (default 2)");
  cmd.option("--debug", "log each request to stderr (tokens redacted)");
  cmd.optionsGroup("Output options:");
  cmd.option("--show-secrets", "print credential fields the API returns (token, secret, password) unmasked");
  return cmd;
}

export const FORMATS = ["table", "json", "jsonl", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(): Option {
  return new Option(
    "-o, --format <format>",
    "output format (default: table on a terminal, json otherwise)",
  ).choices(FORMATS);
}

/** Parses a numeric option value (`--limit 20`), or fails with a usage error naming the option. */
export function number(text: string, option: string, min: number, integer = false): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${option} must be ${integer ? "an integer" : "a number"} >= ${min}, got "${text}"`);
  }
  return value;
}
