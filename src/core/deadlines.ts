/**
 * Watching the deadlines of calls in flight: one timer for every transport in
 * Deno, where a timer per call is costly, and one timer per call elsewhere.
 *
 * @module
 */

import { refTimer, runtimeTimer, sharesTimers } from "./env.ts";

/** What {@link Deadlines} needs of a call. */
export interface Timed {
  /** When the clock runs out (`Date.now()` time); Infinity for none. */
  deadline: number;
  /** Set when the deadline passed and the call was expired. */
  timedOut: boolean;
  /** The call's own timer, where calls do not share one. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** What clears that timer: the `clearTimeout` of the clock that set it. */
  clear: typeof clearTimeout | undefined;
  /** Ends the call with a timeout error. */
  expire(): void;
}

// In Deno, one timer (every transport shares one Deadlines) watches the
// earliest deadline of the calls in flight: a timer per call costs more
// there than the rest of a call's bookkeeping. When the last call in flight
// ends the timer is left armed but unref'd, so it no longer keeps the
// process alive; a later call whose deadline is no earlier (the usual case:
// calls share one timeout) only refs it again instead of setting a timer.
// When it fires it expires what is due and re-arms for the next deadline, or
// stops when none is in flight. Elsewhere every call keeps its own timer
// (see sharesTimers): in Workers a timer dies with the request that set it,
// so a transport shared by requests would lose the one timer. Each call's
// add() follows a delete() of its previous one.
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
    // with the timers) each call gets its own timer on that clock, cleared
    // on it even once the real one is back: the shared timer stays on the
    // real clock, whose ids mean nothing to the fake one, and the reverse.
    if (this.#own || Date.now !== realTime.now) {
      call.timer = setTimeout(expire, ms, call);
      call.clear = clearTimeout;
      return;
    }
    this.#calls.add(call);
    if (at < this.#at) this.#arm(at, ms);
    else if (this.#calls.size === 1) refTimer(this.#timer, true);
  }

  /** Stops `call`'s clock. */
  delete(call: Timed): void {
    if (this.#calls.delete(call)) {
      if (!this.#calls.size) refTimer(this.#timer, false);
    } else {
      // Called on its own (see #arm). A fake clock that is gone may refuse
      // (FakeTime throws); its timers are gone with it.
      const clear = call.clear;
      try {
        clear?.(call.timer);
      } catch { /* nothing left to clear */ }
    }
  }

  #arm(at: number, ms: number): void {
    // Called on their own, not as methods: browsers, workerd and Deno
    // before 2.8 refuse a timer function called on another object.
    const set = realTime.set ??= runtimeTimer(0) ?? setTimeout;
    const clear = realTime.clear ??= runtimeTimer(1) ?? clearTimeout;
    clear(this.#timer);
    this.#at = at;
    this.#timer = set(this.#tick, ms);
  }

  #tick = (): void => {
    const now = realTime.now();
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

/**
 * The runtime's clock, as this module found it, and timers, from the global's
 * slots as env.ts found them on import (read at the first call on the shared
 * timer), which the shared timer keeps to while a test's fake clock or stub
 * replaces the globals. Tests that count timers watch `set` here.
 */
export const realTime: {
  now: () => number;
  set?: typeof setTimeout;
  clear?: typeof clearTimeout;
} = { now: Date.now };

function expire(call: Timed): void {
  call.expire();
}
