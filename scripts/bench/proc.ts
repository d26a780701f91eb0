/**
 * Reads this process's memory figures from `/proc/self/status` (Linux).
 *
 * @module
 */

/**
 * Returns a `/proc/self/status` field in KiB, e.g. `VmHWM` (peak RSS).
 *
 * @example
 * ```ts
 * import { readStatus } from "./proc.ts";
 * console.log(readStatus("VmHWM"));
 * ```
 */
export function readStatus(field: string): number {
  const text = Deno.readTextFileSync("/proc/self/status");
  const match = text.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  if (!match) throw new Error(`No ${field} in /proc/self/status`);
  return Number(match[1]);
}
