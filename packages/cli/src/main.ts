/**
 * Runs one `mpt` command line and returns its exit code (see errors.ts for the scheme). Errors
 * are reported on stderr with every token in use redacted.
 */
import { CommanderError } from "commander";
import { EXIT, reportError } from "./errors.js";
import { buildProgram } from "./program.js";
import { collectSecrets, printErr, type Runtime } from "./runtime.js";

export async function run(argv: readonly string[], rt: Runtime): Promise<number> {
  collectSecrets(rt, argv);
  try {
    const { program, args } = buildProgram(rt, argv);
    await program.parseAsync(args, { from: "user" });
    return rt.signal.aborted ? EXIT.interrupted : EXIT.ok;
  } catch (error) {
    if (rt.signal.aborted) return EXIT.interrupted;
    // commander has printed its message (or the help) already
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const report = reportError(error, argv.includes("--debug"), rt.secrets);
    for (const line of report.lines) printErr(rt, line);
    return report.code;
  }
}
