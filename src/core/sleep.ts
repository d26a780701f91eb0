/**
 * An abortable delay.
 *
 * @module
 */

import { follow } from "./follow.ts";

/**
 * Resolves after `ms` milliseconds, or rejects with the signal's reason as
 * soon as `signal` aborts; the timer never outlives the abort.
 */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    // One listener on the signal however many calls wait on it (follow.ts).
    const unfollow = signal && follow(signal, () => {
      unfollow!();
      clearTimeout(timer);
      reject(signal.reason);
    });
    const timer = setTimeout(() => {
      unfollow?.();
      resolve();
    }, ms);
  });
}
