/**
 * Type tests of the typed surface: request bodies are checked at every depth (with `unchecked()`
 * as the escape hatch), field paths of filter / orderBy / select / get are checked against the
 * model with typed values, `select` narrows the answer, status fields are unions, and accessors
 * keep their parameter names. `tsc` compiles this file in `npm test`: each `@ts-expect-error` line
 * must stay an error. At run time the examples are only checked to be functions (nothing is sent).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  type APIPromise,
  type Catalogue,
  type GroupName,
  type Item,
  type ModelCollection,
  type MPTClient,
  type Order,
  type Product,
  RQLQuery,
  rql,
  unchecked,
  type WithResponse,
} from "mpt-api-client";
import { client, type Equal, expectType } from "./support/type-checks.js";

const products = client.catalog.products;
const orders = client.commerce.orders;

export const examples = {
  async bodies() {
    await products.create({ name: "x" });
    // @ts-expect-error misspelled field at the top level
    await products.create({ nmae: "x" });
    await orders.create({ lines: [{ quantity: 1 }] });
    // @ts-expect-error misspelled field inside a list
    await orders.create({ lines: [{ quantty: 1 }] });
    // @ts-expect-error misspelled field two levels down
    await orders.create({ lines: [{ price: { currncy: "USD" } }] });
    // @ts-expect-error wrong value type
    await products.update("PRD-1", { name: 5 });
    // the escape hatch: fields the spec does not describe
    await products.create(unchecked({ name: "x", brandNewField: 1 }));
    // action bodies use the spec's request schema where it differs from the model
    await orders.notify("ORD-1", { userId: "USR-1", notifyMe: true });
    // @ts-expect-error not a field of OrderNotificationRequest
    await orders.notify("ORD-1", { userId: "USR-1", notfyMe: true });
    // @ts-expect-error misspelled field in an action body typed by the model
    await orders.process("ORD-1", { statusNots: {} });
    // create / update bodies too: `commerce.requests.create` takes the spec's `CreateRequest`
    const requests = client.commerce.requests;
    await requests.create({ name: "x", parameters: [{ parameterDefinitionId: "PAR-1", value: "v" }] });
    // @ts-expect-error a read-only field of the model, not of CreateRequest
    await requests.create({ name: "x", audit: {} });
    // @ts-expect-error misspelled field of CreateRequest
    await requests.create({ nmae: "x" });
    // @ts-expect-error the model's parameter shape is not CreateParameter's
    await requests.create({ parameters: [{ id: "PAR-1" }] });
    await client.accounts
      .usersOf("ACC-1")
      .create({ user: { email: "a@example.com" }, groups: [{ id: "UGR-1" }] });
  },

  paths() {
    products.filter((f) => f("vendor.name").eq("Microsoft"));
    products.filter((f) => f("audit.created.at").gt(new Date()));
    orders.filter((f) => f("lines.quantity").ge(2));
    orders.filter((f) => f("lines.item.id").in(["ITM-1", "ITM-2"]));
    // @ts-expect-error unknown field
    products.filter((f) => f("vendr.name").eq("Microsoft"));
    // @ts-expect-error a number field takes numbers
    orders.filter((f) => f("lines.quantity").eq("two"));
    // @ts-expect-error a status takes one of its states
    products.filter((f) => f("status").eq("Publishd"));
    products.filter((f) => f("status").in(["Published", "Draft"]));
    rql<Product>()("status").eq("Published");
    // @ts-expect-error rql<M>() checks paths too
    rql<Product>()("vendr.name");
    // untyped paths stay possible through the explicit API
    products.filter(new RQLQuery("vendr.name").eq("x"));
    products.filter("eq(status,Published)");

    products.orderBy("-audit.created.at", "name");
    // @ts-expect-error misspelled nested field
    products.orderBy("-audit.craeted.at");
    products.select("-*", "id", "name");
    // @ts-expect-error unknown field
    products.select("nmae");
    const dynamic: string[] = ["name"];
    products.select(...dynamic);
  },

  async narrowing() {
    const lean = await products.select("-*", "id", "name").fetchPage();
    expectType<Equal<typeof lean, ModelCollection<{ id: string; name: string }>>>(true);
    const one = await products.get("PRD-1", { select: ["-*", "id", "name"] });
    expectType<Equal<typeof one, { id: string; name: string }>>(true);
    const added = await products.get("PRD-1", { select: ["+audit"] });
    expectType<Equal<typeof added.audit, NonNullable<Product["audit"]>>>(true);
    expectType<Equal<typeof added.name, Product["name"]>>(true);
    const removed = await products.get("PRD-1", { select: ["-audit"] });
    expectType<Equal<"audit" extends keyof typeof removed ? true : false, false>>(true);
    const plain = await products.get("PRD-1");
    expectType<Equal<typeof plain, Product>>(true);
    // @ts-expect-error select on get is checked too
    await products.get("PRD-1", { select: ["nmae"] });
  },

  statuses(product: Product, item: Item, order: Order) {
    expectType<
      Equal<Product["status"], "Draft" | "Pending" | "Published" | "Unpublished" | "Deleted" | undefined>
    >(true);
    // @ts-expect-error no such state
    if (product.status === "Publishd") return;
    // @ts-expect-error no such state
    if (item.status === "Publishd") return;
    // @ts-expect-error no such state
    if (order.status === "Complete") return;
  },

  async responses() {
    const pending = products.get("PRD-1");
    expectType<Equal<typeof pending, APIPromise<Product>>>(true);
    const { data, response } = await pending.withResponse();
    expectType<Equal<typeof data, Product>>(true);
    expectType<Equal<typeof response.status, number>>(true);
    expectType<Equal<typeof response.traceId, string | null>>(true);
    const counted: WithResponse<number> = await products.count().withResponse();
    expectType<Equal<typeof counted.data, number>>(true);
    for await (const page of products.pages({ limit: 10 })) {
      expectType<Equal<typeof page, ModelCollection<Product>>>(true);
      if (page.hasNextPage()) await page.nextPage();
    }
    const all = await products.toArray({ limit: 5 });
    expectType<Equal<typeof all, Product[]>>(true);
  },
};

// The generated group interfaces list exactly the catalogue's services.
type GroupsMatch = { [G in GroupName]: Equal<keyof MPTClient[G], keyof Catalogue[G]> }[GroupName];
expectType<Equal<GroupsMatch, true>>(true);

test("the strict type examples are functions (tsc checks their bodies)", () => {
  for (const example of Object.values(examples)) assert.equal(typeof example, "function");
  assert.deepEqual(Object.keys(examples), ["bodies", "paths", "narrowing", "statuses", "responses"]);
});
