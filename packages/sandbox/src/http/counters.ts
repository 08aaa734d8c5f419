/**
 * Request and creation counters, readable by tests (`sandbox.counters`, `GET /_sandbox/counters`).
 * A creation counted inside a write that fails is taken back with the write (`undoWith`).
 */

export interface CountersSnapshot {
  /** By `METHOD pattern`, e.g. `GET /public/v1/catalog/products/{id}`; unmatched paths by raw path. */
  requests: Record<string, number>;
  /** Objects created, by store key (`commerce/orders`). */
  created: Record<string, number>;
  /** Times each fault fired, by fault id. */
  faults: Record<string, number>;
  totalRequests: number;
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export class Counters {
  private readonly requestCounts = new Map<string, number>();
  private readonly createdCounts = new Map<string, number>();
  private readonly faultCounts = new Map<string, number>();
  private total = 0;

  /**
   * `undoWith(undo)` registers `undo` to run if the running write is rolled back (the sandbox
   * passes its store's `onRollback`); by default counts are never taken back.
   */
  constructor(private readonly undoWith: (undo: () => void) => void = () => undefined) {}

  request(key: string): void {
    this.total++;
    bump(this.requestCounts, key);
  }

  /** Counts an object created in `store`; undone when the write it belongs to fails. */
  created(store: string): void {
    bump(this.createdCounts, store);
    this.undoWith(() => {
      const n = (this.createdCounts.get(store) ?? 0) - 1;
      if (n > 0) this.createdCounts.set(store, n);
      else this.createdCounts.delete(store);
    });
  }

  fault(id: string): void {
    bump(this.faultCounts, id);
  }

  /** Requests seen for `METHOD pattern` (or all requests without an argument). */
  requests(key?: string): number {
    return key === undefined ? this.total : (this.requestCounts.get(key) ?? 0);
  }

  createdCount(store: string): number {
    return this.createdCounts.get(store) ?? 0;
  }

  snapshot(): CountersSnapshot {
    return {
      requests: Object.fromEntries(this.requestCounts),
      created: Object.fromEntries(this.createdCounts),
      faults: Object.fromEntries(this.faultCounts),
      totalRequests: this.total,
    };
  }

  reset(): void {
    this.requestCounts.clear();
    this.createdCounts.clear();
    this.faultCounts.clear();
    this.total = 0;
  }
}
