/**
 * The runtime matrix: the same scenario (scenario.js: get, filtered iterate, create with uploads,
 * download, JSONL stream, abort, an API error) with the BUILT client (dist/) in Node, Bun, Deno
 * and a headless Chromium page, each against a sandbox of its own, all runtimes at once.
 * Node runs twice: the running version, and the oldest supported one (20.19.0, the engines floor)
 * from the registry's `node-<os>-<arch>` package (an optional dependency: Linux x64 only, run
 * by its path). Bun and Deno come from their npm packages (devDependencies), Chromium from the system
 * (`chromium` on PATH, /usr/bin/chromium, or MPT_CHROMIUM; `.ci/run` installs Debian's) driven
 * by playwright-core. A runtime that is missing is a failure in CI (CI=true) and a skip, with the
 * reason, elsewhere.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "mpt-sandbox";
import { chromiumPath } from "../support/chromium.js";
import { missingRuntime, runProcess } from "../support/run-process.js";
import { type BrowserFacts, runInChromium } from "./chromium.js";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "..", "..");
const root = join(clientDir, "..", "..");
const bundle = join(clientDir, "dist", "index.js");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

interface Report {
  runtime: string;
  version: string;
  facts?: Facts;
  error?: string;
}

interface ErrorFacts {
  threw: boolean;
  name?: string;
  isMPTError?: boolean;
}

interface Facts {
  get: { id: string; sameId: boolean; hasName: boolean };
  iterate: { total: number; iterated: number; allCompleted: boolean };
  upload: { productId: string; documentId: string; size: number };
  download: { filename: string | null; contentType: string | null; size: number; same: boolean };
  stream: { streamed: number; total: number; streamedCompleted: boolean };
  abortBefore: ErrorFacts;
  abortDuring: ErrorFacts & { readBeforeAbort: number };
  apiError: { threw: boolean; isMPTAPIError: boolean; status: number; title: string; hasTraceId: boolean };
}

function parseReport(stdout: string): Report {
  const line = stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Report;
}

/** Every runtime must give the same answers. */
function checkFacts(report: Report, runtime: string): void {
  assert.equal(report.error, undefined, `${runtime}: the scenario failed:\n${report.error}`);
  const facts = report.facts;
  assert.ok(facts, `${runtime}: no facts reported`);
  assert.equal(report.runtime, runtime);
  assert.match(facts.get.id, /^PRD-\d{4}-\d{4}$/);
  assert.ok(facts.get.sameId && facts.get.hasName, `${runtime}: get`);
  assert.ok(facts.iterate.total > 120, `${runtime}: the sandbox should hold more than 120 completed orders`);
  assert.equal(facts.iterate.iterated, 120, `${runtime}: iterate crossed pages of 50 and stopped on break`);
  assert.ok(facts.iterate.allCompleted, `${runtime}: the filter applied to every record`);
  assert.match(facts.upload.documentId, new RegExp(`^PDC-${facts.upload.productId.slice(4)}-\\d{4}$`));
  assert.equal(facts.upload.size, 2048);
  assert.deepEqual(
    facts.download,
    { filename: "spec.pdf", contentType: "application/pdf", size: 2048, same: true },
    `${runtime}: the uploaded bytes came back`,
  );
  assert.equal(
    facts.stream.streamed,
    facts.stream.total,
    `${runtime}: the JSONL stream yielded every record`,
  );
  assert.ok(facts.stream.streamedCompleted);
  assert.deepEqual(
    { threw: facts.abortBefore.threw, name: facts.abortBefore.name },
    { threw: true, name: "AbortError" },
  );
  assert.deepEqual(
    { threw: facts.abortDuring.threw, name: facts.abortDuring.name, read: facts.abortDuring.readBeforeAbort },
    { threw: true, name: "AbortError", read: 5 },
    `${runtime}: the stream stopped right at abort()`,
  );
  assert.deepEqual(facts.apiError, {
    threw: true,
    isMPTAPIError: true,
    status: 404,
    title: "Not Found",
    hasTraceId: true,
  });
}

async function withSandbox<T>(body: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0 });
  try {
    return await body(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** The oldest Node the packages support (package.json `engines`), from the registry's binary package. */
const OLDEST_NODE = "20.19.0";
const oldestNode = join(root, "node_modules", `node-${process.platform}-${process.arch}`, "bin", "node");

const SERVER_RUNTIMES: ReadonlyArray<{
  name: string;
  runtime: string;
  version?: string;
  command: string;
  args: string[];
}> = [
  { name: "node", runtime: "node", command: process.execPath, args: [] },
  { name: `node ${OLDEST_NODE}`, runtime: "node", version: OLDEST_NODE, command: oldestNode, args: [] },
  { name: "bun", runtime: "bun", command: bin("bun"), args: [] },
  {
    name: "deno",
    runtime: "deno",
    command: bin("deno"),
    args: ["run", "--no-prompt", "--no-config", "--allow-net=127.0.0.1", `--allow-read=${clientDir}`],
  },
];

describe("runtime matrix (built client against a sandbox)", { concurrency: true }, () => {
  test("the client is built", () => {
    assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first (npm test does)`);
  });

  for (const { name, runtime, version, command, args } of SERVER_RUNTIMES) {
    test(name, async (t) => {
      if (!existsSync(command)) {
        missingRuntime(t, `${name} is not installed (${command}); \`npm ci\` installs it`);
        return;
      }
      const result = await withSandbox((sandbox) =>
        runProcess(command, [...args, "run-scenario.js", sandbox.url, sandbox.tokens.vendor], {
          cwd: here,
          env: { DO_NOT_TRACK: "1", DENO_NO_UPDATE_CHECK: "1" },
        }),
      );
      assert.equal(result.code, 0, `${runtime} exited with ${result.code}:\n${result.stderr}`);
      const report = parseReport(result.stdout);
      if (version) assert.equal(report.version, version, `${name}: ran on ${report.version}`);
      checkFacts(report, runtime);
    });
  }

  test("chromium (headless, a page importing the ESM bundle)", async (t) => {
    const executable = chromiumPath();
    if (!executable) {
      missingRuntime(
        t,
        "no Chromium found (set MPT_CHROMIUM, or `apt-get install chromium` as .ci/run does)",
      );
      return;
    }
    const result: BrowserFacts = await withSandbox((sandbox) =>
      runInChromium(executable, { baseUrl: sandbox.url, token: sandbox.tokens.vendor }),
    );
    // an API token in a browser needs the explicit opt-in
    assert.match(result.refused, /an API token in a browser.*dangerouslyAllowBrowser: true/s);
    // browsers own User-Agent: the page's requests carry the browser's
    assert.match(result.userAgent, /Chrome\//);
    checkFacts(result.report, "chromium");
  });
});
