/**
 * The abort signal of one attempt: it fires when the attempt's time budget runs out or when the
 * caller's signal aborts, and remembers which of the two happened.
 */

/** Longest delay `setTimeout` accepts. */
const MAX_TIMER = 2_147_483_647;

export class AttemptSignal {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);

  /** `timeoutMs` <= 0 or not finite means no time budget. */
  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    if (caller?.aborted) {
      this.#controller.abort(caller.reason);
      return;
    }
    caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(
        () => {
          this.#timedOut = true;
          this.#controller.abort(new DOMException("The attempt's time budget ran out", "TimeoutError"));
        },
        Math.min(timeoutMs, MAX_TIMER),
      );
    }
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True when the time budget ran out (and the caller had not aborted first). */
  get timedOut(): boolean {
    return this.#timedOut && !this.callerAborted;
  }

  get callerAborted(): boolean {
    return this.#caller?.aborted === true;
  }

  /** Stops the time budget, e.g. once a stream's headers arrived. */
  stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stops the timer and forgets the caller's signal. */
  dispose(): void {
    this.stopTimer();
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}
