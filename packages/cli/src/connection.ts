/**
 * Where requests go and with which token. Each setting is taken from the first source that has it:
 *   1. flags `--base-url` / `--token`
 *   2. the profile named by `--profile`
 *   3. environment `MPT_API_BASE_URL` / `MPT_API_TOKEN`
 *   4. the current profile of the config file (`mpt config use <name>`)
 * `--sandbox` ignores all of them and runs against a fresh in-process sandbox (no socket; the
 * seeded data is the same every time, and changes last for this one command).
 */
import { BearerTokenAuthentication, type ClientOptions, MPTClient } from "mpt-api-client";
import { configPath, type Profile, readConfig } from "./config-file.js";
import { UsageError } from "./errors.js";
import { number } from "./options.js";
import { printErr, type Runtime } from "./runtime.js";

/** The connection options every command accepts (see `addConnectionOptions`). */
export interface ConnectionFlags {
  baseUrl?: string;
  token?: string;
  profile?: string;
  sandbox?: boolean;
  timeout?: string;
  retries?: string;
  debug?: boolean;
  /** Print credential fields unmasked (output/secrets.ts). */
  showSecrets?: boolean;
}

export interface Connection {
  readonly client: MPTClient;
  /** The token requests are sent with. */
  readonly token: string;
  close(): Promise<void>;
}

export interface Settings {
  baseUrl: string | undefined;
  token: string | undefined;
  /** Where each came from: `--token`, `profile prod`, `MPT_API_TOKEN`, `current profile prod`. */
  baseUrlSource: string | undefined;
  tokenSource: string | undefined;
}

/** Base URL and token from flags, `--profile`, environment and the current profile, in that order. */
export function resolveSettings(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Settings {
  const config = readConfig(configPath(env));
  let named: Profile = {};
  if (flags.profile !== undefined) {
    const profile = config.profiles[flags.profile];
    if (!profile) throw new UsageError(`no profile "${flags.profile}" (see: mpt config list)`);
    named = profile;
  }
  const current = config.current ? (config.profiles[config.current] ?? {}) : {};
  const pick = (
    flag: [string | undefined, string],
    fromNamed: string | undefined,
    envName: string,
    fromCurrent: string | undefined,
  ): [string | undefined, string | undefined] => {
    if (flag[0] !== undefined) return flag;
    if (fromNamed !== undefined) return [fromNamed, `profile ${flags.profile}`];
    if (env[envName]) return [env[envName], envName];
    if (fromCurrent !== undefined) return [fromCurrent, `current profile ${config.current}`];
    return [undefined, undefined];
  };
  const [baseUrl, baseUrlSource] = pick(
    [flags.baseUrl, "--base-url"],
    named.baseUrl,
    "MPT_API_BASE_URL",
    current.baseUrl,
  );
  const [token, tokenSource] = pick([flags.token, "--token"], named.token, "MPT_API_TOKEN", current.token);
  return { baseUrl, token, baseUrlSource, tokenSource };
}

export async function connect(flags: ConnectionFlags, rt: Runtime): Promise<Connection> {
  const transport = transportOptions(flags, rt);
  if (flags.sandbox) {
    if (flags.baseUrl !== undefined || flags.token !== undefined || flags.profile !== undefined) {
      throw new UsageError("--sandbox cannot be combined with --base-url, --token or --profile");
    }
    const { createSandbox } = await import("mpt-sandbox");
    const sandbox = createSandbox();
    const client = build({
      ...transport,
      baseUrl: sandbox.url,
      authentication: new BearerTokenAuthentication(sandbox.tokens.operations),
      fetch: sandbox.fetch,
    });
    return { client, token: sandbox.tokens.operations, close: async () => undefined };
  }
  const settings = resolveSettings(flags, rt.env);
  if (!settings.baseUrl) {
    throw new UsageError(
      "no API base URL: pass --base-url, set MPT_API_BASE_URL, or save a profile with `mpt config set`",
    );
  }
  if (!settings.token) {
    throw new UsageError(
      "no API token: pass --token, set MPT_API_TOKEN, or save a profile with `mpt config set`",
    );
  }
  rt.secrets.add(settings.token);
  const client = build({
    ...transport,
    baseUrl: settings.baseUrl,
    authentication: new BearerTokenAuthentication(settings.token),
  });
  return { client, token: settings.token, close: async () => undefined };
}

function build(options: ClientOptions): MPTClient {
  try {
    return new MPTClient(options);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function transportOptions(flags: ConnectionFlags, rt: Runtime): ClientOptions {
  const options: ClientOptions = {};
  if (flags.timeout !== undefined) options.timeout = number(flags.timeout, "--timeout", 0.001) * 1000;
  if (flags.retries !== undefined) options.retries = number(flags.retries, "--retries", 0, true);
  if (flags.debug) {
    options.logger = {
      debug: (message, fields) =>
        printErr(rt, `debug: ${message}${fields ? ` ${JSON.stringify(fields)}` : ""}`),
    };
  }
  return options;
}
