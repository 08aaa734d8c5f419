/**
 * The generator's schema translation on a small synthetic spec: `allOf`, `oneOf`, enums,
 * `nullable`, `required`, `additionalProperties`, `$meta`, reserved names, reachability, base
 * models for everything the spec leaves out, documented status unions, action request bodies and
 * the named service interfaces. Needs no reference files.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("../../../../", import.meta.url)));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: object) => ({ "200": { content: { "application/json": { schema } } } });

const spec = {
  openapi: "3.0.1",
  info: { version: "9.9.9-gabcdef" },
  paths: {
    "/public/v1/catalog/products/{id}": { get: { responses: ok(ref("Product")) } },
    "/public/v1/catalog/products": { get: { summary: "Lists the products.", responses: {} } },
    "/public/v1/catalog/products/{id}/publish": { post: { summary: "Publishes a product.", responses: {} } },
    "/public/v1/commerce/orders/{id}/notify": {
      post: {
        requestBody: { content: { "application/json": { schema: ref("OrderNotificationRequest") } } },
        responses: {},
      },
    },
    "/public/v1/catalog/items": { get: { responses: ok(ref("ItemListResponse")) } },
  },
  components: {
    schemas: {
      ProductRef: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      Product: {
        type: "object",
        description: "A product. Second sentence is dropped.",
        allOf: [ref("ProductRef")],
        required: ["name"],
        properties: {
          id: { type: "string" },
          $meta: ref("Metadata"),
          name: { type: "string", description: "The product's name." },
          status: ref("ProductStatus"),
          kind: { type: "string", enum: ["A", "B"], nullable: true },
          price: { type: "number", format: "double", nullable: true },
          count: { type: "integer", format: "int32" },
          created: { type: "string", format: "date-time" },
          tags: { type: "array", items: { type: "string" } },
          counters: { type: "object", additionalProperties: { type: "integer" } },
          bag: { type: "object", additionalProperties: true },
          choice: { oneOf: [{ type: "string" }, ref("Other")] },
          both: { allOf: [ref("Other"), ref("Record")] },
          owner: { allOf: [ref("Other")], nullable: true },
          "dotted.name": { type: "string" },
          old: { type: "boolean", deprecated: true },
          anything: {},
        },
        additionalProperties: false,
      },
      ProductStatus: { type: "string", enum: ["Draft", "Published"] },
      Other: { type: "object", properties: { code: { type: "string" } }, additionalProperties: false },
      Record: { type: "object", properties: { at: { type: "string" } }, additionalProperties: false },
      Metadata: { type: "object", properties: { omitted: { type: "array", items: { type: "string" } } } },
      ItemListResponse: {
        type: "object",
        properties: { $meta: ref("Metadata"), data: { type: "array", items: ref("ProductItem") } },
      },
      ProductItem: {
        type: "object",
        properties: { sku: { type: "string" }, status: { type: "string" } },
        additionalProperties: false,
      },
      OrderNotificationRequest: {
        type: "object",
        required: ["userId"],
        properties: { userId: { type: "string" } },
        additionalProperties: false,
      },
      Unused: { type: "object", properties: { x: { type: "string" } } },
    },
  },
};

let dir = "";
let files: Map<string, string>;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "mpt-models-synthetic-"));
  writeFileSync(join(dir, "spec.json"), JSON.stringify(spec));
  const run = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/generate-models.ts",
      "--spec",
      join(dir, "spec.json"),
      "--out",
      join(dir, "out"),
    ],
    { cwd: root, encoding: "utf8" },
  );
  assert.equal(run.status, 0, run.stderr);
  files = new Map(
    readdirSync(join(dir, "out", "generated")).map((f) => [
      f,
      readFileSync(join(dir, "out", "generated", f), "utf8"),
    ]),
  );
});

after(() => rmSync(dir, { recursive: true, force: true }));

const catalog = () => files.get("catalog.ts") ?? "";

test("a model schema becomes an interface extending its allOf base, with a required id", () => {
  assert.match(
    catalog(),
    /\/\*\*\n \* A product\.\n \* Model `Product` \(catalog\.products\)\.\n \*\/\nexport interface Product extends ProductRef \{\n {2}id: string;\n/,
  );
  assert.match(catalog(), /export interface ProductRef \{\n {2}id\?: string;\n {2}name\?: string;\n/);
});

test("properties: required, enums, nullable, numbers, dates, arrays, maps, unions, intersections", () => {
  const text = catalog();
  for (const line of [
    "  /** The product's name. */\n  name: string;",
    "  status?: ProductStatus;",
    '  kind?: "A" | "B" | null;',
    "  price?: number | null;",
    "  count?: number;",
    "  created?: string;",
    "  tags?: string[];",
    "  counters?: { [key: string]: number };",
    "  bag?: { [key: string]: unknown };",
    "  choice?: string | Other;",
    "  both?: Other & CatalogRecord;",
    "  owner?: Other | null;",
    '  "dotted.name"?: string;',
    "  /** @deprecated */\n  old?: boolean;",
    "  anything?: unknown;",
    'export type ProductStatus = "Draft" | "Published";',
  ]) {
    assert.ok(text.includes(line), `missing: ${line}`);
  }
});

test("each file names the spec version it came from", () => {
  for (const [file, text] of files) {
    assert.ok(
      text.startsWith("// Generated by scripts/generate-models.ts from mpt-openapi 9.9.9 — do not edit.\n"),
      file,
    );
  }
});

test("$meta, unreachable schemas and list envelopes are left out", () => {
  const all = [...files.values()].join("\n");
  assert.doesNotMatch(all, /\$meta|Metadata|Unused|ItemListResponse/);
});

test("a global name gets the module prefix; a differently named model becomes an alias", () => {
  assert.match(catalog(), /export interface CatalogRecord \{\n {2}at\?: string;\n\}/);
  assert.match(catalog(), /export type Item = ProductItem;/);
  assert.match(catalog(), /export interface ProductItem \{\n {2}id: string;\n {2}sku\?: string;\n/);
});

test("models the spec leaves out extend BaseModel", () => {
  assert.match(files.get("helpdesk.ts") ?? "", /export interface Case extends BaseModel \{\}/);
  assert.match(files.get("integration.ts") ?? "", /export interface InstallationsToken extends BaseModel \{/);
  assert.match(catalog(), /export interface Listing extends BaseModel \{\}/);
  const map = readFileSync(join(dir, "out", "model-map.ts"), "utf8");
  assert.match(map, / {2}Document: M\.CatalogDocument;/);
  assert.match(map, / {2}Product: M\.Product;/);
});

test("a plain string status gets the union of its documented states", () => {
  assert.ok(
    catalog().includes(
      '  /** States documented in mpt-api-behaviour.md. */\n  status?: "Draft" | "Pending" | "Published" | "Unpublished" | "Deleted";',
    ),
  );
  // a status the spec types itself is left alone
  assert.ok(catalog().includes("  status?: ProductStatus;"));
});

test("an action whose request schema differs from the model gets an ActionBodies entry", () => {
  const map = readFileSync(join(dir, "out", "model-map.ts"), "utf8");
  assert.match(
    map,
    /export interface ActionBodies \{\n {2}"\/public\/v1\/commerce\/orders\/\{id\}\/notify": M\.OrderNotificationRequest;\n\}/,
  );
  assert.match(
    files.get("commerce.ts") ?? "",
    /export interface OrderNotificationRequest \{\n {2}userId: string;\n\}/,
  );
});

test("every service gets a named interface with doc comments and named accessor parameters", () => {
  const services = files.get("services.ts") ?? "";
  assert.match(
    services,
    /\/\*\*\n \* Service `catalog\.products` \(model `Product`\): `\/public\/v1\/catalog\/products`\.\n \* Lists the products\.\n \*\/\nexport interface ProductsService extends ServiceOf<\(typeof catalog\)\["products"\]> \{/,
  );
  assert.ok(
    services.includes(
      '  /**\n   * `POST /public/v1/catalog/products/{id}/publish`.\n   * Publishes a product.\n   */\n  publish: ServiceOf<(typeof catalog)["products"]>["publish"];',
    ),
  );
  assert.match(services, / {2}items\(productId: string\): ProductsItemsService;/);
  assert.match(services, /export interface CatalogGroup \{[^}]*readonly products: ProductsService;/);
  assert.match(services, /export interface IntegrationGroup \{[^}]*installationsToken\(\): /);
});
