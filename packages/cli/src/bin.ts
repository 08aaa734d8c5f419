#!/usr/bin/env node
/** The `mpt` executable: runs the command line, then exits with its code. */
import { EXIT } from "./errors.js";
import { run } from "./main.js";
import { processRuntime } from "./runtime.js";

// `mpt ... | head`: the reader went away; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  throw error;
});

// Ctrl+C (or SIGTERM): let the command stop and clean up, but never wait long for it.
const interrupt = new AbortController();
const stop = () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  interrupt.abort(new Error("interrupted"));
  setTimeout(() => process.exit(EXIT.interrupted), 2000).unref();
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const code = await run(process.argv.slice(2), processRuntime(interrupt.signal));
process.stdout.write("", () => process.exit(code));
