/**
 * Every program of examples/ runs against a sandbox as a reader would run it: TypeScript ones with
 * `node --import tsx` (importing the BUILT packages, no "source" condition), the node:test one
 * with `--test`, the shell script with an `mpt` on PATH, the browser page in headless Chromium.
 * Each must exit 0 and print what it promises. (They are type-checked by `npm run typecheck`.)
 * A file in examples/ that this table does not run fails the test.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { type RunningSandbox, startSandbox } from "mpt-sandbox";
import { chromiumPath, openPage } from "./support/chromium.js";
import { missingRuntime, runProcess } from "./support/run-process.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const examples = join(root, "examples");
const scratch = mkdtempSync(join(tmpdir(), "mpt-examples-"));

interface Example {
  file: string;
  args?: string[];
  /** Lines (regular expressions) the program must print on stdout. */
  prints: RegExp[];
  /** Checks of what the program left behind. */
  leaves?: () => void;
}

const TYPESCRIPT: Example[] = [
  {
    file: "get.ts",
    prints: [/^PRD-\d{4}-\d{4} {2}.+ {2}\w+$/m, /^with select: \{"id":"PRD-\d{4}-\d{4}","name":"[^"]+"\}$/m],
  },
  {
    file: "iterate-rql.ts",
    prints: [
      /^query: and\(eq\(status,'Completed'\),gt\(audit\.created\.at,'2020-01-01'\)\)$/m,
      /^matching orders: \d+$/m,
      /^(ORD-[\d-]+ Completed \S+\n){5}$/m,
    ],
  },
  {
    file: "export-csv.ts",
    args: [join(scratch, "orders.csv")],
    prints: [/^wrote \d+ rows to .*orders\.csv$/m],
    leaves: () => {
      const lines = readFileSync(join(scratch, "orders.csv"), "utf8").trimEnd().split("\n");
      assert.equal(lines[0], "id,status,client.name,audit.created.at");
      assert.ok(lines.length > 100, "one row per completed order");
      for (const line of lines.slice(1)) assert.match(line, /^ORD-[\d-]+,Completed,/);
    },
  },
  {
    file: "upload-download.ts",
    prints: [
      /^created PRD-\d{4}-\d{4} with an icon$/m,
      /^uploaded PDC-[\d-]+ \(\d+ bytes\)$/m,
      /^downloaded specification\.pdf application\/pdf \d+ bytes$/m,
      /: identical$/m,
    ],
  },
  { file: "extension-auth.ts", prints: [/^account ACC-\d{4}-\d{4}: \d+ agreements, \d+ subscriptions$/m] },
  {
    file: "errors.ts",
    prints: [
      /^missing order: API error 404 Not Found \(traceId \S+\)$/m,
      /^invalid product: API error 400 .*$/m,
      /^ {2}name: /m,
      /^not a valid id: MPTError: /m,
    ],
  },
  {
    file: "abort-timeout.ts",
    prints: [/^orders: \d+$/m, /^cancelled after 60 orders$/m, /^gave up: .*timed out after 1 ms/m],
  },
  { file: "stream-jsonl.ts", prints: [/^Completed: \d+$/m, /^Draft: \d+$/m] },
];

let sandbox: RunningSandbox;
let env: Record<string, string>;

before(async () => {
  sandbox = await startSandbox({ port: 0 });
  env = {
    MPT_API_BASE_URL: sandbox.url,
    MPT_API_TOKEN: sandbox.tokens.vendor,
    MPT_EXTENSION_SECRET: sandbox.tokens.extension,
    MPT_ACCOUNT_ID: sandbox.accounts.client,
  };
});
after(() => sandbox.close());

function check(
  name: string,
  result: { code: number | null; stdout: string; stderr: string },
  prints: RegExp[],
) {
  assert.equal(result.code, 0, `${name} exited with ${result.code}:\n${result.stderr}\n${result.stdout}`);
  for (const line of prints) assert.match(result.stdout, line, `${name} should print ${line}`);
}

describe("examples/", { concurrency: 3 }, () => {
  test("every example is run by this test", () => {
    const covered = new Set([
      ...TYPESCRIPT.map((e) => e.file),
      "sandbox-in-a-test.test.ts",
      "cli-script.sh",
      "browser",
      "README.md",
      "tsconfig.json",
    ]);
    const present = readdirSync(examples);
    assert.deepEqual(
      present.filter((f) => !covered.has(f)),
      [],
      "add the new example to packages/client/test/examples.test.ts",
    );
    assert.ok(present.length >= 12, "ten or more examples");
  });

  for (const example of TYPESCRIPT) {
    test(example.file, async () => {
      const result = await runProcess(
        process.execPath,
        ["--import", "tsx", join(examples, example.file), ...(example.args ?? [])],
        { cwd: root, env },
      );
      check(example.file, result, example.prints);
      example.leaves?.();
    });
  }

  test("sandbox-in-a-test.test.ts (node:test)", async () => {
    const result = await runProcess(
      process.execPath,
      ["--import", "tsx", "--test", "--test-reporter=tap", join(examples, "sandbox-in-a-test.test.ts")],
      { cwd: root },
    );
    check("sandbox-in-a-test.test.ts", result, [/^# pass 3$/m, /^# fail 0$/m]);
  });

  test("cli-script.sh (the mpt command)", async () => {
    const bin = join(scratch, "bin");
    const shim = join(bin, "mpt");
    const cli = join(root, "packages", "cli", "dist", "bin.js");
    assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first (npm test does)`);
    mkdirSync(bin, { recursive: true });
    writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
    chmodSync(shim, 0o755);
    const result = await runProcess("bash", [join(examples, "cli-script.sh")], {
      cwd: root,
      env: { ...env, PATH: `${bin}:${process.env["PATH"] ?? ""}` },
    });
    check("cli-script.sh", result, [
      /^completed orders: \d+$/m,
      /^id,name\n(PRD-\d{4}-\d{4},.+\n){3}/m,
      /^product PRD-\d{4}-\d{4} as JSON:$/m,
      /"status": "Published"/,
    ]);
  });

  test("browser/ (index.html served by serve.ts, in headless Chromium)", async (t) => {
    const executable = chromiumPath();
    if (!executable) {
      missingRuntime(
        t,
        "no Chromium found (set MPT_CHROMIUM, or `apt-get install chromium` as .ci/run does)",
      );
      return;
    }
    const server = spawn(process.execPath, ["--import", "tsx", join(examples, "browser", "serve.ts")], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let out = "";
      server.stdout.on("data", (chunk: Buffer) => {
        out += chunk;
      });
      while (!/^open (\S+)/m.test(out)) {
        const exited = once(server, "exit").then(() => "exit");
        if ((await Promise.race([once(server.stdout, "data").then(() => "data"), exited])) === "exit") {
          assert.fail(`serve.ts exited before printing its URL:\n${out}`);
        }
      }
      const url = /^open (\S+)/m.exec(out)?.[1] ?? "";
      const shown = await openPage(executable, url, async (page) => {
        await page.waitForFunction(
          () => !/loading/.test(document.querySelector("#status")?.textContent ?? ""),
        );
        return {
          status: await page.locator("#status").textContent(),
          items: await page.locator("#products li").allTextContents(),
        };
      });
      assert.match(shown.status ?? "", /^loaded [1-5] products$/);
      assert.equal(`loaded ${shown.items.length} products`, shown.status, "one list item per product");
      for (const item of shown.items) assert.match(item, /^PRD-\d{4}-\d{4} \S/);
    } finally {
      server.kill("SIGTERM");
    }
  });
});
