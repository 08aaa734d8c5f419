/**
 * MPT id formats (behaviour notes §6): `PREFIX-dddd[-dddd...]`; a child id embeds its parent's
 * digit groups and appends a sequence group (`PRD-1234-5678` -> `ITM-1234-5678-0001`). Also the
 * reversible scrambled ids of generated (virtual) records, so a million orders need no index.
 */
import type { Prng } from "../shared/prng.js";

/** The digit groups of an id: `PRD-1234-5678` -> `["1234", "5678"]`. */
export function digitGroups(id: string): string[] {
  return id.split("-").slice(1);
}

export function randomId(prefix: string, groups: number, rng: Prng): string {
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) parts.push(rng.digits());
  return `${prefix}-${parts.join("-")}`;
}

/** `childId("ITM", "PRD-1234-5678", 1)` -> `ITM-1234-5678-0001`; `pad` zero groups go between. */
export function childId(prefix: string, parentId: string, seq: number, pad = 0): string {
  const groups = [...digitGroups(parentId), ...Array<string>(pad).fill("0000")];
  return `${prefix}-${groups.join("-")}-${String(seq).padStart(4, "0")}`;
}

/** The sequence (last group) of a child id. */
export function sequenceOf(id: string): number {
  const last = id.split("-").at(-1) ?? "";
  const n = Number.parseInt(last, 10);
  return Number.isNaN(n) ? 0 : n;
}

const MULTIPLIER = 1_234_567_891n;

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return ((oldS % m) + m) % m;
}

/**
 * A bijection between record indexes and ids that look random: `index -> PREFIX-dddd-...`.
 * `indexOf` inverts it (undefined for ids that are not of this family or out of range).
 */
export class ScrambledIds {
  private readonly modulus: bigint;
  private readonly inverse: bigint;
  private readonly offset: bigint;
  constructor(
    readonly prefix: string,
    readonly groups: number,
    salt: number,
  ) {
    this.modulus = 10n ** BigInt(groups * 4);
    this.inverse = modInverse(MULTIPLIER, this.modulus);
    this.offset = BigInt(salt) % this.modulus;
  }
  idAt(index: number): string {
    const n = (MULTIPLIER * BigInt(index) + this.offset) % this.modulus;
    const text = n.toString().padStart(this.groups * 4, "0");
    const parts: string[] = [];
    for (let i = 0; i < this.groups; i++) parts.push(text.slice(i * 4, i * 4 + 4));
    return `${this.prefix}-${parts.join("-")}`;
  }
  indexOf(id: string): number | undefined {
    const parts = id.split("-");
    if (parts[0] !== this.prefix || parts.length !== this.groups + 1) return undefined;
    const text = parts.slice(1).join("");
    if (!/^\d+$/.test(text)) return undefined;
    const n = BigInt(text);
    const index = (((n - this.offset) % this.modulus) + this.modulus) % this.modulus;
    const value = (index * this.inverse) % this.modulus;
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
  }
}
