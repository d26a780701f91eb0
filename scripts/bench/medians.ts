/**
 * Reduces the per-run results of child processes (child.ts) to the medians
 * the report shows.
 *
 * @module
 */

import type { Name } from "./contenders.ts";

/** Each contender's child results, one JSON object per run. */
export type Runs = Record<Name, Record<string, number>[]>;

const NAMES: Name[] = ["raw", "ours", "official"];

/**
 * The median of `values` (mean of the middle two for an even count).
 *
 * @example
 * ```ts
 * import { median } from "./medians.ts";
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Each contender's median of one field of its runs.
 *
 * @example
 * ```ts
 * import { pick } from "./medians.ts";
 * pick({ raw: [{ ms: 1 }], ours: [{ ms: 2 }], official: [{ ms: 3 }] }, "ms");
 * ```
 */
export function pick(runs: Runs, field: string): Record<Name, number> {
  const out = {} as Record<Name, number>;
  for (const name of NAMES) out[name] = median(runs[name].map((r) => r[field]));
  return out;
}

/**
 * Each contender's median memory cost of sending the upload: peak RSS minus
 * the RSS once the `File` is built (`rssBlobKiB`), so neither the file nor
 * the cost of building it counts, only what sending it adds.
 *
 * @example
 * ```ts
 * import { uploadExtra } from "./medians.ts";
 * const run = { rssBlobKiB: 300_000, hwmKiB: 304_000 };
 * uploadExtra({ raw: [run], ours: [run], official: [run] }).ours; // 4000
 * ```
 */
export function uploadExtra(runs: Runs): Record<Name, number> {
  const out = {} as Record<Name, number>;
  for (const name of NAMES) {
    out[name] = median(runs[name].map((r) => r.hwmKiB - r.rssBlobKiB));
  }
  return out;
}
