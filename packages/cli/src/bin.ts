#!/usr/bin/env node
/** The `mpt` executable: runs the command line, then exits with its code. */
import { run } from "./main.js";
import { processRuntime } from "./runtime.js";

// `mpt ... | head`: the reader went away; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const code = await run(process.argv.slice(2), processRuntime());
process.stdout.write("", () => process.exit(code));
