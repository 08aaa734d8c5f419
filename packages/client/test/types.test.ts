/**
 * Type tests: one example per group compiles with the expected types, and wrong calls (unknown
 * action, missing parent id, a file where none is taken) fail to compile. `tsc` checks this file
 * as part of `npm test`; at run time it only asserts that the examples are real functions.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ExtensionFrameworkAuthentication,
  type FileModel,
  type ModelCollection,
  type ModelMap,
  MPTClient,
  RQLQuery,
} from "mpt-api-client";
import { client, type Equal, expectType } from "./support/type-checks.js";

export async function optionsTakeExplicitUndefined(): Promise<void> {
  // exactOptionalPropertyTypes is on here: values read from the environment may be undefined
  const env = process.env["MPT_API_BASE_URL"];
  new ExtensionFrameworkAuthentication({ secret: "s", accountId: process.env["MPT_ACCOUNT_ID"] });
  MPTClient.fromConfig({ baseUrl: env, timeout: undefined, authentication: undefined });
  new MPTClient({
    baseUrl: "https://api.example.test",
    retries: undefined,
    fetch: undefined,
    logger: undefined,
  });
  await client.catalog.products.fetchPage({ limit: undefined, offset: undefined, signal: undefined });
  await client.catalog.products.get("PRD-1", { select: undefined, timeout: undefined, headers: undefined });
  for await (const _ of client.catalog.products.iterate({ batchSize: undefined, progress: undefined })) break;
}

// Each example is a function so nothing is sent; the compiler checks the types.
export const examples = {
  async catalog() {
    const product = await client.catalog.products.get("PRD-1");
    expectType<Equal<typeof product, ModelMap["Product"]>>(true);
    const published = await client.catalog.products.publish("PRD-1");
    expectType<Equal<typeof published, ModelMap["Product"]>>(true);
    const variants = client.catalog.products.terms("PRD-1").variants("TCS-1");
    const page = await variants.fetchPage({ limit: 10 });
    expectType<Equal<typeof page, ModelCollection<ModelMap["TermVariant"]>>>(true);
    await client.catalog.products.create({ name: "New" }, new Uint8Array([1]));
    for await (const item of client.catalog.items.filter(new RQLQuery({ status: "Published" })).iterate()) {
      expectType<Equal<typeof item, ModelMap["Item"]>>(true);
    }
    // @ts-expect-error unknown action
    await client.catalog.products.approve("PRD-1");
    // @ts-expect-error missing parent id
    client.catalog.products.items();
    // @ts-expect-error listings take no file
    await client.catalog.listings.create({}, new Uint8Array([1]));
  },
  async accounts() {
    const group = await client.accounts.accounts.users("ACC-1").groups("USR-1").update({ groups: [] });
    expectType<Equal<typeof group, ModelMap["AccountsUserGroup"]>>(true);
    await client.accounts.accounts
      .users("ACC-1")
      .groups("USR-1")
      .update([{ id: "UGR-1" }]);
    await client.accounts.users.setPassword("USR-1", "secret");
  },
  async audit() {
    const record = await client.audit.records.options({ render: true }).fetchOne();
    expectType<Equal<typeof record, ModelMap["AuditRecord"]>>(true);
  },
  async billing() {
    for await (const charge of client.billing.statements.charges("SOM-1").stream()) {
      expectType<Equal<typeof charge, ModelMap["StatementCharge"]>>(true);
    }
    const journal = await client.billing.journals.upload("BJO-1", new Blob(["{}"]));
    expectType<Equal<typeof journal, ModelMap["Journal"]>>(true);
    const file = await client.billing.invoices.attachments("INV-1").download("ATT-1");
    expectType<Equal<typeof file, FileModel>>(true);
  },
  async commerce() {
    const text = await client.commerce.orders.render("ORD-1");
    expectType<Equal<typeof text, string>>(true);
    const nothing = await client.commerce.orders.notify("ORD-1", { userId: "USR-1" });
    expectType<Equal<typeof nothing, void>>(true);
  },
  async exchange() {
    const icon = await client.exchange.currencies.downloadIcon("CUR-1");
    expectType<Equal<typeof icon, FileModel>>(true);
  },
  async helpdesk() {
    // chat participants: several in one POST (a JSON array), answered as a list
    const participants = client.helpdesk.chats.participants("CHT-1");
    const several = await participants.create([{ identity: { id: "USR-1" } }, { identity: { id: "USR-2" } }]);
    expectType<Equal<typeof several, ModelMap["ChatParticipant"][]>>(true);
    const one = await participants.create({ identity: { id: "USR-1" } });
    expectType<Equal<typeof one, ModelMap["ChatParticipant"]>>(true);
    // @ts-expect-error: other services create one record at a time
    await client.helpdesk.chats.messages("CHT-1").create([{ content: "a" }]);
    const c = await client.helpdesk.cases.get("CAS-1");
    expectType<Equal<typeof c.id, string>>(true);
  },
  async integration() {
    const token = await client.integration.installationsToken().token("ACC-1");
    expectType<Equal<typeof token, ModelMap["InstallationsToken"]>>(true);
  },
  async notifications() {
    const contact = await client.notifications.accounts("ACC-1", "NTC-1").fetchOne();
    expectType<Equal<typeof contact, ModelMap["NotificationContact"]>>(true);
    const att = await client.notifications.batches.getAttachment("MST-1", "ATT-1");
    expectType<Equal<typeof att, ModelMap["BatchAttachment"]>>(true);
    // @ts-expect-error a method accessor needs its ids
    client.notifications.accounts("ACC-1");
  },
  async program() {
    const p = await client.program.programs.updateSettings("PRG-1", { programEnrollment: true });
    expectType<Equal<typeof p, ModelMap["Program"]>>(true);
  },
  async spotlight() {
    const none = await client.spotlight.objects.refresh();
    expectType<Equal<typeof none, void>>(true);
  },
};

test("the type examples exist for every group", () => {
  assert.deepEqual(Object.keys(examples).sort(), [
    "accounts",
    "audit",
    "billing",
    "catalog",
    "commerce",
    "exchange",
    "helpdesk",
    "integration",
    "notifications",
    "program",
    "spotlight",
  ]);
});
