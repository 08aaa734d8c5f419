/**
 * The in-memory store: one `Collection` per store key, holding plain JSON records. Records are
 * never mutated in place (writes replace the object), so a list or stream that captured a record
 * keeps the version it saw. Big collections can be backed by virtual sources: records generated
 * on demand from their index, materialised only when written, so a million orders cost nothing
 * until they are read.
 */
import { FieldIndex } from "../query/fields.js";
import type { JsonObject } from "../shared/json.js";
import type { Prng } from "../shared/prng.js";

/** Records generated on demand: `make(i)` must always return the same record for `i`. */
export interface VirtualSource {
  readonly count: number;
  idAt(index: number): string;
  indexOf(id: string): number | undefined;
  make(index: number): JsonObject;
}

/** Undo steps of the running transaction (see `Store.transaction`). */
type Journal = { steps: Array<() => void> } | undefined;

/** One write to the store, as the durable journal records it (each one sets a value: replaying is idempotent). */
export type StoreChange =
  | { op: "put"; key: string; record: JsonObject }
  | { op: "delete"; key: string; id: string }
  | { op: "file"; owner: string; file: StoredFile | null }
  | { op: "sequence"; name: string; value: number };

export type ChangeListener = (change: StoreChange) => void;

/** What a collection holds beyond its virtual sources (a durable snapshot's part). */
export interface CollectionDump {
  records: JsonObject[];
  removed: string[];
}

export class Collection {
  private readonly own = new Map<string, JsonObject>();
  private readonly patched = new Map<string, JsonObject>();
  private readonly removed = new Set<string>();
  private readonly sources: VirtualSource[] = [];
  private virtualCount = 0;
  /** Bumped on every write. */
  version = 0;
  /** Property paths and types seen in this collection's records. */
  readonly fields = new FieldIndex();

  constructor(
    readonly key: string,
    private readonly journal: () => Journal = () => undefined,
    private readonly emit: ChangeListener = () => undefined,
  ) {}

  /** Remembers how to restore `id` as it is now, when a transaction runs. */
  private remember(id: string): void {
    const journal = this.journal();
    if (!journal) return;
    const own = this.own.get(id);
    const patched = this.patched.get(id);
    const removed = this.removed.has(id);
    journal.steps.push(() => {
      if (own === undefined) this.own.delete(id);
      else this.own.set(id, own);
      if (patched === undefined) this.patched.delete(id);
      else this.patched.set(id, patched);
      if (removed) this.removed.add(id);
      else this.removed.delete(id);
      this.version++;
    });
  }

  addSource(source: VirtualSource): void {
    this.sources.push(source);
    this.virtualCount += source.count;
    for (let i = 0; i < Math.min(3, source.count); i++) this.fields.add(source.make(i));
    this.version++;
  }

  private virtual(id: string): JsonObject | undefined {
    for (const source of this.sources) {
      const index = source.indexOf(id);
      if (index !== undefined && index < source.count && source.idAt(index) === id) return source.make(index);
    }
    return undefined;
  }

  private isVirtual(id: string): boolean {
    return this.sources.some((s) => {
      const i = s.indexOf(id);
      return i !== undefined && i < s.count && s.idAt(i) === id;
    });
  }

  get(id: string): JsonObject | undefined {
    if (this.removed.has(id)) return undefined;
    return this.own.get(id) ?? this.patched.get(id) ?? this.virtual(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Inserts or replaces a record (the object is stored as given; callers pass a fresh one). */
  put(record: JsonObject): void {
    const id = record["id"];
    if (typeof id !== "string") throw new Error(`record without id in ${this.key}`);
    this.remember(id);
    this.removed.delete(id);
    this.fields.add(record);
    if (this.isVirtual(id)) this.patched.set(id, record);
    else this.own.set(id, record);
    this.version++;
    this.emit({ op: "put", key: this.key, record });
  }

  delete(id: string): boolean {
    if (!this.has(id)) return false;
    this.remember(id);
    if (!this.own.delete(id)) {
      this.patched.delete(id);
      this.removed.add(id);
    }
    this.version++;
    this.emit({ op: "delete", key: this.key, id });
    return true;
  }

  /** Stored and written records plus removed virtual ids (see `restore`). */
  dump(): CollectionDump {
    return { records: this.ownRecords(), removed: [...this.removed] };
  }

  /** Replaces everything but the virtual sources with a dump (loading a durable snapshot). */
  restore(dump: CollectionDump): void {
    this.own.clear();
    this.patched.clear();
    this.removed.clear();
    for (const id of dump.removed) this.removed.add(id);
    for (const record of dump.records) {
      const id = record["id"];
      if (typeof id !== "string") throw new Error(`record without id in ${this.key}`);
      this.fields.add(record);
      if (this.isVirtual(id)) this.patched.set(id, record);
      else this.own.set(id, record);
    }
    this.version++;
  }

  get size(): number {
    let removedVirtual = 0;
    for (const id of this.removed) if (this.isVirtual(id)) removedVirtual++;
    return this.virtualCount - removedVirtual + this.own.size;
  }

  /**
   * Every record: virtual ones first (in index order), then stored ones in insertion order.
   * Membership is fixed when called: records written later are not seen.
   */
  scan(): Iterable<JsonObject> {
    const own = [...this.own.values()];
    const patched = new Map(this.patched);
    const removed = new Set(this.removed);
    const sources = [...this.sources];
    return (function* () {
      for (const source of sources) {
        for (let i = 0; i < source.count; i++) {
          const id = source.idAt(i);
          if (removed.size > 0 && removed.has(id)) continue;
          yield patched.get(id) ?? source.make(i);
        }
      }
      yield* own;
    })();
  }

  /**
   * Records `offset .. offset + limit` of `scan()` without generating the skipped virtual ones
   * (the fast path of unfiltered pages over big collections).
   */
  page(offset: number, limit: number): JsonObject[] {
    const out: JsonObject[] = [];
    if (limit <= 0) return out;
    if (this.removed.size > 0) {
      let i = 0;
      for (const r of this.scan()) {
        if (i++ < offset) continue;
        out.push(r);
        if (out.length >= limit) break;
      }
      return out;
    }
    let skip = offset;
    for (const source of this.sources) {
      if (skip >= source.count) {
        skip -= source.count;
        continue;
      }
      for (let i = skip; i < source.count && out.length < limit; i++) {
        out.push(this.patched.get(source.idAt(i)) ?? source.make(i));
      }
      skip = 0;
      if (out.length >= limit) return out;
    }
    for (const r of this.own.values()) {
      if (skip > 0) {
        skip--;
        continue;
      }
      out.push(r);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** A few records, cheap even for virtual collections (for path discovery). */
  *sample(perSource = 3): Generator<JsonObject> {
    for (const source of this.sources) {
      for (let i = 0; i < Math.min(perSource, source.count); i++) yield source.make(i);
    }
    yield* this.patched.values();
    yield* this.own.values();
  }

  /** Stored (non-virtual or written) records only: what an export must contain beyond the sources. */
  ownRecords(): JsonObject[] {
    return [...this.own.values(), ...this.patched.values()];
  }
}

export interface StoredFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** A map whose writes are undone when the store's transaction fails, and reported to `written`. */
class JournaledMap<K, V> extends Map<K, V> {
  constructor(
    private readonly journal: () => Journal,
    private readonly written: (key: K, value: V | undefined) => void = () => undefined,
  ) {
    super();
  }
  private remember(key: K): void {
    const journal = this.journal();
    if (!journal) return;
    const had = super.has(key);
    const value = super.get(key);
    journal.steps.push(() => {
      if (had) super.set(key, value as V);
      else super.delete(key);
    });
  }
  override set(key: K, value: V): this {
    this.remember(key);
    super.set(key, value);
    this.written(key, value);
    return this;
  }
  override delete(key: K): boolean {
    this.remember(key);
    const removed = super.delete(key);
    if (removed) this.written(key, undefined);
    return removed;
  }
}

export class Store {
  private readonly collections = new Map<string, Collection>();
  private journal: Journal;
  private readonly current = (): Journal => this.journal;
  private listener: ChangeListener | undefined;
  /** Changes of the running transaction, reported when it succeeds. */
  private held: StoreChange[] | undefined;
  private readonly emit: ChangeListener = (change) => {
    if (!this.listener) return;
    if (this.held) this.held.push(change);
    else this.listener(change);
  };
  /** Files by owner: a record id (document, attachment...) or `<id>/icon`, `<id>/image`. */
  readonly files: Map<string, StoredFile> = new JournaledMap<string, StoredFile>(
    this.current,
    (owner, file) => this.emit({ op: "file", owner, file: file ?? null }),
  );
  private readonly sequences: Map<string, number> = new JournaledMap<string, number>(
    this.current,
    (name, value) => value !== undefined && this.emit({ op: "sequence", name, value }),
  );

  constructor(readonly rng: Prng) {}

  /** Reports every later write (the durable journal); `undefined` stops reporting. */
  onChange(listener: ChangeListener | undefined): void {
    this.listener = listener;
  }

  /** Child sequence counters by `<store>|<parent id>` (a durable snapshot's part). */
  sequenceEntries(): Array<[string, number]> {
    return [...this.sequences];
  }

  /** Sets a sequence counter by its `sequenceEntries` name (loading a durable snapshot). */
  setSequence(name: string, value: number): void {
    this.sequences.set(name, value);
  }

  /** Makes `entries` the only sequence counters (loading a fixtures document's `ids.sequences`). */
  replaceSequences(entries: Iterable<readonly [string, number]>): void {
    for (const name of [...this.sequences.keys()]) this.sequences.delete(name);
    for (const [name, value] of entries) this.sequences.set(name, value);
  }

  /**
   * Runs `write` (synchronous: check and write in one step) as one change: if it throws, every
   * record, file and sequence it wrote is restored and the error propagates. Nested calls join
   * the outer one.
   */
  transaction<T>(write: () => T): T {
    if (this.journal) return write();
    const journal = { steps: [] as Array<() => void> };
    this.journal = journal;
    const held: StoreChange[] = [];
    this.held = held;
    try {
      const result = write();
      this.held = undefined;
      for (const change of held) this.emit(change);
      return result;
    } catch (error) {
      this.journal = undefined;
      this.held = undefined;
      for (const step of journal.steps.reverse()) step();
      throw error;
    } finally {
      this.journal = undefined;
      this.held = undefined;
    }
  }

  /** Registers an undo step for state outside the store written in the running transaction. */
  onRollback(undo: () => void): void {
    this.journal?.steps.push(undo);
  }

  collection(key: string): Collection {
    let c = this.collections.get(key);
    if (!c) {
      c = new Collection(key, this.current, this.emit);
      this.collections.set(key, c);
    }
    return c;
  }

  keys(): string[] {
    return [...this.collections.keys()].sort();
  }

  /** Next child sequence number under a parent id within a collection (starts at 1). */
  nextSequence(key: string, parentId: string): number {
    const k = `${key}|${parentId}`;
    const n = (this.sequences.get(k) ?? 0) + 1;
    this.sequences.set(k, n);
    return n;
  }

  /** Tells the sequence counter that `seq` is taken (seeded and fixture records). */
  noteSequence(key: string, parentId: string, seq: number): void {
    const k = `${key}|${parentId}`;
    if ((this.sequences.get(k) ?? 0) < seq) this.sequences.set(k, seq);
  }
}
