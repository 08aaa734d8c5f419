/**
 * `mpt sandbox`: starts the local emulator on loopback and prints its URL and its own test
 * tokens (they are local to this process, so printing them is safe), then serves until Ctrl+C
 * (exit code 130, as for any interrupted command).
 */
import { once } from "node:events";
import type { Command } from "commander";
import { UsageError } from "../errors.js";
import { number } from "../options.js";
import { pathIn, type Runtime } from "../runtime.js";
import { stdoutText } from "./common.js";

interface SandboxFlags {
  port?: string;
  scale?: string;
  seed?: string;
  fixtures?: string;
  json?: boolean;
}

export function addSandboxCommand(root: Command, rt: Runtime): void {
  const cmd = root
    .command("sandbox")
    .description("start a local MPT sandbox and print its URL and tokens")
    .option("--port <n>", "port on 127.0.0.1 (default: any free port)")
    .option("--scale <n>", "size of the seeded marketplace (default 1)")
    .option("--seed <text>", "seed of the generated data (default: fixed, so ids repeat)")
    .option(
      "--fixtures <file>",
      "load your own data set (a fixtures JSON document; see the mpt-sandbox README)",
    )
    .option("--json", "print {url, tokens} as JSON (for scripts)")
    .addHelpText(
      "after",
      `
Examples:
  mpt sandbox --port 8080
  mpt sandbox --fixtures ./my-marketplace.json
  mpt --base-url http://127.0.0.1:8080 --token <operations token> catalog products list`,
    );
  cmd.action(async () => {
    const flags = cmd.opts<SandboxFlags>();
    const options: { port: number; scale?: number; seed?: string; fixtures?: string } = {
      port: flags.port === undefined ? 0 : number(flags.port, "--port", 0, true),
    };
    if (flags.scale !== undefined) options.scale = number(flags.scale, "--scale", 0);
    if (flags.seed !== undefined) options.seed = flags.seed;
    if (flags.fixtures !== undefined) options.fixtures = pathIn(rt, flags.fixtures);
    const { FixtureError, startSandbox } = await import("mpt-sandbox");
    const sandbox = await startSandbox(options).catch((error: unknown) => {
      if (error instanceof FixtureError)
        throw new UsageError(`--fixtures ${flags.fixtures}: ${error.message}`);
      throw error;
    });
    const out = stdoutText(rt);
    if (flags.json) {
      await out.write(`${JSON.stringify({ url: sandbox.url, tokens: sandbox.tokens })}\n`);
    } else {
      const tokens = Object.entries(sandbox.tokens).map(([role, token]) => `  ${role.padEnd(11)} ${token}`);
      await out.write(
        [
          `MPT sandbox listening on ${sandbox.url}`,
          "Tokens:",
          ...tokens,
          "Use it:",
          `  export MPT_API_BASE_URL=${sandbox.url}`,
          `  export MPT_API_TOKEN=${sandbox.tokens.operations}`,
          "  mpt catalog products list",
          "Press Ctrl+C to stop.",
          "",
        ].join("\n"),
      );
    }
    if (!rt.signal.aborted) await once(rt.signal, "abort");
    await sandbox.close();
  });
}
