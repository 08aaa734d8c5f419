/**
 * Durable state (`dataDir`): every write of the store is appended to a journal and fsynced before
 * the answer leaves; every `compactEvery` entries the state is written to a snapshot that replaces
 * the old one atomically (temporary file, fsync, rename, fsync of the directory), and a new journal
 * starts. Loading: the base state (seed, fixtures), then the snapshot, then its journal; a torn last
 * line (a crash in the middle of an append) is dropped, as its request was never answered.
 * Every journal change sets a value (a record, a deletion, a file, a counter), so replaying a
 * change twice is harmless.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import type { CollectionDump, Store, StoreChange, StoredFile } from "../domain/store.js";
import type { PendingTransition } from "../http/context.js";

const FORMAT = 1;
const SNAPSHOT = "snapshot.json";
const JOURNAL = /^journal-(\d+)\.jsonl$/;
const journalName = (generation: number) => `journal-${generation}.jsonl`;

/** What the stored state was built on: a data dir only loads onto the same base. */
export interface DurableBase {
  seed: string;
  scale: number;
  /** sha256 of the fixtures document, or null without fixtures. */
  fixtures: string | null;
}

interface FileRecord {
  filename: string;
  contentType: string;
  base64: string;
}

type JournalChange =
  | Exclude<StoreChange, { op: "file" }>
  | { op: "file"; owner: string; file: FileRecord | null };

interface JournalEntry {
  rng: number;
  changes: JournalChange[];
  pending?: PendingTransition[];
}

interface Snapshot {
  format: number;
  base: DurableBase;
  generation: number;
  rng: number;
  sequences: Record<string, number>;
  pending: PendingTransition[];
  collections: Record<string, CollectionDump>;
  files: Record<string, FileRecord>;
}

export function fixturesDigest(document: unknown): string {
  return createHash("sha256").update(JSON.stringify(document)).digest("hex");
}

const toRecord = (file: StoredFile): FileRecord => ({
  filename: file.filename,
  contentType: file.contentType,
  base64: Buffer.from(file.bytes).toString("base64"),
});

function toFile(record: FileRecord): StoredFile {
  const buffer = Buffer.from(record.base64, "base64");
  const bytes = new Uint8Array(new ArrayBuffer(buffer.byteLength));
  bytes.set(buffer);
  return { filename: record.filename, contentType: record.contentType, bytes };
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let done = 0; done < bytes.byteLength; ) done += writeSync(fd, bytes, done);
}

function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Not supported on every platform (Windows); the rename itself is atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Replaces `path` with `text` so a crash leaves either the old or the new file, whole. */
function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeAll(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function applyChange(store: Store, change: JournalChange): void {
  switch (change.op) {
    case "put":
      store.collection(change.key).put(change.record);
      return;
    case "delete":
      store.collection(change.key).delete(change.id);
      return;
    case "file":
      if (change.file) store.files.set(change.owner, toFile(change.file));
      else store.files.delete(change.owner);
      return;
    case "sequence":
      store.setSequence(change.name, change.value);
      return;
  }
}

function sameBase(a: DurableBase, b: DurableBase): boolean {
  return a.seed === b.seed && a.scale === b.scale && a.fixtures === b.fixtures;
}

const describeBase = (b: DurableBase) =>
  `seed '${b.seed}', scale ${b.scale}, ${b.fixtures === null ? "no fixtures" : `fixtures ${b.fixtures.slice(0, 12)}`}`;

export interface DataDirOptions {
  dir: string;
  base: DurableBase;
  /** Journal entries between snapshots. */
  compactEvery: number;
}

export class DataDir {
  private fd: number | undefined;
  private generation = 0;
  private entries = 0;
  private queue: JournalChange[] = [];
  private lastRng: number;
  private lastPending: string;

  private constructor(
    private readonly options: DataDirOptions,
    private store: Store,
    private readonly pending: Map<string, PendingTransition>,
  ) {
    this.lastRng = store.rng.position;
    this.lastPending = this.pendingText();
  }

  /**
   * Loads the state kept in `options.dir` onto `store` (built from the base) and journals its
   * later writes. A new or empty directory starts with a snapshot of the base state.
   */
  static open(options: DataDirOptions, store: Store, pending: Map<string, PendingTransition>): DataDir {
    mkdirSync(options.dir, { recursive: true });
    const snapshotPath = join(options.dir, SNAPSHOT);
    const exists = existsSync(snapshotPath);
    let generation = 0;
    if (exists) generation = DataDir.load(options, store, pending, snapshotPath);
    const dataDir = new DataDir(options, store, pending);
    dataDir.generation = generation;
    if (exists) dataDir.fd = openSync(join(options.dir, journalName(generation)), "a");
    else dataDir.compact();
    dataDir.removeStale();
    store.onChange((change) => dataDir.record(change));
    return dataDir;
  }

  private static load(
    options: DataDirOptions,
    store: Store,
    pending: Map<string, PendingTransition>,
    snapshotPath: string,
  ): number {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(readFileSync(snapshotPath, "utf8")) as Snapshot;
    } catch (error) {
      throw new Error(
        `${snapshotPath} cannot be read (${error instanceof Error ? error.message : String(error)}); ` +
          "it is only ever replaced whole, so something else changed it: restore it or use another --data-dir.",
      );
    }
    if (snapshot.format !== FORMAT) {
      throw new Error(
        `${snapshotPath} has format ${snapshot.format}; this mpt-sandbox reads format ${FORMAT}.`,
      );
    }
    if (!sameBase(snapshot.base, options.base)) {
      throw new Error(
        `${options.dir} holds the state of a sandbox started with ${describeBase(snapshot.base)}, ` +
          `not ${describeBase(options.base)}: start with the same options or use another data dir.`,
      );
    }
    for (const [key, dump] of Object.entries(snapshot.collections)) store.collection(key).restore(dump);
    for (const owner of [...store.files.keys()]) store.files.delete(owner);
    for (const [owner, file] of Object.entries(snapshot.files)) store.files.set(owner, toFile(file));
    for (const [name, value] of Object.entries(snapshot.sequences)) store.setSequence(name, value);
    store.rng.position = snapshot.rng;
    pending.clear();
    for (const p of snapshot.pending) pending.set(`${p.store}|${p.id}`, p);
    DataDir.replay(join(options.dir, journalName(snapshot.generation)), store, pending);
    return snapshot.generation;
  }

  /** Applies a journal's complete entries; truncates a torn last one. */
  private static replay(path: string, store: Store, pending: Map<string, PendingTransition>): void {
    if (!existsSync(path)) return;
    const bytes = readFileSync(path);
    let start = 0;
    let line = 0;
    while (start < bytes.byteLength) {
      const end = bytes.indexOf(10, start);
      const last = end === -1 || bytes.subarray(end + 1).every((b) => b === 0 || b === 10 || b === 32);
      let entry: JournalEntry | undefined;
      try {
        entry = JSON.parse(bytes.subarray(start, end === -1 ? bytes.byteLength : end).toString("utf8"));
      } catch {
        entry = undefined;
      }
      line++;
      if (entry === undefined || end === -1) {
        if (!last) {
          throw new Error(
            `${path} is damaged at line ${line}, before its end (not a crash during a write): ` +
              "move the file away to start from the snapshot, or use another data dir.",
          );
        }
        const fd = openSync(path, "r+");
        ftruncateSync(fd, start);
        fsyncSync(fd);
        closeSync(fd);
        return;
      }
      for (const change of entry.changes) applyChange(store, change);
      store.rng.position = entry.rng;
      if (entry.pending) {
        pending.clear();
        for (const p of entry.pending) pending.set(`${p.store}|${p.id}`, p);
      }
      start = end + 1;
    }
  }

  private pendingText(): string {
    return JSON.stringify([...this.pending.values()]);
  }

  private record(change: StoreChange): void {
    this.queue.push(
      change.op === "file" ? { ...change, file: change.file && toRecord(change.file) } : change,
    );
  }

  /** Writes the changes made since the last call and waits for the disk (call before answering). */
  flush(): void {
    const pendingText = this.pendingText();
    const rng = this.store.rng.position;
    if (this.queue.length === 0 && pendingText === this.lastPending && rng === this.lastRng) return;
    const entry: JournalEntry = { rng, changes: this.queue };
    if (pendingText !== this.lastPending) entry.pending = JSON.parse(pendingText) as PendingTransition[];
    this.queue = [];
    this.lastPending = pendingText;
    this.lastRng = rng;
    const fd = this.fd ?? openSync(join(this.options.dir, journalName(this.generation)), "a");
    this.fd = fd;
    writeAll(fd, `${JSON.stringify(entry)}\n`);
    fsyncSync(fd);
    if (++this.entries >= this.options.compactEvery) this.compact();
  }

  /** Writes the whole state as the new snapshot and starts an empty journal. */
  compact(): void {
    this.queue = [];
    const next = this.generation + 1;
    const journal = openSync(join(this.options.dir, journalName(next)), "a");
    fsyncSync(journal);
    const collections: Record<string, CollectionDump> = {};
    for (const key of this.store.keys()) collections[key] = this.store.collection(key).dump();
    const files: Record<string, FileRecord> = {};
    for (const [owner, file] of this.store.files) files[owner] = toRecord(file);
    const snapshot: Snapshot = {
      format: FORMAT,
      base: this.options.base,
      generation: next,
      rng: this.store.rng.position,
      sequences: Object.fromEntries(this.store.sequenceEntries()),
      pending: [...this.pending.values()],
      collections,
      files,
    };
    writeAtomically(join(this.options.dir, SNAPSHOT), JSON.stringify(snapshot));
    fsyncDirectory(this.options.dir);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = journal;
    this.generation = next;
    this.entries = 0;
    this.lastRng = snapshot.rng;
    this.lastPending = this.pendingText();
    this.removeStale();
  }

  /** Journals another store from now on (after `reset()`), starting from its snapshot. */
  rebind(store: Store): void {
    this.store.onChange(undefined);
    this.store = store;
    this.compact();
    store.onChange((change) => this.record(change));
  }

  close(): void {
    this.flush();
    this.store.onChange(undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private removeStale(): void {
    for (const name of readdirSync(this.options.dir)) {
      const m = JOURNAL.exec(name);
      if ((m && Number(m[1]) !== this.generation) || name === `${SNAPSHOT}.tmp`) {
        rmSync(join(this.options.dir, name), { force: true });
      }
    }
  }
}
