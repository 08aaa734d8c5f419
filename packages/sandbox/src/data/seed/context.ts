/**
 * The toolbox seed modules share: a seeded PRNG, a clock of fixed dates, and `add`, which writes
 * a record the way a create would (id from the store's rule, audit stamps).
 */
import { allocateId } from "../../domain/id-allocation.js";
import { shortRef } from "../../domain/references.js";
import type { Store } from "../../domain/store.js";
import type { JsonObject } from "../../shared/json.js";
import { Prng } from "../../shared/prng.js";

/** Seeded data is dated from here (deterministic). */
export const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

export class SeedContext {
  readonly rng: Prng;
  constructor(
    readonly store: Store,
    readonly seed: string,
    readonly scale: number,
  ) {
    this.rng = new Prng(`${seed}:seed`);
  }

  /** An ISO date `minutes` after the epoch. */
  date(minutes: number): string {
    return new Date(EPOCH + minutes * 60_000).toISOString();
  }

  audit(minutes: number, by: JsonObject = { id: "USR-0000-0001", name: "Marketplace Bot" }): JsonObject {
    const at = this.date(minutes);
    return { created: { at, by }, updated: { at, by } };
  }

  /** Writes a record into a store (id allocated unless given) and returns it. */
  add(key: string, record: JsonObject, minutes = this.rng.int(200_000)): JsonObject {
    const { id: given, ...rest } = record;
    const id = typeof given === "string" ? given : allocateId(this.store, key, rest);
    const full: JsonObject = { id, ...rest, audit: this.audit(minutes) };
    this.store.collection(key).put(full);
    return full;
  }

  ref(record: JsonObject): JsonObject {
    return shortRef(record);
  }

  /** `n` scaled by the `scale` option (at least 1). */
  scaled(n: number): number {
    return Math.max(1, Math.round(n * this.scale));
  }
}

/** A tiny valid PDF and a 1x1 PNG, for seeded documents, media and icons. */
export function pdfBytes(title: string): Uint8Array<ArrayBuffer> {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n% ${title}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

export function pngBytes(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(PNG_1X1), (c) => c.charCodeAt(0));
}
