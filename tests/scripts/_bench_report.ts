// A benchmark report shaped like a real run of scripts/bench/main.ts, for the
// tests of the report and chart writers.

import type { Report } from "../../scripts/bench/report.ts";

/**
 * A report with the chat Worker over its budget (so CI holds it to a
 * ceiling) and both SDKs using less memory than raw while streaming.
 *
 * @example
 * ```ts ignore
 * const r = benchReport({ memoryKiB: { raw: 100, ours: 90, official: 80 } });
 * ```
 */
export function benchReport(overrides: Partial<Report> = {}): Report {
  return {
    date: "2025-01-01T00:00:00.000Z",
    machine: {
      cores: 2,
      model: "Test CPU",
      load: "0.10 0.20 0.30",
      loadBefore: "0.10 0.20 0.30",
      deno: "2.9.6",
      v8: "14.0",
    },
    reps: 7,
    coldReps: 21,
    streamMs: { raw: 386, ours: 380, official: 459 },
    calls1Ms: { raw: 397, ours: 434, official: 894 },
    calls16Ms: { raw: 138, ours: 160, official: 388 },
    memoryKiB: { raw: 149_000, ours: 143_700, official: 124_500 },
    uploadExtraKiB: { raw: 10_000, ours: 4_000, official: 12_000 },
    coldMs: { raw: 12.9, ours: 13.9, official: 59.4 },
    bundles: [
      {
        name: "ours: @webstd/openai/chat",
        entry: "chat_worker.ts",
        budget: 4096,
        ceiling: 5640,
        minified: 13267,
        gzipped: 5617,
      },
      {
        name: "ours: full client (@webstd/openai)",
        entry: "full_worker.ts",
        budget: 12288,
        minified: 27482,
        gzipped: 9810,
      },
      {
        name: "official: openai",
        entry: "official_worker.ts",
        minified: 394729,
        gzipped: 87682,
      },
    ],
    ...overrides,
  };
}
