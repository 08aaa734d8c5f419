/**
 * Environment lookup that works everywhere the client runs: Node and Bun (`process.env`), Deno
 * (`Deno.env`, permission errors swallowed) and browsers (no environment: always undefined).
 */

interface EnvHost {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/** The value of environment variable `name`, or `undefined` when unset or not readable here. */
export function readEnv(name: string): string | undefined {
  const host = globalThis as EnvHost;
  try {
    const fromProcess = host.process?.env?.[name];
    if (fromProcess !== undefined) return fromProcess;
  } catch {
    // a locked-down process object
  }
  try {
    return host.Deno?.env?.get(name);
  } catch {
    // Deno without --allow-env
    return undefined;
  }
}
