/**
 * Store definitions: a definition naming an unknown store, route or action fails to compile
 * (the `@ts-expect-error` lines below are checked by `npm run typecheck`) or is reported by the
 * start-up check; the answer schemas they name are the spec's.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_SPEC } from "../scripts/generate-schema.js";
import { definitionProblems } from "../src/domain/stores/check.js";
import { DEFINITIONS, defineStores, type StoreDefinitions, storeDef } from "../src/domain/stores/index.js";
import { createSandbox, MACHINES, NESTED, ROUTES } from "../src/index.js";

test("unknown store keys, actions and nested routes fail to compile", () => {
  const groups = [
    defineStores({
      // @ts-expect-error: not a store of the catalogue
      "catalog/prodcts": { required: ["name"] },
    }),
    defineStores({
      "commerce/orders": {
        machine: {
          actions: {
            // @ts-expect-error: orders have no `publish` action
            publish: { from: "*" },
          },
        },
        // @ts-expect-error: `complet` is no action of orders
        onAction: { complet: "completeOrder" },
      },
    }),
    defineStores({
      "catalog/items": {
        // @ts-expect-error: no such route
        nested: { "catalog/nowhere/{productId}/items": {} },
      },
    }),
    defineStores({
      // @ts-expect-error: no such effect
      "helpdesk/cases": { onCreate: "openCaseChats" },
    }),
  ];
  assert.equal(groups.length, 4);
});

test("the built-in definitions pass the start-up check and drive the engine", () => {
  assert.deepEqual(definitionProblems(), []);
  assert.equal(storeDef("commerce/orders").machine?.initial, "Draft");
  assert.equal(MACHINES["commerce/orders"], storeDef("commerce/orders").machine);
  assert.equal(NESTED["catalog/products/{productId}/items"]?.store, "catalog/items");
  assert.equal(NESTED["billing/ledgers/{ledgerId}/charges"]?.owned, false);
  assert.ok(DEFINITIONS.size > 90);
  assert.deepEqual(storeDef("no/such/store"), {});
});

test("the start-up check reports what the types cannot see", () => {
  const bad = [
    { "commerce/orders": {} },
    { "commerce/orders": {} },
    { "catalog/prodcts": {} },
    // Item actions are declared on `catalog/items`; a machine on the route's derived key is no store.
    { "catalog/products/items": { machine: { actions: {} } } },
    { "catalog/items": { machine: { actions: { refund: { from: "*" } } } } },
    { "catalog/products": { nested: { "catalog/products/{productId}/items": {} } } },
    {
      "billing/charges": {
        nested: { "billing/journals/{journalId}/charges": { refs: { ledgerId: "x.id" } } },
      },
    },
    { "notifications/contacts": { id: { prefix: "CTT", groups: 2 } } },
    { "notifications/accounts/categories/contacts": { id: { prefix: "CTT", groups: 2 } } },
    { "notifications/batches": { special: { getAttachment: "embeddedFile" } } },
  ] as unknown as StoreDefinitions[];
  const problems = definitionProblems(bad);
  const expect = [
    /^commerce\/orders: defined twice/,
    /^catalog\/prodcts: no route/,
    /^catalog\/products\/items: no route/,
    /^catalog\/items: machine.actions names action 'refund'/,
    /^catalog\/products: nested names 'catalog\/products\/\{productId\}\/items', which is not a route of this store/,
    /^billing\/charges: nested 'billing\/journals\/\{journalId\}\/charges' has no placeholder 'ledgerId'/,
    /^notifications\/batches: special 'embeddedFile' needs embeddedFiles/,
    /^id prefix CTT is shared by notifications\/contacts, notifications\/accounts\/categories\/contacts: exactly one/,
  ];
  for (const pattern of expect) {
    assert.ok(
      problems.some((p) => pattern.test(p)),
      `${pattern} not in:\n${problems.join("\n")}`,
    );
  }
  assert.equal(problems.length, expect.length);
});

test("a sandbox starts on the built-in definitions", () => {
  assert.doesNotThrow(() => createSandbox({ seed: "definitions" }));
});

test("each `answers` entry is the OpenAPI spec's answer schema of that operation", {
  skip: !existsSync(DEFAULT_SPEC) && "spec not present",
}, () => {
  type Operation = {
    responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  };
  const spec = JSON.parse(readFileSync(DEFAULT_SPEC, "utf8")) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const norm = (path: string) => path.replace(/\{[^}]+\}/g, "{}");
  const operations = new Map(Object.entries(spec.paths).map(([path, item]) => [norm(path), item]));
  let checked = 0;
  for (const [store, definition] of DEFINITIONS) {
    for (const [action, schema] of Object.entries(definition.answers ?? {})) {
      const found = ROUTES.filter((route) => route.store === store && route.def.actions?.[action]).flatMap(
        (route) => {
          const def = route.def.actions?.[action];
          if (!def) return [];
          const path = `/public/v1/${route.template}${def.scope === "collection" ? "" : "/{id}"}${def.path ? `/${def.path}` : ""}`;
          const responses = operations.get(norm(path))?.[def.method.toLowerCase()]?.responses ?? {};
          const ref = (responses["200"] ?? responses["201"])?.content?.["application/json"]?.schema?.$ref;
          return ref === undefined ? [] : [ref.split("/").at(-1)];
        },
      );
      assert.ok(found.length > 0, `${store} ${action}: no operation of the spec answers it`);
      for (const name of found) assert.equal(name, schema, `${store} ${action}`);
      checked++;
    }
  }
  assert.ok(checked >= 8, `${checked} entries checked`);
});
