/**
 * Type-level checks of the generated models: `tsc -p packages/client` compiles this file, so a
 * sample that stops fitting its interface, or a `@ts-expect-error` that no longer errors, fails
 * the typecheck. At run time it only checks that the samples are what they claim.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { BaseModel } from "../../src/models/base.js";
import type {
  Account,
  AccountUserQueryLegacy,
  Attachment,
  CatalogDocument,
  Charge,
  Contact,
  ParameterDefinition,
  PriceListItem,
  Product,
  ProductDocument,
  ProductItem,
} from "../../src/models/generated/index.js";
import { MODEL_NAMES, type ModelMap, type ModelName } from "../../src/models/model-map.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

// Every model is an object with a string id.
type WithoutId = { [K in ModelName]: ModelMap[K] extends { id: string } ? never : K }[ModelName];
expectType<Equal<WithoutId, never>>(true);

// MODEL_NAMES lists exactly the keys of ModelMap.
expectType<Equal<(typeof MODEL_NAMES)[number], ModelName>>(true);

// Model names that differ from their spec schema are aliases of it.
expectType<Equal<ModelMap["Item"], ProductItem>>(true);
expectType<Equal<ModelMap["Document"], ProductDocument>>(true);
expectType<Equal<ModelMap["Document"], CatalogDocument>>(true);
expectType<Equal<ModelMap["Parameter"], ParameterDefinition>>(true);
expectType<Equal<ModelMap["JournalCharge"], Charge>>(true);
expectType<Equal<ModelMap["StatementCharge"], ModelMap["LedgerCharge"]>>(true);
expectType<Equal<ModelMap["NotificationContact"], Contact>>(true);
expectType<Equal<ModelMap["AccountUser"], AccountUserQueryLegacy>>(true);
expectType<Equal<ModelMap["BatchAttachment"], Attachment>>(true);

// `$meta` is never part of a model; wire names are kept as they are.
expectType<Equal<"$meta" extends keyof Product ? true : false, false>>(true);
expectType<Equal<PriceListItem["PPx1"], number | null | undefined>>(true);

// Enums are string-literal unions, nullable fields take null, dates are strings.
expectType<Equal<NonNullable<Account["type"]>, "Client" | "Vendor" | "Operations">>(true);

const vendor: Account = { id: "ACC-1234-5678", name: "Vendor", type: "Vendor", status: "Active", icon: null };

const product: ModelMap["Product"] = {
  id: "PRD-1234-5678",
  name: "Adobe Photoshop",
  status: "Published",
  shortDescription: null,
  externalIds: { operations: "OP-1" },
  vendor,
  settings: { itemSelection: true },
  audit: { created: { at: "2024-01-01T00:00:00Z", by: { id: "USR-1", name: "Someone" } } },
};

const item: ModelMap["PriceListItem"] = {
  id: "PRI-1",
  status: "ForSale",
  unitPP: 10.5,
  PPx1: 10.5,
  PPxY: null,
};

const order: ModelMap["Order"] = {
  id: "ORD-1",
  status: "Processing",
  type: "Purchase",
  lines: [{ id: "ALI-1", quantity: 2, item: { id: "ITM-1", name: "Seat" } }],
};

// Models the spec does not describe accept any extra field.
const chat: ModelMap["Chat"] = { id: "CHT-1", name: "Support", participants: [] };
const token: ModelMap["InstallationsToken"] = { id: "", token: "eyJ..." };
const base: BaseModel = chat;

// @ts-expect-error a wrong field type
const badName: ModelMap["Product"] = { id: "PRD-1", name: 42 };
// @ts-expect-error the id is required
const noId: ModelMap["Product"] = { name: "Adobe Photoshop" };
// @ts-expect-error an unknown field on a spec model
const typo: ModelMap["Product"] = { id: "PRD-1", nmae: "Adobe Photoshop" };
// @ts-expect-error not a member of the status enum
const badStatus: ModelMap["Order"] = { id: "ORD-1", status: "Nope" };
// @ts-expect-error a non-nullable field
const nullName: ModelMap["Account"] = { id: "ACC-1", name: null, type: "Client", status: "Active" };
// @ts-expect-error the token is required
const noToken: ModelMap["InstallationsToken"] = { id: "" };
// @ts-expect-error not a model name
const unknownModel: ModelName = "Nope";

test("model samples are plain objects with ids", () => {
  for (const sample of [product, item, order, chat, token, base]) assert.equal(typeof sample.id, "string");
  for (const sample of [badName, noId, typo, badStatus, nullName, noToken])
    assert.equal(typeof sample, "object");
  assert.ok(MODEL_NAMES.includes(unknownModel) === false);
});
