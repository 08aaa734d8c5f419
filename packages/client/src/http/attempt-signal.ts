/**
 * The cancellation of one attempt: it fires when the attempt's time budget runs out or when the
 * caller's signal aborts, and remembers which of the two happened. One timer per attempt; an
 * `AbortController` is made only when a transport asks for `signal` (fetch needs one, the Node
 * transport cancels through `onCancel` and never does).
 */

/** Longest delay `setTimeout` accepts. */
const MAX_TIMER = 2_147_483_647;

export class AttemptSignal {
  #controller: AbortController | undefined;
  readonly #caller: AbortSignal | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  /** Why the attempt was cancelled; undefined while it runs. */
  #reason: unknown;
  #cancelled = false;
  #onCancel: ((reason: unknown) => void) | undefined;
  readonly #onCallerAbort = () => this.#cancel(this.#caller?.reason);

  /** `timeoutMs` <= 0 or not finite means no time budget. */
  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    if (caller?.aborted) {
      this.#cancel(caller.reason);
      return;
    }
    caller?.addEventListener("abort", this.#onCallerAbort, { once: true });
    if (timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      this.#timer = setTimeout(
        () => {
          this.#timedOut = true;
          this.#cancel(new DOMException("The attempt's time budget ran out", "TimeoutError"));
        },
        Math.min(timeoutMs, MAX_TIMER),
      );
    }
  }

  #cancel(reason: unknown): void {
    if (this.#cancelled) return;
    this.#cancelled = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const hook = this.#onCancel;
    this.#onCancel = undefined;
    hook?.(reason);
  }

  /** An `AbortSignal` that aborts with the attempt (made on first use). */
  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#cancelled) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** True once the attempt was cancelled (time budget or caller). */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** The reason the attempt was cancelled with. */
  get reason(): unknown {
    return this.#reason;
  }

  /**
   * Runs `hook` when the attempt is cancelled (at once when it already is). One hook at a time:
   * a later call replaces the earlier one.
   */
  onCancel(hook: ((reason: unknown) => void) | undefined): void {
    if (this.#cancelled) {
      hook?.(this.#reason);
      return;
    }
    this.#onCancel = hook;
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

  /** Stops the timer and forgets the caller's signal and the cancel hook. */
  dispose(): void {
    this.stopTimer();
    this.#onCancel = undefined;
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }
}
