/**
 * An export carries the id generators' positions (`ids`: the random-id generator and every child
 * sequence), so export -> load -> create gives the ids a create in the original state gives (a
 * deleted child's sequence number is not handed out again), and export -> load -> export is the
 * same document. `ids` is optional and checked with errors naming each path.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createSandbox, FixtureError, type FixturesDocument } from "../src/index.js";
import { Harness } from "./helpers.js";

/** Creates a product (random id), three items (child ids) and deletes the last item. */
async function build(h: Harness): Promise<{ productId: string; items: string[] }> {
  const product = await h.post("/catalog/products", { name: "Ids" }, "vendor");
  assert.equal(product.status, 201, product.text);
  const productId: string = product.body.id;
  const items: string[] = [];
  for (const name of ["One", "Two", "Three"]) {
    const item = await h.post("/catalog/items", await h.itemBody(productId, name), "vendor");
    assert.equal(item.status, 201, item.text);
    items.push(item.body.id);
  }
  assert.equal((await h.del(`/catalog/items/${items[2]}`, "vendor")).status, 204);
  return { productId, items };
}

/** The ids the next creates get: a product, an item of `productId`, a unit of measure. */
async function nextIds(h: Harness, productId: string): Promise<string[]> {
  const product = await h.post("/catalog/products", { name: "Next" }, "vendor");
  const item = await h.post("/catalog/items", await h.itemBody(productId, "Next"), "vendor");
  const unit = await h.post("/catalog/units-of-measure", { name: "Next", description: "Next" });
  for (const answer of [product, item, unit]) assert.equal(answer.status, 201, answer.text);
  return [product.body.id, item.body.id, unit.body.id];
}

test("export -> load -> create gives the same ids as create in the original state", async () => {
  const original = new Harness({ scale: 0.01 });
  const { productId, items } = await build(original);
  const exported = original.sandbox.export();
  assert.equal(exported.ids?.random, original.sandbox.store.rng.position);
  const deletedSeq = Number(items[2]?.split("-").at(-1));
  assert.equal(exported.ids?.sequences?.[`catalog/items|${productId}`], deletedSeq);

  const reloaded = new Harness({ fixtures: structuredClone(exported) });
  // Export -> load -> export is the same document, positions included.
  assert.deepEqual(reloaded.sandbox.export(), exported);
  const expected = await nextIds(original, productId);
  assert.deepEqual(await nextIds(reloaded, productId), expected);
  // The deleted item's id is not handed out again.
  assert.notEqual(expected[1], items[2]);
  assert.equal(Number(expected[1]?.split("-").at(-1)), deletedSeq + 1);

  // A reset goes back to the loaded positions: the same ids once more.
  reloaded.sandbox.reset();
  assert.deepEqual(await nextIds(reloaded, productId), expected);
});

test("without `ids`, child sequences continue after the highest child id of the document", async () => {
  const original = new Harness({ scale: 0.01 });
  const { productId, items } = await build(original);
  const { ids: _ids, ...withoutIds } = original.sandbox.export();
  const reloaded = new Harness({ fixtures: structuredClone(withoutIds) });
  const item = await reloaded.post("/catalog/items", await reloaded.itemBody(productId, "Again"), "vendor");
  // The older behaviour, kept for documents without positions: the deleted item's number again.
  assert.equal(item.body.id, items[2]);
});

test("wrong `ids` are refused naming the path", () => {
  const base: FixturesDocument = { accounts: [{ id: "ACC-1111-1111", name: "V", type: "Vendor" }] };
  const problems = (ids: unknown): readonly string[] => {
    try {
      createSandbox({ fixtures: { ...base, ids } as FixturesDocument });
    } catch (error) {
      assert.ok(error instanceof FixtureError, String(error));
      return error.problems;
    }
    return assert.fail("the document was accepted");
  };
  assert.doesNotThrow(() => createSandbox({ fixtures: { ...base, ids: { random: 0, sequences: {} } } }));
  assert.deepEqual(problems([]), ['ids: expected an object with "random", "sequences", got a list']);
  assert.deepEqual(problems({ position: 3 }), ['ids.position: unknown key (known: "random", "sequences")']);
  for (const random of [-1, 1.5, 2 ** 32, "7"]) {
    assert.deepEqual(problems({ random }), [
      `ids.random: expected an integer from 0 to 4294967295 (an export's value), got ${JSON.stringify(random)}`,
    ]);
  }
  assert.deepEqual(problems({ sequences: [1] }), [
    'ids.sequences: expected an object of counters by "<store key>|<parent id>", got a list',
  ]);
  assert.deepEqual(
    problems({
      sequences: {
        "catalog/items": 1,
        "catalog/items|": 1,
        "catalog/itemz|PRD-1": 1,
        "catalog/items|PRD-1": -2,
      },
    }),
    [
      'ids.sequences["catalog/items"]: expected a name "<store key>|<parent id>"',
      'ids.sequences["catalog/items|"]: expected a name "<store key>|<parent id>"',
      'ids.sequences["catalog/itemz|PRD-1"]: unknown store "catalog/itemz" (see objects\' store keys)',
      'ids.sequences["catalog/items|PRD-1"]: expected a counter (an integer of 0 or more), got -2',
    ],
  );
});
