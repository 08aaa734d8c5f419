/**
 * A mock clock for the transport's retry wait, so tests step through `Retry-After` and backoff
 * instead of sleeping for real or timing themselves. Pass `logger` to the transport: when it
 * announces `retrying in N ms` (just before it sleeps), node:test's mock timers take over
 * `setTimeout`, so the sleep is a mock timer that only `tick()` advances. `release()` gives the
 * real timers back (call it right after the last tick, before the next attempt starts).
 * `instantRetries()` is the same clock turning itself: every announced wait passes at once on
 * mock time, for tests that go through several retries and only check what was waited.
 */
import { mock } from "node:test";
import type { Logger } from "../../src/http/types.js";

export interface RetryClock {
  readonly logger: Logger;
  /** Resolves with the announced wait (ms) once the transport is about to sleep. */
  readonly waiting: Promise<number>;
  /** Advances the mocked time by `ms`. */
  tick(ms: number): void;
  /** Back to real timers. */
  release(): void;
}

export function retryClock(): RetryClock {
  let announce: (ms: number) => void = () => undefined;
  const waiting = new Promise<number>((resolve) => {
    announce = resolve;
  });
  let engaged = false;
  return {
    logger: {
      debug(message, fields) {
        if (engaged || !/retrying in/.test(message)) return;
        engaged = true;
        mock.timers.enable({ apis: ["setTimeout"] });
        announce(Number(fields?.["delayMs"]));
      },
    },
    waiting,
    tick: (ms) => mock.timers.tick(ms),
    release: () => mock.timers.reset(),
  };
}

export interface InstantRetries {
  readonly logger: Logger;
  /** Every wait announced so far (ms), in order. */
  readonly waits: number[];
}

/**
 * A logger under which every retry wait passes at once: when the transport announces
 * `retrying in N ms`, mock timers take over `setTimeout` and, once the transport has started its
 * sleep (the next microtask), N ms of mock time pass and the real timers come back.
 */
export function instantRetries(): InstantRetries {
  const waits: number[] = [];
  return {
    waits,
    logger: {
      debug(message, fields) {
        if (!/retrying in/.test(message)) return;
        const ms = Number(fields?.["delayMs"]);
        waits.push(ms);
        mock.timers.enable({ apis: ["setTimeout"] });
        queueMicrotask(() => {
          mock.timers.tick(ms);
          mock.timers.reset();
        });
      },
    },
  };
}
