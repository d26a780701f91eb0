/**
 * Watching the deadlines of calls in flight: one timer for every transport in
 * Deno, where a timer per call is costly, and one timer per call elsewhere.
 *
 * @module
 */

import { refTimer, sharesTimers } from "./env.ts";

/** What {@link Deadlines} needs of a call. */
export interface Timed {
  /** When the clock runs out (`Date.now()` time); Infinity for none. */
  deadline: number;
  /** Set when the deadline passed and the call was expired. */
  timedOut: boolean;
  /** The call's own timer, where calls do not share one. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the call with a timeout error. */
  expire(): void;
}

// In Deno, one timer (every transport shares one Deadlines) watches the
// earliest deadline of the calls in flight: a timer per call costs more there than the rest of a
// call's bookkeeping. When the last call in flight ends the timer is left
// armed but unref'd, so it no longer keeps the process alive; a later call
// whose deadline is no earlier (the usual case: calls share one timeout) only
// refs it again instead of setting a timer. When it fires it expires what is
// due and re-arms for the next deadline, or stops when none is in flight.
// Elsewhere every call keeps its own timer (see sharesTimers): in Workers a
// timer dies with the request that set it, so a transport shared by requests
// would lose the one timer. Each call's add() follows a delete() of its
// previous one.
/**
 * Arms and clears the timeouts of calls: `add` when a call's clock starts,
 * `delete` when it stops.
 *
 * @example
 * ```ts ignore
 * const deadlines = new Deadlines();
 * deadlines.add(call, 600_000);
 * deadlines.delete(call);
 * ```
 */
export class Deadlines {
  #calls = new Set<Timed>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #at = Infinity;
  #own = !sharesTimers();

  /** Starts `call`'s clock: it expires after `ms` unless deleted first. */
  add(call: Timed, ms: number): void {
    call.timedOut = false;
    call.deadline = Infinity;
    if (!(ms < 2 ** 31)) return;
    const at = call.deadline = Date.now() + ms;
    // Under a test's fake clock (FakeTime and sinon replace `Date` along
    // with the timers) each call gets its own timer: the shared one, and the
    // ids it refs, belong to the clock it was armed on.
    if (this.#own || Date.now !== now) {
      call.timer = setTimeout(expire, ms, call);
      return;
    }
    this.#calls.add(call);
    if (at < this.#at) this.#arm(at, ms);
    else if (this.#calls.size === 1) refTimer(this.#timer, true);
  }

  /** Stops `call`'s clock. */
  delete(call: Timed): void {
    if (!this.#calls.delete(call)) clearTimeout(call.timer);
    else if (!this.#calls.size) refTimer(this.#timer, false);
  }

  #arm(at: number, ms: number): void {
    clearTimeout(this.#timer);
    this.#at = at;
    this.#timer = setTimeout(this.#tick, ms);
  }

  #tick = (): void => {
    const now = Date.now();
    let next = Infinity;
    for (const call of this.#calls) {
      if (call.deadline <= now) {
        this.#calls.delete(call);
        call.expire();
      } else if (call.deadline < next) next = call.deadline;
    }
    this.#at = Infinity;
    if (next < Infinity) this.#arm(next, next - now);
  };
}

// The runtime's clock, as this module found it.
const now = Date.now;

function expire(call: Timed): void {
  call.expire();
}
