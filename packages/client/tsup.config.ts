// Build of the published client: ESM + CJS + declarations of the main entry (src/index.ts) and of
// the Node-only entry `mpt-api-client/node` (src/node/index.ts, which imports the main one).
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node/index.ts" },
  external: ["mpt-api-client"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "neutral",
  treeshake: true,
});
