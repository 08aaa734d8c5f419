/**
 * `ModelMap` covers every model the catalogue rows name (services and actions), and `MODEL_NAMES`
 * lists exactly the map's keys.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServiceDef } from "../../src/catalogue/types.js";
import { MODEL_NAMES, type ModelName } from "../../src/models/model-map.js";

const resourcesDir = fileURLToPath(new URL("../../src/resources/", import.meta.url));

const isRow = (v: unknown): v is ServiceDef =>
  typeof v === "object" && v !== null && typeof (v as { model?: unknown }).model === "string";

async function catalogueModels(): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const note = (model: string, where: string) => found.set(model, [...(found.get(model) ?? []), where]);
  const walk = (where: string, row: ServiceDef): void => {
    note(row.model, where);
    for (const [name, action] of Object.entries(row.actions ?? {})) {
      if (action.model) note(action.model, `${where}.${name}`);
    }
    for (const [name, child] of Object.entries(row.children ?? {})) walk(`${where}.${name}`, child);
  };
  const files = readdirSync(resourcesDir).filter((f) => f.endsWith(".ts") && f !== "index.ts");
  assert.ok(files.length >= 11, "the 11 catalogue groups are present");
  for (const file of files) {
    const mod: Record<string, unknown> = await import(pathToFileURL(resourcesDir + file).href);
    for (const group of Object.values(mod)) {
      if (typeof group !== "object" || group === null) continue;
      for (const [service, row] of Object.entries(group)) {
        if (isRow(row)) walk(`${basename(file, ".ts")}.${service}`, row);
      }
    }
  }
  return found;
}

test("every model named by a catalogue row or action is in ModelMap", async () => {
  const known = new Set<string>(MODEL_NAMES);
  const used = await catalogueModels();
  assert.ok(used.size > 100, `found ${used.size} models in the catalogue`);
  const missing = [...used].filter(([name]) => !known.has(name)).map(([name, where]) => `${name} (${where})`);
  assert.deepEqual(missing, []);
});

test("MODEL_NAMES is sorted, unique, and holds only names the catalogue uses", async () => {
  assert.deepEqual([...MODEL_NAMES], [...new Set(MODEL_NAMES)].sort());
  const used = await catalogueModels();
  const unused = MODEL_NAMES.filter((name) => !used.has(name));
  assert.deepEqual(unused, []);
});

test("the brief's model names are all mapped", () => {
  const expected = [
    "Account AccountUser AccountsUser AccountsUserGroup ApiToken Buyer CloudTenant ErpLink Licensee Module Seller",
    "ServiceIdentity User UserGroup EventType AuditRecord CreditMemo CreditMemoAttachment CustomLedger",
    "CustomLedgerAttachment CustomLedgerCharge Invoice InvoiceAttachment Journal JournalAttachment JournalCharge",
    "JournalSeller Ledger LedgerAttachment LedgerCharge ManualOverride Statement StatementAttachment StatementCharge",
    "Authorization Document Item ItemGroup Listing Media Parameter ParameterGroup PriceList PriceListItem",
    "PricingPolicy PricingPolicyAttachment Product Template Term TermVariant UnitOfMeasure Agreement",
    "AgreementAttachment Asset Order OrderSubscription OrdersAsset Subscription Currency Pair AttachmentModel Case",
    "Channel Chat ChatAnswer ChatLink ChatMessage ChatParticipant Form HelpdeskParameter HelpdeskParameterGroup",
    "ParameterGroupParameter Queue Extension ExtensionDocument ExtensionInstallation ExtensionInstance",
    "ExtensionMedia ExtensionTerm ExtensionTermVariant Installation InstallationsToken IntegrationCategory Batch",
    "Contact Directory Footer Message NotificationCategory NotificationContact NotificationTemplate Subscriber",
    "TemplateVariant Webhook Certificate Enrollment EnrollmentAttachment Program ProgramDocument ProgramMedia",
    "ProgramParameter ProgramParameterGroup ProgramTemplate ProgramTerm ProgramTermVariant SpotlightObject",
    "SpotlightQuery BatchAttachment",
  ]
    .join(" ")
    .split(" ");
  const known = new Set<string>(MODEL_NAMES);
  assert.deepEqual(
    expected.filter((n) => !known.has(n)),
    [],
  );
  // type level: each of these is a ModelName
  const typed: readonly ModelName[] = ["Product", "Document", "BatchAttachment", "InstallationsToken"];
  assert.equal(typed.length, 4);
});
