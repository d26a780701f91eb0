/**
 * The mock's queue of injected faults, and the abortable wait they use.
 *
 * @module
 */

import type { Fault } from "./mock.ts";

const COUNTS = ["stallAfter", "cutAfter", "malformedAt", "errorEventAt"];

function checkCount(name: string, value: unknown): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || (value as number) < 0) {
    throw new RangeError(
      `Invalid fault ${name}: ${value} (expected an integer >= 0)`,
    );
  }
}

/**
 * A FIFO of faults; each matching request takes the first fault that
 * matches it, and a fault leaves the queue once used `times` times.
 *
 * @example
 * ```ts
 * import { FaultQueue } from "./faults.ts";
 * const queue = new FaultQueue();
 * queue.add({ match: { path: "/models" }, status: 500 });
 * queue.take("GET", "/models", "/models")?.status; // 500
 * queue.take("GET", "/models", "/models"); // undefined
 * ```
 */
export class FaultQueue {
  #queue: { fault: Fault; left: number }[] = [];

  /** The faults still queued (a fault with `times: 3` counts once). */
  get size(): number {
    return this.#queue.length;
  }

  /** Validates and queues `fault`. */
  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times >= 1) || (!Number.isInteger(times) && times !== Infinity)) {
      throw new RangeError(`Invalid fault times: ${fault.times}`);
    }
    for (const name of COUNTS) {
      checkCount(name, fault[name as keyof Fault]);
    }
    checkCount("delayMs", fault.delayMs);
    checkCount("oversizedAt.index", fault.oversizedAt?.index);
    checkCount("oversizedAt.bytes", fault.oversizedAt?.bytes);
    if (
      fault.status !== undefined &&
      !(Number.isInteger(fault.status) && fault.status >= 200 &&
        fault.status <= 599)
    ) {
      throw new RangeError(`Invalid fault status: ${fault.status}`);
    }
    this.#queue.push({ fault, left: times });
  }

  /**
   * Takes the first fault matching `method` and `path` (or the route
   * template `template`, so "/models/{model}" also matches).
   */
  take(method: string, path: string, template?: string): Fault | undefined {
    if (!this.#queue.length) return undefined;
    // The path as sent (`/models/ft%3A…`) and decoded (`/models/ft:…`).
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape: only the path as sent can match.
    }
    const at = this.#queue.findIndex(({ fault: { match } }) => {
      if (!match) return true;
      if (match.method && match.method.toUpperCase() !== method) return false;
      const want = match.path;
      if (want === undefined) return true;
      if (want instanceof RegExp) {
        // A global or sticky RegExp would resume from its last match.
        want.lastIndex = 0;
        if (want.test(path)) return true;
        want.lastIndex = 0;
        return want.test(decoded);
      }
      return want === path || want === decoded || want === template;
    });
    if (at < 0) return undefined;
    const entry = this.#queue[at];
    if (--entry.left <= 0) this.#queue.splice(at, 1);
    return entry.fault;
  }

  /** Drops every queued fault. */
  clear(): void {
    this.#queue.length = 0;
  }
}

/**
 * Waits `ms` milliseconds; resolves false early (and clears its timer) if
 * `signal` aborts.
 *
 * @example
 * ```ts
 * import { wait } from "./faults.ts";
 * await wait(5, AbortSignal.abort()); // false, at once
 * ```
 */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
