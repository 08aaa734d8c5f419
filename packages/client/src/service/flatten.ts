/**
 * `Flattened`: an async iterator over items that arrive in batches (the records of one chunk of a
 * stream). Items of the current batch are handed out as already-settled promises, so a record
 * costs no async-generator step of its own; the next batch is pulled when this one is used up.
 * Calls are served in order, as an async generator would. Once the caller's signal is aborted no
 * further item is handed out, not even the rest of a batch already received.
 */

const EMPTY: readonly never[] = [];

export class Flattened<T> implements AsyncIterableIterator<T, undefined> {
  readonly #source: AsyncIterator<readonly T[], unknown>;
  readonly #onItem: (() => void) | undefined;
  readonly #signal: AbortSignal | undefined;
  #batch: readonly T[] = EMPTY;
  #index = 0;
  /** The last item handed out has not been acknowledged (`onItem`) yet. */
  #handed = false;
  #pulling: Promise<IteratorResult<T, undefined>> | undefined;

  /** `onItem` runs when the caller asks for the item after one it received (it is done with it). */
  constructor(source: AsyncIterator<readonly T[], unknown>, onItem?: () => void, signal?: AbortSignal) {
    this.#source = source;
    this.#onItem = onItem;
    this.#signal = signal;
  }

  /** This iterator itself (so it works in `for await`). */
  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next item: at once from the batch in hand, else once the next batch arrived. */
  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#pulling) return this.#pulling.then(this.#again, this.#again);
    if (this.#handed) {
      this.#handed = false;
      this.#onItem?.();
    }
    if (this.#index < this.#batch.length) {
      if (this.#signal?.aborted) {
        this.#release();
        return Promise.reject(this.#signal.reason);
      }
      const value = this.#batch[this.#index++] as T;
      this.#handed = true;
      return Promise.resolve({ value, done: false });
    }
    const pulling = this.#pull();
    this.#pulling = pulling;
    const clear = () => {
      if (this.#pulling === pulling) this.#pulling = undefined;
    };
    pulling.then(clear, clear);
    return pulling;
  }

  /** Stops early and releases the source (what `break` in `for await` calls). */
  async return(): Promise<IteratorResult<T, undefined>> {
    this.#release();
    this.#handed = false;
    await this.#source.return?.();
    return { value: undefined, done: true };
  }

  readonly #again = () => this.next();

  #release(): void {
    this.#batch = EMPTY;
    this.#index = 0;
  }

  async #pull(): Promise<IteratorResult<T, undefined>> {
    this.#release();
    for (;;) {
      const result = await this.#source.next();
      if (result.done) return { value: undefined, done: true };
      const batch = result.value;
      if (batch.length > 0) {
        this.#batch = batch;
        this.#index = 1;
        this.#handed = true;
        return { value: batch[0] as T, done: false };
      }
    }
  }
}
