/**
 * The services and actions only the platform's OpenAPI spec documents (no Python precedent),
 * driven through the real client in-process: commerce requests and their state machine, split
 * billing with its validation, ledger accept/recalculate, icons and media images as binary
 * downloads, renders, checks, account users and their groups.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { FileModel, MPTAPIError } from "mpt-api-client";
import { createSandbox } from "../src/index.js";
import { personaClients } from "./helpers.js";

const sandbox = createSandbox();
const { ops, vendor, client } = personaClients(sandbox);
const { accounts } = sandbox;

async function rejectsWith(promise: Promise<unknown>, status: number, detail?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof MPTAPIError, String(error));
    assert.equal(error.statusCode, status, error.message);
    if (detail) assert.match(error.message, detail);
    return true;
  });
}

describe("commerce requests", () => {
  test("a request moves Draft -> Processing <-> Querying -> Completed; actions answer 204", async () => {
    const created = await client.commerce.requests.create({
      name: "Access to the tenant",
      status: "Draft",
      from: { id: accounts.client },
      to: { id: accounts.vendor },
    });
    assert.match(created.id, /^REQ-\d{4}-\d{4}-\d{4}$/);
    assert.equal(created.status, "Draft");
    const id = created.id;
    await rejectsWith(vendor.commerce.requests.complete(id), 409, /allowed from: Processing, Querying/);
    assert.equal(await client.commerce.requests.process(id, { message: "Please" }), undefined);
    assert.equal((await vendor.commerce.requests.get(id)).status, "Processing");
    await vendor.commerce.requests.query(id, { message: "Which tenant?" });
    assert.equal((await client.commerce.requests.get(id)).status, "Querying");
    await client.commerce.requests.process(id);
    await vendor.commerce.requests.complete(id, { message: "Done" });
    assert.equal((await ops.commerce.requests.get(id)).status, "Completed");
    assert.equal((await client.commerce.requests.filter(`eq(id,${id})`).fetchPage()).length, 1);
  });

  test("create checks the spec's required fields; validate and template answer", async () => {
    await rejectsWith(client.commerce.requests.create({ name: "No parties" }), 400);
    const request = await client.commerce.requests.create({
      name: "With parameters",
      status: "Draft",
      from: { id: accounts.client },
      to: { id: accounts.vendor },
      parameters: [{ parameterDefinitionId: "PAR-1", value: "contoso" }],
    });
    const result = await vendor.commerce.requests.validate(request.id);
    assert.equal(result.error, null);
    assert.deepEqual(
      result.parameters?.map((p) => [p.id, p.isValid]),
      [["PAR-1", true]],
    );
    assert.match(await client.commerce.requests.template(request.id), /With parameters/);
  });

  test("attachments upload and download byte for byte; messages list under their request", async () => {
    const request = await client.commerce.requests.create({
      name: "Files",
      status: "Draft",
      from: { id: accounts.client },
      to: { id: accounts.vendor },
    });
    const attachments = client.commerce.requests.attachments(request.id);
    const bytes = new Uint8Array([37, 80, 68, 70, 1, 2, 3]);
    const attachment = await attachments.create(
      { name: "Spec" },
      { filename: "spec.pdf", content: bytes, contentType: "application/pdf" },
    );
    const digits = request.id.slice(4);
    assert.match(attachment.id, new RegExp(`^ATT-${digits}-\\d{4}$`));
    const file = await attachments.download(attachment.id);
    assert.deepEqual([...file.fileContents], [...bytes]);
    assert.equal(file.filename, "spec.pdf");

    const messages = vendor.commerce.requests.messages(request.id);
    const message = await messages.create({
      content: "We are on it",
      visibility: { client: true, vendor: true, operations: true },
    });
    assert.equal(message.content, "We are on it");
    await rejectsWith(messages.create({}), 400);
    const listed = await client.commerce.requests.messages(request.id).fetchPage();
    assert.deepEqual(
      listed.resources.map((m) => m.id),
      [message.id],
    );
  });
});

describe("split billing", () => {
  test("an agreement's split is created once, validated (100 %, known buyers) and replaced", async () => {
    const agreement = (await client.commerce.agreements.fetchPage({ limit: 1 })).resources[0]!;
    const buyers = (await ops.accounts.buyers.fetchPage({ limit: 2 })).resources;
    const [a, b] = buyers.map((x) => ({ id: x.id }));
    assert.deepEqual((await client.commerce.agreements.getSplit(agreement.id)).allocations, []);
    await rejectsWith(
      client.commerce.agreements.createSplit(agreement.id, {
        allocations: [
          { buyer: a, percentage: 60 },
          { buyer: b, percentage: 30 },
        ],
      } as never),
      400,
      /add up to 100/,
    );
    await rejectsWith(
      client.commerce.agreements.createSplit(agreement.id, {
        allocations: [{ buyer: { id: "BUY-0000-0000" }, percentage: 100 }],
      } as never),
      400,
      /BUY-0000-0000/,
    );
    const split = await client.commerce.agreements.createSplit(agreement.id, {
      allocations: [
        { buyer: a, percentage: 60 },
        { buyer: b, percentage: 40 },
      ],
    } as never);
    assert.equal(split.id, agreement.id);
    assert.deepEqual(
      split.allocations?.map((x) => x.percentage),
      [60, 40],
    );
    await rejectsWith(
      client.commerce.agreements.createSplit(agreement.id, {
        allocations: [{ buyer: a, percentage: 100 }],
      } as never),
      409,
    );
    const replaced = await client.commerce.agreements.updateSplit(agreement.id, {
      allocations: [{ buyer: a, percentage: 100 }],
    } as never);
    assert.equal(replaced.allocations?.length, 1);
    assert.deepEqual(await client.commerce.agreements.getSplit(agreement.id), replaced);
    const shown = await client.commerce.agreements.get(agreement.id, { select: "+split" });
    assert.deepEqual(shown.split?.allocations, replaced.allocations, "the agreement's own split field");
  });

  test("a subscription's split starts from its agreement's and can be replaced", async () => {
    const subscription = (
      await ops.commerce.subscriptions.filter("ne(agreement.id,null())").fetchPage({ limit: 1 })
    ).resources[0]!;
    const agreementId = String(subscription.agreement?.id);
    const buyer = (await ops.accounts.buyers.fetchPage({ limit: 1 })).resources[0]!;
    await ops.commerce.agreements
      .createSplit(agreementId, { allocations: [{ buyer: { id: buyer.id }, percentage: 100 }] } as never)
      .catch(() =>
        ops.commerce.agreements.updateSplit(agreementId, {
          allocations: [{ buyer: { id: buyer.id }, percentage: 100 }],
        } as never),
      );
    const inherited = await ops.commerce.subscriptions.getSplit(subscription.id);
    assert.equal(inherited.id, subscription.id);
    assert.deepEqual(
      inherited.allocations?.map((x) => [x.buyer?.id, x.percentage]),
      [[buyer.id, 100]],
    );
    await rejectsWith(
      ops.commerce.subscriptions.updateSplit(subscription.id, {
        allocations: [{ percentage: 100 }],
      } as never),
      400,
    );
    const own = await ops.commerce.subscriptions.updateSplit(subscription.id, {
      allocations: [{ buyer: { id: buyer.id }, percentage: 100 }],
    } as never);
    assert.equal(own.subscription?.id, subscription.id);
  });
});

describe("ledgers", () => {
  test("update, recalculate (totals from the charges) and accept (Review -> Generating -> Generated)", async () => {
    const ledger = (await ops.billing.ledgers.filter("eq(status,Review)").fetchPage({ limit: 1 }))
      .resources[0]!;
    const updated = await ops.billing.ledgers.update(ledger.id, { name: "Checked ledger" });
    assert.equal(updated.name, "Checked ledger");
    const recalculated = await ops.billing.ledgers.recalculate(ledger.id);
    assert.equal(recalculated.status, "Rating");
    let total = 0;
    let count = 0;
    for await (const charge of ops.billing.ledgers.charges(ledger.id).iterate()) {
      total += Number(charge.price?.PPx1 ?? 0);
      count++;
    }
    assert.ok(count > 0);
    assert.equal(recalculated.price?.totalPP, Math.round(total * 100) / 100);
    assert.equal(recalculated.processing?.total, count);
    assert.equal((await ops.billing.ledgers.get(ledger.id)).status, "Review", "settles after rating");
    assert.equal((await ops.billing.ledgers.accept(ledger.id)).status, "Generating");
    assert.equal((await ops.billing.ledgers.get(ledger.id)).status, "Generated");
    await rejectsWith(ops.billing.ledgers.accept(ledger.id), 409, /allowed from: Review/);
  });

  test("journals.uploadApimTest uploads charges like upload", async () => {
    const journal = (await vendor.billing.journals.filter("eq(status,Draft)").fetchPage({ limit: 1 }))
      .resources[0]!;
    const line = JSON.stringify({
      externalIds: { vendor: "V-1" },
      quantity: 1,
      price: { unitPP: 2, PPx1: 2 },
    });
    const uploaded = await vendor.billing.journals.uploadApimTest(journal.id, {
      filename: "charges.jsonl",
      content: `${line}\n`,
    });
    assert.equal(uploaded.status, "Validating");
    assert.equal(uploaded.upload?.ready, 1);
  });
});

describe("icons and media images", () => {
  test("every icon service answers a binary download (307 to the blob, content type and filename)", async () => {
    const services = [
      ops.accounts.accounts,
      ops.accounts.buyers,
      ops.accounts.licensees,
      ops.accounts.sellers,
      ops.accounts.users,
      ops.catalog.products,
      ops.program.programs,
    ] as const;
    for (const service of services) {
      const first = (await service.fetchPage({ limit: 1 })).resources[0]!;
      const icon = await service.downloadIcon(first.id);
      assert.ok(icon instanceof FileModel);
      assert.equal(icon.contentType, "image/png", service.endpoint);
      assert.match(icon.filename ?? "", /\.png$/);
      assert.deepEqual([...icon.fileContents.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47], service.endpoint);
    }
    await rejectsWith(ops.accounts.sellers.downloadIcon("SEL-0000-0000"), 404);
  });

  test("an uploaded icon is the one downloaded", async () => {
    const product = await vendor.catalog.products.create(
      { name: "Iconic" },
      {
        filename: "mine.svg",
        content: "<svg/>",
        contentType: "image/svg+xml",
      },
    );
    const icon = await vendor.catalog.products.downloadIcon(product.id);
    assert.equal(icon.contentType, "image/svg+xml");
    assert.equal(icon.filename, "mine.svg");
    assert.equal(new TextDecoder().decode(icon.fileContents), "<svg/>");
  });

  test("product and program media images", async () => {
    for (const parent of [ops.catalog.products, ops.program.programs] as const) {
      for await (const owner of parent.iterate()) {
        const media = (await parent.media(owner.id).fetchPage({ limit: 1 })).resources[0];
        if (!media) continue;
        const image = await parent.media(owner.id).downloadImage(media.id);
        assert.ok(image.fileContents.byteLength > 0);
        assert.ok(image.contentType, parent.endpoint);
        assert.ok(image.filename);
        break;
      }
    }
  });
});

describe("renders and checks", () => {
  test("certificates and order subscriptions render text", async () => {
    const certificate = (await ops.program.certificates.fetchPage({ limit: 1 })).resources[0]!;
    assert.match(await ops.program.certificates.render(certificate.id), new RegExp(certificate.id));
    const subscription = (
      await ops.commerce.subscriptions.filter("ne(order.id,null())").fetchPage({ limit: 1 })
    ).resources[0]!;
    const orderId = String((subscription as { order?: { id: string } }).order?.id);
    assert.match(await ops.commerce.orders.subscriptions(orderId).render(subscription.id), /Rendered/);
  });

  test("users.getSsoCheck answers 200 with nothing; unknown users are 404", async () => {
    const user = (await ops.accounts.users.fetchPage({ limit: 1 })).resources[0]!;
    assert.equal(await ops.accounts.users.getSsoCheck(user.id), undefined);
    await rejectsWith(ops.accounts.users.getSsoCheck("USR-0000-0000"), 404);
  });

  test("buyers.getTransfer describes what moving a buyer to another account takes", async () => {
    const buyer = (await ops.accounts.buyers.fetchPage({ limit: 1 })).resources[0]!;
    const details = await ops.accounts.buyers.getTransfer(buyer.id, accounts.client);
    assert.equal(details.id, buyer.id);
    assert.equal(typeof details.stats?.agreementCount, "number");
    assert.ok(Array.isArray(details.users));
    await rejectsWith(ops.accounts.buyers.getTransfer(buyer.id), 400, /destinationAccountId/);
    await rejectsWith(ops.accounts.buyers.getTransfer(buyer.id, "ACC-0000-0000"), 400, /ACC-0000-0000/);
  });

  test("enrollments.validateDraft checks an enrollment that is not created yet", async () => {
    const program = (await ops.program.programs.fetchPage({ limit: 1 })).resources[0]!;
    const before = await ops.program.enrollments.count();
    const checked = await client.program.enrollments.validateDraft({ program: { id: program.id } });
    assert.equal(checked.program?.id, program.id);
    assert.equal(await ops.program.enrollments.count(), before, "nothing is created");
    await rejectsWith(client.program.enrollments.validateDraft({ program: { id: "PRG-0000-0000" } }), 400);
  });

  test("spotlight.queries.update", async () => {
    const query = (await ops.spotlight.queries.fetchPage({ limit: 1 })).resources[0]!;
    const updated = await ops.spotlight.queries.update(query.id, { name: "Renamed query" });
    assert.equal(updated.name, "Renamed query");
  });
});

describe("account users", () => {
  test("usersOf(accountId) lists, creates, invites and deletes the account's users", async () => {
    const users = ops.accounts.usersOf(accounts.vendor);
    const listed = await users.fetchPage();
    assert.ok(listed.length > 0);
    const group = (await ops.accounts.userGroups.fetchPage({ limit: 1 })).resources[0]!;
    const created = await users.create({
      user: { firstName: "New", lastName: "Colleague", email: "new@example.com" },
      groups: [{ id: group.id }],
    });
    assert.equal((created as { status?: string }).status, "Invited");
    assert.equal((await users.get(created.id)).id, created.id);
    assert.equal(
      (await ops.accounts.users.get(created.id)).id,
      created.id,
      "also reachable at /accounts/users",
    );
    assert.equal(((await users.acceptInvite(created.id)) as { status?: string }).status, "Active");
    await users.delete(created.id);
    await rejectsWith(users.get(created.id), 404);
  });

  test("groups of a user: add, replace, remove (answers the user with its groups)", async () => {
    const user = (await ops.accounts.usersOf(accounts.vendor).fetchPage({ limit: 1 })).resources[0]!;
    const groups = (await ops.accounts.userGroups.filter(`eq(account.id,${accounts.vendor})`).fetchPage())
      .resources;
    assert.ok(groups.length >= 1);
    const membership = ops.accounts.usersOf(accounts.vendor).groups(user.id);
    const added = (await membership.create({ id: groups[0]!.id })) as unknown as { groups: { id: string }[] };
    assert.ok(added.groups.some((g) => g.id === groups[0]!.id));
    const replaced = (await membership.update([{ id: groups[0]!.id }])) as unknown as {
      groups: { id: string }[];
    };
    assert.deepEqual(
      replaced.groups.map((g) => g.id),
      [groups[0]!.id],
    );
    await membership.delete(groups[0]!.id);
    await rejectsWith(membership.create({ id: "UGR-0000-0000" }), 400);
  });

  test("legacy account users: groups add, replace, remove", async () => {
    const accountUser = (await ops.accounts.accountUsers.fetchPage({ limit: 1 })).resources[0]!;
    const group = (await ops.accounts.userGroups.fetchPage({ limit: 1 })).resources[0]!;
    const membership = ops.accounts.accountUsers.groups(accountUser.id);
    const added = (await membership.create({ id: group.id })) as unknown as {
      id: string;
      groups: { id: string }[];
    };
    assert.equal(added.id, accountUser.id);
    assert.deepEqual(
      added.groups.map((g) => g.id),
      [group.id],
    );
    const replaced = (await membership.update([])) as unknown as { groups: unknown[] };
    assert.deepEqual(replaced.groups, []);
    await membership.create({ id: group.id });
    await membership.delete(group.id);
  });
});
