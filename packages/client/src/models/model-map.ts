/**
 * PLACEHOLDER until `npm run generate` writes the real map: model name -> interface.
 * The generator (scripts/generate-models.ts) replaces this file.
 */
import type { BaseModel } from "./base.js";

// biome-ignore lint/suspicious/noEmptyInterface: replaced by the generator
export interface ModelMap extends Record<string, BaseModel> {}

export type ModelName = keyof ModelMap & string;
