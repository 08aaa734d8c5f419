/**
 * A mock clock for the transport's retry wait, so tests step through `Retry-After` and backoff
 * instead of sleeping for real or timing themselves. Pass `logger` to the transport: when it
 * announces `retrying in N ms` (just before it sleeps), node:test's mock timers take over
 * `setTimeout`, so the sleep is a mock timer that only `tick()` advances. `release()` gives the
 * real timers back (call it right after the last tick, before the next attempt starts).
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
