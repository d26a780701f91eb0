/**
 * The one module that touches runtime globals (`Deno`, `process`, `document`).
 * Everything else in `src/` is written against Web standards alone.
 *
 * @module
 */

/** Just the part of the `Deno` namespace this module uses. */
interface DenoLike {
  env: { get(name: string): string | undefined };
  refTimer?(id: ReturnType<typeof setTimeout> | undefined): void;
  unrefTimer?(id: ReturnType<typeof setTimeout> | undefined): void;
  permissions?: {
    querySync?(desc: { name: "env"; variable: string }): { state: string };
  };
}

interface Globals {
  Deno?: DenoLike;
  process?: { env?: Record<string, string | undefined> };
  document?: unknown;
  window?: unknown;
  importScripts?: unknown;
  FinalizationRegistry?: typeof FinalizationRegistry;
  WeakRef?: typeof WeakRef;
}

/**
 * Reads an environment variable where the runtime exposes one. Never throws
 * and never prompts: a missing `Deno`/`process` (Workers, browsers) or a denied
 * permission both read as `undefined`.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as Globals;
  const deno = g.Deno;
  try {
    // `process` is read only without Deno: touching it in Deno 2 loads the
    // Node compatibility layer, ~10 ms of start-up.
    const value = deno
      ? (deno.permissions?.querySync?.({ name: "env", variable: name })
          .state ?? "granted") === "granted"
        ? deno.env.get(name)
        : undefined
      : g.process?.env?.[name];
    return value?.trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * True in a web page or web worker, where an API key would be exposed to
 * users. Cloudflare Workers have no `importScripts`; browser workers do.
 */
export function isBrowser(): boolean {
  const g = globalThis as Globals;
  return !g.Deno && !g.process &&
    (g.document !== undefined || g.window !== undefined ||
      typeof g.importScripts === "function");
}

/**
 * True where `fetch` sends a `Blob` part by part, copying each part into a
 * fresh buffer that the garbage collector frees late (Deno): a file made of
 * many parts then costs up to its own size again while it uploads, which
 * uploads.ts avoids by handing it over in small slices. Node and Bun gain
 * nothing from slices, and Bun sends them slower.
 *
 * @example
 * ```ts
 * import { readsBlobPartsWhole } from "./env.ts";
 * console.log(readsBlobPartsWhole()); // true under Deno
 * ```
 */
export function readsBlobPartsWhole(): boolean {
  return (globalThis as Globals).Deno !== undefined;
}

/**
 * True where one timer should watch the deadlines of every call in flight
 * (Deno): there a timer lives as long as the process, and a timer per call is
 * costly. Elsewhere each call keeps its own timer, which Cloudflare Workers
 * require: a timer belongs to the request that set it and is dropped when
 * that request ends, so a timer shared by requests would die with the first.
 *
 * @example
 * ```ts
 * import { sharesTimers } from "./env.ts";
 * console.log(sharesTimers()); // true under Deno
 * ```
 */
export function sharesTimers(): boolean {
  return (globalThis as Globals).Deno !== undefined;
}

/**
 * Sets whether a pending timer keeps the process alive (`ref` true is the
 * default for a new timer): through `Deno.refTimer` in Deno, the timer's own
 * `ref()`/`unref()` in Node and Bun; does nothing where timers have no such
 * switch (Workers, browsers).
 *
 * @example
 * ```ts
 * import { refTimer } from "./env.ts";
 * refTimer(setTimeout(() => {}, 60_000), false); // the process may exit first
 * ```
 */
export function refTimer(
  id: ReturnType<typeof setTimeout> | undefined,
  ref: boolean,
): void {
  const deno = (globalThis as Globals).Deno;
  if (deno) deno[ref ? "refTimer" : "unrefTimer"]?.(id);
  else (id as { ref?(): void; unref?(): void })?.[ref ? "ref" : "unref"]?.();
}

/**
 * Runs `fn` once `target` is collected, where the runtime has a
 * `FinalizationRegistry`; where it has none (Cloudflare Workers, unless the
 * `enable_weak_ref` compatibility flag is set) nothing runs, so `fn` must
 * only free what a collected `target` would leave held. `fn` must not
 * reference `target`, or it is never collected. An error it throws is
 * dropped: it runs outside any call, where nothing could catch it.
 *
 * @example
 * ```ts
 * import { whenCollected } from "./env.ts";
 * whenCollected({}, () => console.log("collected"));
 * ```
 */
export function whenCollected(target: object, fn: () => void): void {
  const Registry = (globalThis as Globals).FinalizationRegistry;
  if (Registry) (registry ??= new Registry(run)).register(target, fn);
}

// The timers' slots on the global, unread (see runtimeTimer).
const timerSlots = ["setTimeout", "clearTimeout"].map((name) =>
  Object.getOwnPropertyDescriptor(globalThis, name)
);

/**
 * The runtime's own `setTimeout` (0) or `clearTimeout` (1), as the global was
 * when this module loaded, read only now: reading it on import would load
 * Deno's timers (~4 ms of start-up), and a test may have stubbed it since
 * (the getter saved on import still gives the runtime's own). Undefined
 * where the global has no slot of its own.
 *
 * @example
 * ```ts
 * import { runtimeTimer } from "./env.ts";
 * const set = runtimeTimer(0) as typeof setTimeout;
 * set(() => console.log("later"), 10);
 * ```
 */
// deno-lint-ignore no-explicit-any
export function runtimeTimer(which: 0 | 1): any {
  const slot = timerSlots[which];
  return slot?.get ? slot.get.call(globalThis) : slot?.value;
}

/**
 * A weak reference to `target`, or, where the runtime has no `WeakRef`
 * (Cloudflare Workers, unless `enable_weak_ref` is set), a strong one.
 *
 * @example
 * ```ts
 * import { weak } from "./env.ts";
 * const ref = weak({ id: 1 });
 * console.log(ref.deref()?.id); // 1, while something else keeps it
 * ```
 */
export function weak<T extends object>(target: T): { deref(): T | undefined } {
  const Ref = (globalThis as Globals).WeakRef;
  return Ref ? new Ref(target) : { deref: () => target };
}

let registry: FinalizationRegistry<() => void> | undefined;

function run(fn: () => void): void {
  try {
    fn();
  } catch { /* see whenCollected */ }
}
