/**
 * Every link of every Markdown file of the repository leads somewhere: a relative link names a
 * file or folder inside the repository (never one beside it, like ../shared), and its `#anchor`,
 * if any, is a heading of the Markdown file it names. Web links must be https (they are not
 * fetched: tests have no network). Code blocks and inline code are not read for links.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const SKIP = new Set(["node_modules", "dist", ".git", "coverage", ".tmp"]);
/** Generated output, not committed (`npm run docs`). */
const GENERATED = join(root, "docs", "api");

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (SKIP.has(name) || full === GENERATED) continue;
    if (statSync(full).isDirectory()) markdownFiles(full, out);
    else if (name.endsWith(".md")) out.push(full);
  }
  return out;
}

/** The text outside fenced code blocks and inline code. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "``");
}

/** Link targets: inline `[text](target)` and reference definitions `[label]: target`. */
function links(text: string): string[] {
  const body = prose(text);
  const inline = [...body.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
  const defs = [...body.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1] ?? "");
  return [...inline, ...defs];
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, "")
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const match of prose(readFileSync(file, "utf8")).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(match[1] ?? "");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function problemsOf(file: string): string[] {
  const problems: string[] = [];
  const where = relative(root, file);
  for (const target of links(readFileSync(file, "utf8"))) {
    if (/^mailto:/i.test(target)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
      if (!/^https:\/\//i.test(target)) problems.push(`${where}: ${target}: use an https:// link`);
      continue;
    }
    const [path = "", anchor] = target.split("#", 2);
    const resolved = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
    const inside = relative(root, resolved);
    if (inside.startsWith("..") || resolve(root, inside) !== resolved) {
      problems.push(`${where}: ${target} leads outside the repository`);
      continue;
    }
    if (!existsSync(resolved)) {
      problems.push(`${where}: ${target} does not exist`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith(".md") && !anchors(resolved).has(anchor)) {
      problems.push(`${where}: ${target}: no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

test("the link checker itself: finds links, ignores code, computes GitHub anchors", () => {
  assert.deepEqual(links('[a](x.md) `[b](y.md)` [c](<z.md> "t")\n```\n[d](w.md)\n```\n[e]: https://e.test'), [
    "x.md",
    "z.md",
    "https://e.test",
  ]);
  assert.equal(slug("The `mpt` command"), "the-mpt-command");
  assert.equal(slug("Filter with RQL, order and select"), "filter-with-rql-order-and-select");
});

test("every link of every Markdown file resolves inside the repository", () => {
  const files = markdownFiles(root);
  assert.ok(files.length >= 5, `found only ${files.length} Markdown files`);
  assert.deepEqual(files.flatMap(problemsOf), []);
});
