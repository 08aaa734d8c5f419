/**
 * Deterministic randomness: a seeded PRNG (mulberry32) and a string/number hash used to derive
 * independent streams (one per generated record), so a seed always yields the same marketplace.
 * And its opposite for secrets and trace ids: `randomHex`, from the platform's CSPRNG.
 */

/** `bytes` random bytes from `crypto.getRandomValues`, as lowercase hex. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");
}

/** FNV-1a over the parts' text; stable across runs and platforms. */
export function hash(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export class Prng {
  private state: number;
  constructor(seed: number | string) {
    this.state = typeof seed === "number" ? seed >>> 0 : hash(seed);
  }
  /** The generator's position (saved by the durable journal so ids continue after a restart). */
  get position(): number {
    return this.state;
  }
  set position(value: number) {
    this.state = value >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Four random digits. */
  digits(): string {
    return String(this.int(10000)).padStart(4, "0");
  }
}
