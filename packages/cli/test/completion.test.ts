/** Shell completion: the candidates `mpt __complete` gives at each level, and the scripts per shell. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mpt } from "./helpers.js";

async function complete(...words: string[]): Promise<string[]> {
  const r = await mpt(["__complete", "--", ...words]);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.split("\n").filter((line) => line !== "");
}

describe("completion", () => {
  it("completes groups and other commands, then services, nested services past their ids, and commands", async () => {
    const top = await complete("");
    for (const name of ["catalog", "commerce", "export", "api", "whoami", "config", "completion"])
      assert.ok(top.includes(name), `${name} in ${top.join(" ")}`);
    assert.ok(!top.includes("__complete"), "the hidden command stays hidden");
    assert.deepEqual(await complete("cat"), ["catalog"]);
    assert.deepEqual(await complete("catalog", "price-"), ["price-lists"]);
    const nested = await complete("catalog", "products", "PRD-1234-5678", "it");
    assert.deepEqual(nested, ["item-groups", "items"]);
    const verbs = await complete("catalog", "products", "items", "PRD-1234-5678", "");
    assert.ok(verbs.includes("list") && verbs.includes("get"), verbs.join(" "));
  });

  it("completes the options of the command reached, skipping option values", async () => {
    const options = await complete("--base-url", "http://x", "catalog", "products", "list", "--f");
    assert.deepEqual(options, ["--filter", "--format"]);
    assert.ok((await complete("config", "set", "--")).includes("--token"));
  });

  it("prints a script for bash, zsh and fish; another shell is a usage error", async () => {
    const [bash, zsh, fish, other] = await Promise.all([
      mpt(["completion", "bash"]),
      mpt(["completion", "zsh"]),
      mpt(["completion", "fish"]),
      mpt(["completion", "tcsh"]),
    ]);
    assert.match(bash.stdout, /complete -o default -F _mpt_complete mpt/);
    assert.match(zsh.stdout, /^#compdef mpt$/m);
    assert.match(fish.stdout, /complete -c mpt -f -a '\(__mpt_complete\)'/);
    for (const r of [bash, zsh, fish]) assert.match(r.stdout, /mpt __complete -- /);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /use bash, zsh or fish/);
  });
});
