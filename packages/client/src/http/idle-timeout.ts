/**
 * The idle timeout of an open stream: each read of the next chunk must settle within the
 * stream's idle budget, or the read fails with the error `onIdle` makes (and the caller cancels
 * the source, which releases the connection). Transport-neutral: it wraps any read function.
 */

/** Longest delay `setTimeout` accepts. */
const MAX_TIMER = 2_147_483_647;

/** `read()`, or a rejection with `onIdle()` when it has not settled after `ms` milliseconds. */
export function readWithin<T>(read: () => Promise<T>, ms: number, onIdle: () => unknown): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return read();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onIdle()), Math.min(ms, MAX_TIMER));
    read().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
