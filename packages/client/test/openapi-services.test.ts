/**
 * The services and actions the client adds beyond the Python library (operations only the
 * platform's OpenAPI spec documents): each sends the method, path, query, `Accept` header and
 * body the spec describes, and reads the answer as the spec says (model, nothing, text, file).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FileModel, type MPTClient } from "mpt-api-client";
import { type RecordedRequest, type Responder, recordingClient } from "./support/recording-fetch.js";

const V1 = "/public/v1";

interface Expected {
  method: string;
  path: string;
  accept?: string | null;
  query?: string;
  json?: unknown;
  parts?: string[];
}

function check(req: RecordedRequest | undefined, want: Expected): void {
  assert.ok(req, "no request sent");
  assert.equal(req.method, want.method);
  assert.equal(req.path, `${V1}${want.path}`);
  if (want.accept !== undefined) assert.equal(req.headers.get("accept"), want.accept);
  if (want.query !== undefined) assert.equal(req.url.search, want.query);
  if (want.json !== undefined) {
    assert.match(req.headers.get("content-type") ?? "", /^application\/json/);
    assert.deepEqual(JSON.parse(new TextDecoder().decode(req.body)), want.json);
  }
  if (want.parts !== undefined)
    assert.deepEqual(
      req.parts?.map((p) => p.name),
      want.parts,
    );
}

/** An icon or image answered the platform's way: 307 to a blob that holds the bytes. */
const blobRedirect: Responder = (req) => {
  if (req.url.hostname === "blobs.example.test") {
    return new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), {
      headers: { "Content-Type": "image/png", "Content-Disposition": 'inline; filename="icon.png"' },
    });
  }
  if (/\/(icon|image)$/.test(req.path)) {
    return new Response(null, { status: 307, headers: { Location: "https://blobs.example.test/b/1?sig=x" } });
  }
  return undefined;
};

describe("commerce requests", () => {
  test("collection, get, create and update use /commerce/requests with JSON", async () => {
    const { client, calls } = recordingClient();
    const requests = client.commerce.requests;
    await requests.fetchPage({ limit: 5 });
    check(calls.at(-1), { method: "GET", path: "/commerce/requests", query: "?limit=5&offset=0" });
    const got = await requests.get("REQ-1");
    assert.equal(got.id, "X-1");
    check(calls.at(-1), { method: "GET", path: "/commerce/requests/REQ-1", accept: "application/json" });
    await requests.create({ name: "Access", status: "Draft" });
    check(calls.at(-1), {
      method: "POST",
      path: "/commerce/requests",
      json: { name: "Access", status: "Draft" },
    });
    await requests.update("REQ-1", { externalId: "E-1" });
    check(calls.at(-1), { method: "PUT", path: "/commerce/requests/REQ-1", json: { externalId: "E-1" } });
  });

  test("process, query and complete send { message } and resolve to nothing on 204", async () => {
    const { client, calls } = recordingClient((req) =>
      req.method === "POST" ? new Response(null, { status: 204 }) : undefined,
    );
    for (const action of ["process", "query", "complete"] as const) {
      const answer = await client.commerce.requests[action]("REQ-1", { message: `${action} it` });
      assert.equal(answer, undefined);
      check(calls.at(-1), {
        method: "POST",
        path: `/commerce/requests/REQ-1/${action}`,
        json: { message: `${action} it` },
      });
    }
    await client.commerce.requests.process("REQ-1");
    assert.equal(calls.at(-1)?.body.length, 0, "no body when none is given");
  });

  test("validate answers the validation result; template answers text", async () => {
    const { client, calls } = recordingClient((req) => {
      if (req.path.endsWith("/validate")) return Response.json({ error: null, parameters: [] });
      if (req.path.endsWith("/template")) return Response.json("# Request REQ-1");
      return undefined;
    });
    const result = await client.commerce.requests.validate("REQ-1");
    assert.deepEqual(result, { error: null, parameters: [] });
    check(calls.at(-1), {
      method: "POST",
      path: "/commerce/requests/REQ-1/validate",
      accept: "application/json",
    });
    assert.equal(await client.commerce.requests.template("REQ-1"), "# Request REQ-1");
    check(calls.at(-1), { method: "GET", path: "/commerce/requests/REQ-1/template" });
  });

  test("attachments are multipart uploads and downloads; messages are JSON", async () => {
    const { client, calls } = recordingClient();
    const attachments = client.commerce.requests.attachments("REQ-1");
    await attachments.create({ name: "spec" }, { filename: "spec.pdf", content: new Uint8Array([1]) });
    check(calls.at(-1), {
      method: "POST",
      path: "/commerce/requests/REQ-1/attachments",
      parts: ["attachment", "file"],
    });
    const file = await attachments.download("ATT-1");
    assert.ok(file instanceof FileModel);
    check(calls.at(-1), {
      method: "GET",
      path: "/commerce/requests/REQ-1/attachments/ATT-1",
      accept: "application/pdf",
    });
    await attachments.delete("ATT-1");
    check(calls.at(-1), { method: "DELETE", path: "/commerce/requests/REQ-1/attachments/ATT-1" });

    const messages = client.commerce.requests.messages("REQ-1");
    // The create body is typed by the spec's `CreateMessage`, not the read model.
    await messages.create({ content: "hello", visibility: { client: true } });
    check(calls.at(-1), {
      method: "POST",
      path: "/commerce/requests/REQ-1/messages",
      json: { content: "hello", visibility: { client: true } },
    });
    await messages.get("MSG-1");
    check(calls.at(-1), { method: "GET", path: "/commerce/requests/REQ-1/messages/MSG-1" });
  });
});

describe("split billing", () => {
  test("agreements: getSplit, createSplit, updateSplit on {id}/split", async () => {
    const { client, calls } = recordingClient();
    const split = { allocations: [{ percentage: 100 }] };
    await client.commerce.agreements.getSplit("AGR-1");
    check(calls.at(-1), {
      method: "GET",
      path: "/commerce/agreements/AGR-1/split",
      accept: "application/json",
    });
    await client.commerce.agreements.createSplit("AGR-1", split);
    check(calls.at(-1), { method: "POST", path: "/commerce/agreements/AGR-1/split", json: split });
    await client.commerce.agreements.updateSplit("AGR-1", split);
    check(calls.at(-1), { method: "PUT", path: "/commerce/agreements/AGR-1/split", json: split });
  });

  test("subscriptions: getSplit and updateSplit; a write without data is refused before sending", async () => {
    const { client, calls } = recordingClient();
    await client.commerce.subscriptions.getSplit("SUB-1");
    check(calls.at(-1), { method: "GET", path: "/commerce/subscriptions/SUB-1/split" });
    await client.commerce.subscriptions.updateSplit("SUB-1", { allocations: [] });
    check(calls.at(-1), {
      method: "PUT",
      path: "/commerce/subscriptions/SUB-1/split",
      json: { allocations: [] },
    });
    const before = calls.length;
    await assert.rejects(
      (client.commerce.subscriptions.updateSplit as unknown as (id: string) => Promise<unknown>)("SUB-1"),
      /updateSplit: the data argument is required/,
    );
    assert.equal(calls.length, before);
  });
});

describe("billing", () => {
  test("ledgers: update, accept and recalculate", async () => {
    const { client, calls } = recordingClient();
    await client.billing.ledgers.update("BLE-1", { name: "x" });
    check(calls.at(-1), { method: "PUT", path: "/billing/ledgers/BLE-1", json: { name: "x" } });
    await client.billing.ledgers.accept("BLE-1");
    check(calls.at(-1), {
      method: "POST",
      path: "/billing/ledgers/BLE-1/accept",
      accept: "application/json",
    });
    await client.billing.ledgers.recalculate("BLE-1", { name: "again" });
    check(calls.at(-1), {
      method: "POST",
      path: "/billing/ledgers/BLE-1/recalculate",
      json: { name: "again" },
    });
  });

  test("journals.uploadApimTest sends one file part", async () => {
    const { client, calls } = recordingClient();
    await client.billing.journals.uploadApimTest("BJO-1", { filename: "charges.jsonl", content: "{}\n" });
    check(calls.at(-1), {
      method: "POST",
      path: "/billing/journals/BJO-1/upload/apim-test",
      parts: ["file"],
    });
    assert.equal(calls.at(-1)?.parts?.[0]?.filename, "charges.jsonl");
  });
});

describe("icons and images", () => {
  const icons = [
    ["accounts.accounts", (c: MPTClient) => c.accounts.accounts, "/accounts/accounts"],
    ["accounts.buyers", (c: MPTClient) => c.accounts.buyers, "/accounts/buyers"],
    ["accounts.licensees", (c: MPTClient) => c.accounts.licensees, "/accounts/licensees"],
    ["accounts.sellers", (c: MPTClient) => c.accounts.sellers, "/accounts/sellers"],
    ["accounts.users", (c: MPTClient) => c.accounts.users, "/accounts/users"],
    ["catalog.products", (c: MPTClient) => c.catalog.products, "/catalog/products"],
    ["program.programs", (c: MPTClient) => c.program.programs, "/program/programs"],
  ] as const;
  for (const [name, pick, path] of icons) {
    test(`${name}.downloadIcon follows the 307 to the blob and answers a FileModel`, async () => {
      const { client, calls } = recordingClient(blobRedirect);
      const file = await pick(client).downloadIcon("ID-1");
      assert.ok(file instanceof FileModel);
      assert.equal(file.filename, "icon.png");
      assert.equal(file.contentType, "image/png");
      assert.deepEqual([...file.fileContents], [0x89, 0x50, 0x4e, 0x47]);
      check(calls.at(-2), { method: "GET", path: `${path}/ID-1/icon` });
      assert.equal(calls.at(-1)?.url.hostname, "blobs.example.test");
      assert.equal(calls.at(-1)?.headers.get("authorization"), null, "no token sent to the blob host");
    });
  }

  test("catalog and program media: downloadImage", async () => {
    const { client, calls } = recordingClient(blobRedirect);
    const product = await client.catalog.products.media("PRD-1").downloadImage("PMD-1");
    assert.equal(product.filename, "icon.png");
    check(calls.at(-2), { method: "GET", path: "/catalog/products/PRD-1/media/PMD-1/image" });
    const program = await client.program.programs.media("PRG-1").downloadImage("PME-1");
    assert.equal(program.contentType, "image/png");
    check(calls.at(-2), { method: "GET", path: "/program/programs/PRG-1/media/PME-1/image" });
  });
});

describe("renders and checks", () => {
  test("certificates and order subscriptions render text", async () => {
    const { client, calls } = recordingClient(() => Response.json("<p>rendered</p>"));
    assert.equal(await client.program.certificates.render("CER-1"), "<p>rendered</p>");
    check(calls.at(-1), { method: "GET", path: "/program/certificates/CER-1/render" });
    assert.equal(await client.commerce.orders.subscriptions("ORD-1").render("SUB-1"), "<p>rendered</p>");
    check(calls.at(-1), { method: "GET", path: "/commerce/orders/ORD-1/subscriptions/SUB-1/render" });
  });

  test("users.getSsoCheck is a GET answering nothing", async () => {
    const { client, calls } = recordingClient(() => new Response(null, { status: 200 }));
    assert.equal(await client.accounts.users.getSsoCheck("USR-1"), undefined);
    check(calls.at(-1), { method: "GET", path: "/accounts/users/USR-1/sso-check" });
  });

  test("buyers.getTransfer sends destinationAccountId as a query parameter", async () => {
    const { client, calls } = recordingClient();
    await client.accounts.buyers.getTransfer("BUY-1", "ACC-2");
    check(calls.at(-1), {
      method: "GET",
      path: "/accounts/buyers/BUY-1/transfer",
      query: "?destinationAccountId=ACC-2",
      accept: "application/json",
    });
    await client.accounts.buyers.getTransfer("BUY-1");
    assert.equal(calls.at(-1)?.url.search, "");
  });

  test("enrollments.validateDraft posts the enrollment to the collection's validate", async () => {
    const { client, calls } = recordingClient();
    await client.program.enrollments.validateDraft({ program: { id: "PRG-1" } });
    check(calls.at(-1), {
      method: "POST",
      path: "/program/enrollments/validate",
      json: { program: { id: "PRG-1" } },
    });
  });

  test("spotlight.queries.update", async () => {
    const { client, calls } = recordingClient();
    await client.spotlight.queries.update("SPQ-1", { name: "Mine" });
    check(calls.at(-1), { method: "PUT", path: "/spotlight/queries/SPQ-1", json: { name: "Mine" } });
  });
});

describe("account users", () => {
  test("usersOf(accountId): list, get, create, delete and invitations", async () => {
    const { client, calls } = recordingClient();
    const users = client.accounts.usersOf("ACC-1");
    await users.fetchPage();
    check(calls.at(-1), { method: "GET", path: "/accounts/ACC-1/users" });
    await users.get("USR-1");
    check(calls.at(-1), { method: "GET", path: "/accounts/ACC-1/users/USR-1" });
    const body = { user: { email: "a@example.com" }, groups: [{ id: "UGR-1" }] };
    await users.create(body); // `CreateAccountUserDto`, not the read model
    check(calls.at(-1), { method: "POST", path: "/accounts/ACC-1/users", json: body });
    await users.delete("USR-1");
    check(calls.at(-1), { method: "DELETE", path: "/accounts/ACC-1/users/USR-1" });
    for (const [action, sub] of [
      ["acceptInvite", "accept-invite"],
      ["resendInvite", "resend-invite"],
      ["sendNewInvite", "send-new-invite"],
    ] as const) {
      await users[action]("USR-1");
      check(calls.at(-1), { method: "POST", path: `/accounts/ACC-1/users/USR-1/${sub}` });
    }
    assert.throws(() => (client.accounts.usersOf as () => unknown)(), /usersOf\(accountId\): expected 1 id/);
  });

  test("groups of a user: add (create), replace (update with a list), remove (delete)", async () => {
    const { client, calls } = recordingClient();
    for (const [groups, base] of [
      [client.accounts.usersOf("ACC-1").groups("USR-1"), "/accounts/ACC-1/users/USR-1/groups"],
      [client.accounts.accountUsers.groups("USR-2"), "/accounts/account-users/USR-2/groups"],
    ] as const) {
      await groups.create({ id: "UGR-1" });
      check(calls.at(-1), { method: "POST", path: base, json: { id: "UGR-1" } });
      await groups.update([{ id: "UGR-1" }, { id: "UGR-2" }]);
      check(calls.at(-1), { method: "PUT", path: base, json: [{ id: "UGR-1" }, { id: "UGR-2" }] });
      await groups.delete("UGR-1");
      check(calls.at(-1), { method: "DELETE", path: `${base}/UGR-1` });
    }
  });
});
