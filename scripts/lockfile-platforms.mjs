#!/usr/bin/env node
// Completes package-lock.json with the other platforms' optional binary packages (Biome, Rollup,
// esbuild, ...). This machine's npm registry carries only the Linux builds, so `npm install`
// leaves the rest out of the lock and `npm ci` then refuses the lock as out of sync. Each added
// entry carries the `os` / `cpu` / `libc` read from the package name, so `npm ci` skips it
// without fetching. Run after every `npm install`: `node scripts/lockfile-platforms.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const OS = [
  "android",
  "darwin",
  "freebsd",
  "linux",
  "openbsd",
  "openharmony",
  "sunos",
  "netbsd",
  "aix",
  "win32",
];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return undefined;
  const entry = { os: [os], cpu: [cpu] };
  if (os === "linux") {
    if (parts.some((p) => p.startsWith("musl"))) entry.libc = ["musl"];
    else if (parts.some((p) => p.startsWith("gnu"))) entry.libc = ["glibc"];
  }
  return entry;
}

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key.slice(0, key.lastIndexOf("node_modules/") === -1 ? 0 : key.lastIndexOf("node_modules/"));
    const target = `${base}node_modules/${dep}`;
    if (packages[target] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, dev: pkg.dev, optional: true, ...platform };
    if (!pkg.dev) delete packages[`node_modules/${dep}`].dev;
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-platforms: added ${added} platform entries`);
