/**
 * Runs bash scripts whose `mpt` runs in THIS process (`run(argv, runtime)` through helpers.ts'
 * `start`), so a script of 60 commands does not start 60 Node processes. `mpt` is a bash function
 * that writes its arguments, exported environment, working directory and stdin to a call
 * directory, asks this process over a loopback socket to run them (bash's /dev/tcp: no extra
 * process), and then prints the command's stdout and stderr byte for byte and returns its exit
 * code. Output arrives when the command ends, not while it runs: enough for scripts, not for
 * tests of progress or Ctrl+C (those spawn the real binary, see helpers.ts `spawnBin`).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "./helpers.js";

export interface ScriptResult {
  code: number;
  output: string;
}

export interface ShellBridge {
  /** Runs `script` with `bash -c` (after `set -euo pipefail`) in `cwd`, `env` exported. */
  bash(script: string, cwd: string, env?: Record<string, string>): Promise<ScriptResult>;
  close(): Promise<void>;
}

/** The bash side: `mpt "$@"` as a call to the bridge. */
const MPT_FUNCTION = String.raw`mpt() {
  local call conn code
  call=$(mktemp -d "$MPT_BRIDGE_DIR/call-XXXXXX")
  printf '%s\0' "$@" > "$call/argv"
  env -0 > "$call/env"
  cat > "$call/stdin"
  exec {conn}<>"/dev/tcp/127.0.0.1/$MPT_BRIDGE_PORT"
  printf '%s\n%s\n' "$call" "$PWD" >&"$conn"
  read -r code <&"$conn"
  exec {conn}>&-
  cat "$call/stderr" >&2
  cat "$call/stdout" || true
  return "$code"
}`;

/** NUL-separated fields (the last one is empty). */
function fields(file: string): string[] {
  return readFileSync(file, "utf8").split("\0").slice(0, -1);
}

/** The two request lines (call directory, working directory) of a connection. */
function requestOf(socket: Socket): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let request = "";
    const onData = (chunk: Buffer) => {
      request += chunk.toString();
      const lines = request.split("\n");
      if (lines.length < 3) return;
      socket.off("data", onData);
      resolve(lines.slice(0, 2));
    };
    socket.on("data", onData);
    socket.once("error", reject);
    socket.once("end", () => reject(new Error(`bridge: incomplete request ${JSON.stringify(request)}`)));
  });
}

async function serve(socket: Socket): Promise<void> {
  const [call = "", cwd = ""] = await requestOf(socket);
  const env: Record<string, string> = {};
  for (const entry of fields(join(call, "env"))) {
    const at = entry.indexOf("=");
    env[entry.slice(0, at)] = entry.slice(at + 1);
  }
  const running = start(fields(join(call, "argv")), {
    env,
    cwd,
    input: readFileSync(join(call, "stdin")),
  });
  let code: number;
  try {
    code = (await running.done).code;
  } catch (error) {
    // a crash of run() itself (it reports command errors as exit codes): show it, exit 70
    writeFileSync(join(call, "stdout"), "");
    writeFileSync(join(call, "stderr"), `bridge: run() threw: ${String(error)}\n`);
    socket.end("70\n");
    return;
  }
  writeFileSync(join(call, "stdout"), running.bytes("stdout"));
  writeFileSync(join(call, "stderr"), running.bytes("stderr"));
  socket.end(`${code}\n`);
}

/** Starts the bridge (a loopback listener and a scratch directory); `close()` removes both. */
export async function shellBridge(): Promise<ShellBridge> {
  const dir = mkdtempSync(join(tmpdir(), "mpt-shell-bridge-"));
  const server = createServer((socket) => {
    serve(socket).catch((error: unknown) => socket.destroy(error as Error));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    bash(script, cwd, extra = {}) {
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env))
        if (!k.startsWith("MPT_") && k !== "NODE_OPTIONS") env[k] = v;
      Object.assign(env, extra, { MPT_BRIDGE_DIR: dir, MPT_BRIDGE_PORT: String(port) });
      return new Promise((resolve, reject) => {
        const child = spawn("bash", ["-c", `set -euo pipefail\n${MPT_FUNCTION}\n${script}`], {
          cwd,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (d: Buffer) => {
          output += d.toString();
        });
        child.stderr.on("data", (d: Buffer) => {
          output += d.toString();
        });
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, output }));
      });
    },
    async close() {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
