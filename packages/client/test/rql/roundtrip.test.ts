/**
 * Property: for any string values (one kind of quote, separators, `# + & %`, spaces, unicode),
 * what `RQLQuery` writes parses back (`parseRQL`) to literals equal to the values, and survives
 * the wire (`buildQueryString` -> `parseQueryString`) unchanged. A seeded generator keeps runs
 * reproducible; the failing seed and value are in the assertion message.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  buildQueryString,
  parseQueryString,
  parseRQL,
  RQLQuery,
  type RqlNode,
  type RqlValue,
} from "../../src/rql/index.js";

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [
  ..."abcXYZ019",
  ..." ,()&|;=#+%*.-_~:!?/\\[]{}<>@$^`",
  "\t",
  "\n",
  "ü",
  "日",
  "€",
  "😀",
  "\u00a0",
  "'",
  '"',
];

function randomString(rand: () => number): string {
  const quote = rand() < 0.5 ? "'" : '"';
  const length = Math.floor(rand() * 12);
  let out = "";
  for (let i = 0; i < length; i++) {
    const ch = ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? "a";
    out += ch === "'" || ch === '"' ? quote : ch;
  }
  return out;
}

const FIELDS = ["name", "product.id", "audit.created.at", "a_b", "x-y"];

function literalsOf(node: RqlNode | null, out: string[] = []): string[] {
  if (node === null) return out;
  const push = (v: RqlValue) => {
    if (v.kind === "literal" && v.quoted) out.push(v.text);
  };
  switch (node.type) {
    case "and":
    case "or":
    case "group":
      for (const a of node.args) literalsOf(a, out);
      break;
    case "not":
      literalsOf(node.arg, out);
      break;
    case "compare":
      push(node.value);
      break;
    case "list":
      node.values.forEach(push);
      break;
    case "collection":
      if (node.predicate) literalsOf(node.predicate, out);
      break;
  }
  return out;
}

function randomLeaf(rand: () => number): { query: RQLQuery; values: string[] } {
  const field = FIELDS[Math.floor(rand() * FIELDS.length)] ?? "name";
  const pick = Math.floor(rand() * 6);
  if (pick === 0) {
    const values = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomString(rand));
    return { query: new RQLQuery(field).in(values), values };
  }
  const value = randomString(rand);
  if (pick === 1)
    return { query: new RQLQuery({ [`${field.replaceAll(".", "__")}__ne`]: value }), values: [value] };
  if (pick === 2) return { query: new RQLQuery(field).ilike(value), values: [value] };
  if (pick === 3) return { query: new RQLQuery({ [field.replaceAll(".", "__")]: value }), values: [value] };
  return { query: new RQLQuery(field).eq(value), values: [value] };
}

function randomTree(rand: () => number, depth: number): { query: RQLQuery; values: string[] } {
  if (depth === 0 || rand() < 0.3) return randomLeaf(rand);
  const left = randomTree(rand, depth - 1);
  const right = randomTree(rand, depth - 1);
  const values = [...left.values, ...right.values];
  const pick = Math.floor(rand() * 4);
  if (pick === 0) return { query: left.query.and(right.query), values };
  if (pick === 1) return { query: left.query.or(right.query), values };
  if (pick === 2) return { query: left.query.and(right.query).not(), values };
  return { query: left.query.or(right.query).any("lines"), values };
}

test("single values: parseRQL(q.toString()) gives the values back, in order", () => {
  for (let seed = 1; seed <= 3000; seed++) {
    const rand = prng(seed);
    const { query, values } = randomLeaf(rand);
    const text = query.toString();
    assert.deepEqual(literalsOf(parseRQL(text)), values, `seed ${seed}: ${text}`);
  }
});

test("trees: every value comes back, and the filter survives the wire", () => {
  for (let seed = 1; seed <= 1500; seed++) {
    const rand = prng(seed * 7919);
    const { query, values } = randomTree(rand, 4);
    const filter = query.toString();
    const got = literalsOf(parseRQL(filter));
    assert.deepEqual(new Set(got), new Set(values), `seed ${seed}: ${filter}`);
    const raw = buildQueryString({
      limit: 10,
      offset: 0,
      order: ["-name"],
      select: ["+audit"],
      filter,
      render: true,
    });
    assert.ok(!raw.includes("#") && !raw.includes("+") && !raw.includes(" "), `seed ${seed}: ${raw}`);
    const back = parseQueryString(raw);
    assert.equal(back.filter, filter, `seed ${seed}: ${raw}`);
    assert.equal(back.select, "+audit");
    assert.equal(back.render, true);
  }
});
