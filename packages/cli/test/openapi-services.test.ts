/**
 * The CLI picks up the services and actions the client adds beyond the Python library (generated
 * from the catalogue, nothing hand-written): help, list, get and one action per new service, run
 * through the built CLI against a local server that records each request and answers like MPT.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { mpt } from "./helpers.js";

interface Seen {
  method: string;
  path: string;
  query: string;
  body: string;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
let server: Server;
let base: string[];
let dir: string;
const seen: Seen[] = [];

function answer(
  req: IncomingMessage,
  url: URL,
): { status: number; headers: Record<string, string>; body: Buffer } {
  const json = (value: unknown, status = 200) => ({
    status,
    headers: { "Content-Type": "application/json" },
    body: Buffer.from(JSON.stringify(value)),
  });
  if (/\/(icon|image)$/.test(url.pathname)) {
    return {
      status: 200,
      headers: { "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="logo.png"' },
      body: PNG,
    };
  }
  if (/\/(render|template)$/.test(url.pathname)) return json("# rendered");
  if (req.method === "DELETE" || /\/requests\/[^/]+\/(process|query|complete)$/.test(url.pathname)) {
    return { status: 204, headers: {}, body: Buffer.alloc(0) };
  }
  if (url.searchParams.has("limit")) {
    return json({
      $meta: { pagination: { offset: 0, limit: 10, total: 1 } },
      data: [{ id: "X-1", name: "one" }],
    });
  }
  return json({ id: "X-1", name: "one", status: "Draft" }, req.method === "POST" ? 201 : 200);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-openapi-"));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      seen.push({
        method: req.method ?? "",
        path: url.pathname,
        query: url.search,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const { status, headers, body } = answer(req, url);
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = ["--base-url", `http://127.0.0.1:${port}`, "--token", "test-token-0123456789"];
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `mpt` and returns stdout and the requests it sent. */
async function run(args: string[], expectCode = 0): Promise<{ stdout: string; sent: Seen[] }> {
  const from = seen.length;
  const r = await mpt([...base, ...args]);
  assert.equal(r.code, expectCode, `mpt ${args.join(" ")}: ${r.stderr}`);
  return { stdout: r.stdout, sent: seen.slice(from) };
}

async function help(args: string[], expected: RegExp[]): Promise<void> {
  const r = await mpt([...args, "--help"]);
  assert.equal(r.code, 0, r.stderr);
  for (const re of expected) assert.match(r.stdout, re, `mpt ${args.join(" ")} --help`);
}

const V1 = "/public/v1";
const only = (sent: Seen[]) => {
  assert.equal(sent.length, 1, JSON.stringify(sent));
  return sent[0]!;
};

describe("commerce requests", () => {
  it("help lists the commands and nested services", async () => {
    await help(
      ["commerce", "requests"],
      [
        /list/,
        /get/,
        /create/,
        /update/,
        /process/,
        /query/,
        /complete/,
        /validate/,
        /template/,
        /attachments/,
        /messages/,
      ],
    );
    await help(["commerce", "requests", "attachments", "REQ-1"], [/download/, /delete/]);
  });

  it("list, get, process (204: Done.) and template (text)", async () => {
    const list = only((await run(["commerce", "requests", "list", "-o", "json"])).sent);
    assert.deepEqual([list.method, list.path], ["GET", `${V1}/commerce/requests`]);
    const got = await run(["commerce", "requests", "get", "REQ-1", "-o", "json"]);
    assert.equal((JSON.parse(got.stdout) as { id: string }).id, "X-1");
    assert.equal(only(got.sent).path, `${V1}/commerce/requests/REQ-1`);
    const processed = only(
      (await run(["commerce", "requests", "process", "REQ-1", "--data", '{"message":"go"}'])).sent,
    );
    assert.deepEqual([processed.method, processed.path], ["POST", `${V1}/commerce/requests/REQ-1/process`]);
    assert.deepEqual(JSON.parse(processed.body), { message: "go" });
    const template = await run(["commerce", "requests", "template", "REQ-1"]);
    assert.equal(template.stdout, "# rendered\n");
  });

  it("attachments and messages: list, get and create", async () => {
    const list = only(
      (await run(["commerce", "requests", "attachments", "REQ-1", "list", "-o", "json"])).sent,
    );
    assert.equal(list.path, `${V1}/commerce/requests/REQ-1/attachments`);
    const get = only(
      (await run(["commerce", "requests", "messages", "REQ-1", "get", "MSG-1", "-o", "json"])).sent,
    );
    assert.equal(get.path, `${V1}/commerce/requests/REQ-1/messages/MSG-1`);
    const create = only(
      (
        await run([
          "commerce",
          "requests",
          "messages",
          "REQ-1",
          "create",
          "--data",
          '{"content":"hi","visibility":"Public"}',
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.deepEqual([create.method, create.path], ["POST", `${V1}/commerce/requests/REQ-1/messages`]);
  });
});

describe("account users", () => {
  it("users-of <account-id>: help, list, get, accept-invite; groups: create, update, delete", async () => {
    await help(
      ["accounts", "users-of", "ACC-1"],
      [/accept-invite/, /resend-invite/, /send-new-invite/, /groups/],
    );
    const list = only((await run(["accounts", "users-of", "ACC-1", "list", "-o", "json"])).sent);
    assert.equal(list.path, `${V1}/accounts/ACC-1/users`);
    const get = only((await run(["accounts", "users-of", "ACC-1", "get", "USR-1", "-o", "json"])).sent);
    assert.equal(get.path, `${V1}/accounts/ACC-1/users/USR-1`);
    const accept = only(
      (await run(["accounts", "users-of", "ACC-1", "accept-invite", "USR-1", "-o", "json"])).sent,
    );
    assert.deepEqual(
      [accept.method, accept.path],
      ["POST", `${V1}/accounts/ACC-1/users/USR-1/accept-invite`],
    );
    const groups = ["accounts", "users-of", "ACC-1", "groups", "USR-1"];
    const add = only((await run([...groups, "create", "--data", '{"id":"UGR-1"}', "-o", "json"])).sent);
    assert.deepEqual([add.method, add.path], ["POST", `${V1}/accounts/ACC-1/users/USR-1/groups`]);
    const replace = only((await run([...groups, "update", "--data", '[{"id":"UGR-2"}]', "-o", "json"])).sent);
    assert.deepEqual([replace.method, JSON.parse(replace.body)], ["PUT", [{ id: "UGR-2" }]]);
    const bad = await mpt([...base, ...groups, "update", "--data", "[1]"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--data must be a JSON object or a list of objects/);
    const remove = only((await run([...groups, "delete", "UGR-2"])).sent);
    assert.deepEqual(
      [remove.method, remove.path],
      ["DELETE", `${V1}/accounts/ACC-1/users/USR-1/groups/UGR-2`],
    );
  });

  it("account-users groups <id>: create", async () => {
    await help(["accounts", "account-users", "groups", "USR-1"], [/create/, /update/, /delete/]);
    const add = only(
      (
        await run([
          "accounts",
          "account-users",
          "groups",
          "USR-1",
          "create",
          "--data",
          '{"id":"UGR-1"}',
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.equal(add.path, `${V1}/accounts/account-users/USR-1/groups`);
  });
});

describe("new actions on existing services", () => {
  it("download-icon and download-image save the file", async () => {
    await help(["catalog", "products"], [/download-icon/]);
    const out = join(dir, "icon.png");
    const icon = only((await run(["accounts", "sellers", "download-icon", "SEL-1", "--out", out])).sent);
    assert.equal(icon.path, `${V1}/accounts/sellers/SEL-1/icon`);
    assert.deepEqual(readFileSync(out), PNG);
    const image = join(dir, "image.png");
    const sent = only(
      (await run(["program", "programs", "media", "PRG-1", "download-image", "PME-1", "--out", image])).sent,
    );
    assert.equal(sent.path, `${V1}/program/programs/PRG-1/media/PME-1/image`);
    assert.deepEqual(readFileSync(image), PNG);
  });

  it("split billing, ledger accept, journal apim-test upload, transfer details, enrollment draft validation", async () => {
    await help(["commerce", "agreements"], [/get-split/, /create-split/, /update-split/]);
    const split = only((await run(["commerce", "agreements", "get-split", "AGR-1", "-o", "json"])).sent);
    assert.deepEqual([split.method, split.path], ["GET", `${V1}/commerce/agreements/AGR-1/split`]);
    const update = only(
      (
        await run([
          "commerce",
          "subscriptions",
          "update-split",
          "SUB-1",
          "--data",
          '{"allocations":[]}',
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.deepEqual([update.method, update.path], ["PUT", `${V1}/commerce/subscriptions/SUB-1/split`]);
    const accept = only((await run(["billing", "ledgers", "accept", "BLE-1", "-o", "json"])).sent);
    assert.equal(accept.path, `${V1}/billing/ledgers/BLE-1/accept`);
    const upload = only(
      (
        await run([
          "billing",
          "journals",
          "upload-apim-test",
          "BJO-1",
          "--file",
          "package.json",
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.equal(upload.path, `${V1}/billing/journals/BJO-1/upload/apim-test`);
    assert.match(upload.body, /name="file"; filename="package.json"/);
    const transfer = only(
      (
        await run([
          "accounts",
          "buyers",
          "get-transfer",
          "BUY-1",
          "--destination-account-id",
          "ACC-2",
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.deepEqual(
      [transfer.path, transfer.query],
      [`${V1}/accounts/buyers/BUY-1/transfer`, "?destinationAccountId=ACC-2"],
    );
    const draft = only(
      (
        await run([
          "program",
          "enrollments",
          "validate-draft",
          "--data",
          '{"program":{"id":"PRG-1"}}',
          "-o",
          "json",
        ])
      ).sent,
    );
    assert.deepEqual([draft.method, draft.path], ["POST", `${V1}/program/enrollments/validate`]);
  });

  it("renders, sso check and spotlight query update", async () => {
    const render = await run(["program", "certificates", "render", "CER-1"]);
    assert.equal(render.stdout, "# rendered\n");
    const sub = only((await run(["commerce", "orders", "subscriptions", "ORD-1", "render", "SUB-1"])).sent);
    assert.equal(sub.path, `${V1}/commerce/orders/ORD-1/subscriptions/SUB-1/render`);
    const sso = only((await run(["accounts", "users", "get-sso-check", "USR-1"])).sent);
    assert.deepEqual([sso.method, sso.path], ["GET", `${V1}/accounts/users/USR-1/sso-check`]);
    const query = only(
      (await run(["spotlight", "queries", "update", "SPQ-1", "--data", '{"name":"Mine"}', "-o", "json"]))
        .sent,
    );
    assert.deepEqual([query.method, query.path], ["PUT", `${V1}/spotlight/queries/SPQ-1`]);
  });
});
