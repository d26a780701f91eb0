/**
 * The gzipped size `deno task bundle-check` holds a Worker bundle to, shared
 * by the check (tests/bundle/bundle_size_test.ts) and the report that
 * describes it, so the two cannot drift apart.
 *
 * @module
 */

/** The size fields of a bundle case (see bundle.ts). */
export interface Limits {
  /** The target in gzipped bytes, when the bundle has one. */
  budget?: number;
  /** While the target is missed, the most gzipped bytes CI allows. */
  ceiling?: number;
}

/**
 * The most gzipped bytes CI allows: the ceiling when one is set (a target is
 * missed), else the budget; undefined when the bundle is not checked.
 *
 * @example
 * ```ts
 * import { ciLimit } from "./limit.ts";
 * ciLimit({ budget: 4096, ceiling: 5640 }); // 5640
 * ciLimit({ budget: 12288 }); // 12288
 * ```
 */
export function ciLimit(b: Limits): number | undefined {
  return b.ceiling ?? b.budget;
}
