/**
 * Named connection profiles in a JSON file: `$MPT_CONFIG`, else
 * `$XDG_CONFIG_HOME/mpt/config.json`, else `~/.config/mpt/config.json`. The file holds tokens, so
 * it is written atomically with mode 0600 (its directory 0700). Tokens are shown masked only.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { UsageError } from "./errors.js";

export interface Profile {
  baseUrl?: string;
  token?: string;
}

export interface ConfigFile {
  current?: string;
  profiles: Record<string, Profile>;
}

export function configPath(env: NodeJS.ProcessEnv): string {
  if (env["MPT_CONFIG"]) return env["MPT_CONFIG"];
  const base = env["XDG_CONFIG_HOME"] || join(homedir(), ".config");
  return join(base, "mpt", "config.json");
}

export function readConfig(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { profiles: {} };
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UsageError(`${path} is not valid JSON; fix or remove it`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${path} must hold a JSON object`);
  }
  const obj = raw as Record<string, unknown>;
  const profiles: Record<string, Profile> = {};
  const rawProfiles = obj["profiles"];
  if (typeof rawProfiles === "object" && rawProfiles !== null) {
    for (const [name, value] of Object.entries(rawProfiles as Record<string, unknown>)) {
      if (typeof value !== "object" || value === null) continue;
      const p = value as Record<string, unknown>;
      const profile: Profile = {};
      if (typeof p["baseUrl"] === "string") profile.baseUrl = p["baseUrl"];
      if (typeof p["token"] === "string") profile.token = p["token"];
      profiles[name] = profile;
    }
  }
  const config: ConfigFile = { profiles };
  if (typeof obj["current"] === "string") config.current = obj["current"];
  return config;
}

export function writeConfig(path: string, config: ConfigFile): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

/** `****abcd`: at most the last four characters of a long token, never the token. */
export function maskToken(token: string | undefined): string {
  if (!token) return "";
  return token.length >= 16 ? `****${token.slice(-4)}` : "****";
}
