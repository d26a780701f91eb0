/**
 * Turns the output of one or more `deno test` runs into the single line CI
 * reports: `N passed, N failed` (plus `, N skipped` when tests were ignored).
 *
 * Counting rules:
 * - Only top-level tests count. Deno reports steps separately, as
 *   `12 passed (3 steps)`; a failing step already fails its parent test, so
 *   counting steps too would report the same failure twice.
 * - `ignored` becomes `skipped`; `filtered out` tests did not run and are not
 *   counted.
 * - Every summary line in the input is summed, so the log of several
 *   `deno test` invocations (unit tests, runtime matrix) gives one total.
 *
 * Usage: `deno task ok 2>&1 | deno run scripts/ci_summary.ts [--gate-failed]`.
 * With `--gate-failed` (the caller's gate exited non-zero) a run that shows no
 * failed test reports one failure, so the line never reads as green when CI
 * is red; with no summary at all it prints `0 passed, 1 failed`. Exits 1 when
 * the input holds no test summary.
 *
 * @module
 */

/** Test counts gathered from Deno's test summaries. */
export interface TestCounts {
  /** Top-level tests that passed. */
  passed: number;
  /** Top-level tests that failed. */
  failed: number;
  /** Top-level tests marked `ignore`. */
  skipped: number;
}

// Deno colours its output even when piped, so colour codes are removed first.
// deno-lint-ignore no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

// `ok | 12 passed (3 steps) | 0 failed (1s)`, optionally with
// `| 1 ignored (1 step)`, `| 2 measured`, `| 4 filtered out` before the time.
const SUMMARY =
  /^(?:ok|FAILED) \| (\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed(?: \(\d+ steps?\))?(?: \| (\d+) ignored(?: \(\d+ steps?\))?)?(?: \| \d+ measured)?(?: \| \d+ filtered out)? \([^)]*\)$/;

/**
 * Sums every Deno test summary line found in `output`.
 *
 * @example Two runs, one with steps and an ignored test
 * ```ts
 * import { summarize } from "./ci_summary.ts";
 *
 * const counts = summarize(
 *   "ok | 12 passed (3 steps) | 0 failed (1s)\n" +
 *     "FAILED | 1 passed | 2 failed | 1 ignored (5ms)\n",
 * );
 * // counts is { passed: 13, failed: 2, skipped: 1 }
 * ```
 *
 * @param output The combined stdout and stderr of `deno test` runs.
 * @returns The summed counts, or `undefined` when no summary line was found.
 */
export function summarize(output: string): TestCounts | undefined {
  let counts: TestCounts | undefined;
  for (const raw of output.split(/\r?\n/)) {
    const match = SUMMARY.exec(raw.replace(ANSI, "").trim());
    if (!match) continue;
    counts ??= { passed: 0, failed: 0, skipped: 0 };
    counts.passed += Number(match[1]);
    counts.failed += Number(match[2]);
    counts.skipped += Number(match[3] ?? 0);
  }
  return counts;
}

/**
 * Formats counts as the CI line; `skipped` appears only when non-zero.
 *
 * @example
 * ```ts
 * import { formatCounts } from "./ci_summary.ts";
 *
 * formatCounts({ passed: 3, failed: 0, skipped: 1 }); // "3 passed, 0 failed, 1 skipped"
 * ```
 *
 * @param counts The counts to report.
 * @returns One line without a line break.
 */
export function formatCounts(counts: TestCounts): string {
  const line = `${counts.passed} passed, ${counts.failed} failed`;
  return counts.skipped > 0 ? `${line}, ${counts.skipped} skipped` : line;
}

/**
 * Builds the CI line from test output and whether the whole gate failed.
 *
 * @example A gate that failed before any test ran
 * ```ts
 * import { ciLine } from "./ci_summary.ts";
 *
 * ciLine("error: Found 2 not formatted files", true); // "0 passed, 1 failed"
 * ```
 *
 * @param output The combined output of the gate.
 * @param gateFailed Whether the gate exited non-zero.
 * @returns The line, or `undefined` when there is no summary and the gate
 *   did not fail.
 */
export function ciLine(
  output: string,
  gateFailed: boolean,
): string | undefined {
  const counts = summarize(output);
  if (!counts) {
    return gateFailed
      ? formatCounts({ passed: 0, failed: 1, skipped: 0 })
      : undefined;
  }
  // A gate that failed outside the tests (lint, publish) still counts as one
  // failure, so the line and the exit code never disagree.
  if (gateFailed && counts.failed === 0) counts.failed = 1;
  return formatCounts(counts);
}

if (import.meta.main) {
  const gateFailed = Deno.args.includes("--gate-failed");
  const output = await new Response(Deno.stdin.readable).text();
  const counts = summarize(output);
  const line = ciLine(output, gateFailed);
  if (line !== undefined) console.log(line);
  if (!counts) {
    console.error("No Deno test summary found in the input");
    Deno.exit(1);
  }
}
