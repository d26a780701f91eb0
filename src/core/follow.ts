/**
 * Following a caller's `AbortSignal` with one listener per signal, however
 * many requests share it.
 *
 * A server often hands one long-lived signal (its shutdown signal, say) to
 * every call. `AbortSignal.any` would tie a dependent signal to it per call,
 * which Node 20 keeps for the source signal's whole life (~50 B a call, more
 * until a collection runs), and a listener per call makes Node warn
 * (`MaxListenersExceededWarning`) from eleven concurrent calls on. Here the
 * signal gets one listener, which runs every follower registered with it.
 *
 * @module
 */

const hubs = new WeakMap<AbortSignal, Set<() => void>>();

/**
 * Calls `fn` when `signal` aborts, until the function returned is called
 * (calling it again does nothing). A signal already aborted never calls
 * `fn`: check `signal.aborted` first. The signal keeps its one listener, and
 * an empty set, for as long as it lives.
 *
 * @example
 * ```ts ignore
 * const unfollow = follow(signal, () => controller.abort(signal.reason));
 * // ... once the request is over:
 * unfollow();
 * ```
 */
export function follow(signal: AbortSignal, fn: () => void): () => void {
  const fns = hubs.get(signal) ?? hub(signal);
  // The function returned lets go of `fn` once called: a finalization
  // registry may hold it until a body (Call.pause) or a stream's reader
  // (Stream#read) is collected, and `fn` may reach that body (an abort
  // reason's stack names the stream reading it), which then never would be.
  let follower: (() => void) | undefined = fn;
  fns.add(fn);
  return () => {
    fns.delete(follower!);
    follower = undefined;
  };
}

// Apart from follow(), so that the listener's closure holds the set alone,
// not the first follower and all it holds.
function hub(signal: AbortSignal): Set<() => void> {
  const fns = new Set<() => void>();
  hubs.set(signal, fns);
  signal.addEventListener("abort", () => fns.forEach((fn) => fn()));
  return fns;
}

const handoffs = new WeakMap<object, () => void>();

/**
 * Leaves `release` with `owner` (a stream's controller) for {@link takeOver}:
 * the call that made a stream follows the caller's signal until the stream,
 * once read, follows it itself.
 *
 * @example
 * ```ts ignore
 * handOff(controller, unlink); // ... later, as the stream is first read:
 * takeOver(controller); // runs unlink
 * ```
 */
export function handOff(owner: object, release: () => void): void {
  handoffs.set(owner, release);
}

/** Runs (once) what {@link handOff} left with `owner`, if anything. */
export function takeOver(owner: object): void {
  handoffs.get(owner)?.();
  handoffs.delete(owner);
}
