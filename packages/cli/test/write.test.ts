/** Writing through the built CLI: create / update / delete, --data forms, uploads, actions, downloads. */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { jsonLines, mpt, sandbox, type TestSandbox } from "./helpers.js";

let sb: TestSandbox;
let dir: string;

before(async () => {
  sb = await sandbox();
  dir = mkdtempSync(join(tmpdir(), "mpt-cli-write-"));
});
after(async () => {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function json(args: string[], input?: string): Promise<Record<string, unknown>> {
  const r = await mpt([...sb.args, ...args, "-o", "json"], input === undefined ? {} : { input });
  assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

async function firstId(...path: string[]): Promise<string> {
  const r = await mpt([...sb.args, ...path, "list", "--limit", "1", "-o", "jsonl"]);
  assert.equal(r.code, 0, r.stderr);
  return String(jsonLines(r.stdout)[0]?.["id"]);
}

describe("create, update, delete", () => {
  it("takes --data as JSON text, @file and - (stdin)", async () => {
    const literal = await json(["catalog", "products", "create", "--data", '{"name":"Literal"}']);
    assert.equal(literal["name"], "Literal");
    const file = join(dir, "product.json");
    writeFileSync(file, JSON.stringify({ name: "From file" }));
    assert.equal((await json(["catalog", "products", "create", "--data", `@${file}`]))["name"], "From file");
    assert.equal(
      (await json(["catalog", "products", "create", "--data", "-"], '{"name":"From stdin"}'))["name"],
      "From stdin",
    );
  });

  it("creates several chat participants at once from a JSON list (one POST, answered as a list)", async () => {
    const chatId = await firstId("helpdesk", "chats");
    const users = await mpt([...sb.args, "accounts", "users", "list", "--limit", "2", "-o", "jsonl"]);
    const [userA, userB] = jsonLines(users.stdout).map((u) => String(u["id"]));
    const list = JSON.stringify([{ identity: { id: userA } }, { identity: { id: userB } }]);
    const r = await mpt([
      ...sb.args,
      ...["helpdesk", "chats", "participants", chatId, "create", "--data", list, "-o", "jsonl"],
    ]);
    assert.equal(r.code, 0, r.stderr);
    const created = jsonLines(r.stdout);
    assert.equal(created.length, 2);
    for (const participant of created) assert.match(String(participant["id"]), /^CHP-/);
    assert.deepEqual(
      created.map((p) => (p["identity"] as { id: string }).id),
      [userA, userB],
    );
    // other services take one object
    const refused = await mpt([...sb.args, "catalog", "products", "create", "--data", '[{"name":"x"}]']);
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /--data must be a JSON object/);
  });

  it("updates and deletes what it created (state kept by the sandbox server)", async () => {
    const created = await json(["catalog", "products", "create", "--data", '{"name":"Short-lived"}']);
    const id = String(created["id"]);
    const updated = await json(["catalog", "products", "update", id, "--data", '{"name":"Renamed"}']);
    assert.equal(updated["name"], "Renamed");
    assert.equal((await json(["catalog", "products", "get", id]))["name"], "Renamed");
    const removed = await mpt([...sb.args, "catalog", "products", "delete", id]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal(removed.stdout, "");
    assert.equal((await mpt([...sb.args, "catalog", "products", "get", id])).code, 3);
  });

  it("uploads a file with --file on upload services", async () => {
    const icon = join(dir, "icon.png");
    writeFileSync(icon, Buffer.from("89504e470d0a1a0a0000", "hex"));
    const created = await json([
      "catalog",
      "products",
      "create",
      "--data",
      '{"name":"With icon"}',
      "--file",
      icon,
    ]);
    assert.equal(created["name"], "With icon");
    const missing = await mpt([
      ...sb.args,
      "catalog",
      "products",
      "create",
      "--data",
      "{}",
      "--file",
      join(dir, "none.png"),
    ]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--file: cannot read .*none\.png \(ENOENT\)/);
    const notUpload = await mpt([
      ...sb.args,
      "catalog",
      "listings",
      "create",
      "--data",
      "{}",
      "--file",
      icon,
    ]);
    assert.equal(notUpload.code, 2, "services without uploads have no --file option");
  });
});

describe("actions", () => {
  it("runs an action with an optional body and prints the model", async () => {
    const created = await json(["catalog", "products", "create", "--data", '{"name":"To review"}']);
    const reviewed = await json(["catalog", "products", "review", String(created["id"])]);
    assert.equal(reviewed["id"], created["id"]);
    assert.notEqual(reviewed["status"], created["status"]);
  });

  it("prints text answers as text (render)", async () => {
    const id = await firstId("commerce", "agreements");
    const r = await mpt([...sb.args, "commerce", "agreements", "render", id]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.endsWith("\n") && r.stdout.includes(id), r.stdout);
  });

  it("sends a named body field (set-password --password) and action parameters (get-attachment)", async () => {
    const user = await firstId("accounts", "users");
    const answer = await json(["accounts", "users", "set-password", user, "--password", "S3cret!pass-word"]);
    assert.equal(answer["id"], user);
    const batch = await firstId("notifications", "batches");
    const record = await json(["notifications", "batches", "get", batch]);
    const [attachment] = record["attachments"] as { id: string; filename: string }[];
    assert.ok(attachment);
    const meta = await json(["notifications", "batches", "get-attachment", batch, attachment.id]);
    assert.equal(meta["filename"], attachment.filename);
  });

  it("an action that answers nothing succeeds silently (spotlight objects refresh, default id)", async () => {
    const r = await mpt([...sb.args, "spotlight", "objects", "refresh"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "");
  });
});

describe("downloads", () => {
  it("saves under the file's own name, refuses to overwrite it, and honours --out", async () => {
    const product = await firstId("catalog", "products");
    const doc = await firstId("catalog", "products", "documents", product);
    const cwd = mkdtempSync(join(dir, "dl-"));
    const first = await mpt([...sb.args, "catalog", "products", "documents", product, "download", doc], {
      cwd,
    });
    assert.equal(first.code, 0, first.stderr);
    const name = readdirSync(cwd)[0] ?? "";
    assert.ok(name.endsWith(".pdf"), name);
    assert.equal(first.stdout, `${name}\n`);
    assert.ok(readFileSync(join(cwd, name)).subarray(0, 5).toString() === "%PDF-");

    const again = await mpt([...sb.args, "catalog", "products", "documents", product, "download", doc], {
      cwd,
    });
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already exists; choose another path with --out/);

    const out = join(cwd, "copy.pdf");
    const copy = await mpt([
      ...sb.args,
      "catalog",
      "products",
      "documents",
      product,
      "download",
      doc,
      "--out",
      out,
    ]);
    assert.equal(copy.code, 0, copy.stderr);
    assert.deepEqual(readFileSync(out), readFileSync(join(cwd, name)));
    const piped = await mpt([
      ...sb.args,
      "catalog",
      "products",
      "documents",
      product,
      "download",
      doc,
      "--out",
      "-",
    ]);
    assert.ok(piped.stdout.startsWith("%PDF-"));
  });

  it("saves files answered by actions (currencies download-icon)", async () => {
    const currency = await firstId("exchange", "currencies");
    const out = join(dir, "icon-out.png");
    const r = await mpt([...sb.args, "exchange", "currencies", "download-icon", currency, "--out", out]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(readFileSync(out).length > 0);
  });
});
