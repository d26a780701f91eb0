import { ciLine, formatCounts, summarize } from "../../scripts/ci_summary.ts";
import { assertEquals } from "../_assert.ts";

const ESC = "\x1b";

// Shaped like Deno 2.9 output, colour codes included, because Deno colours
// its output even when piped into another process.
const ALL_PASSING = [
  "running 3 tests from ./tests/core/retry_test.ts",
  `shouldRetry ... ${ESC}[0m${ESC}[32mok${ESC}[0m ${ESC}[0m${ESC}[38;5;245m(1ms)${ESC}[0m`,
  "",
  `${ESC}[0m${ESC}[32mok${ESC}[0m | 12 passed (3 steps) | 0 failed ${ESC}[0m${ESC}[38;5;245m(1s)${ESC}[0m`,
  "",
].join("\n");

const SOME_FAILING = [
  `${ESC}[0m${ESC}[1m${ESC}[37m${ESC}[41m FAILURES ${ESC}[0m`,
  "",
  "fail => ./a_test.ts:4:6",
  "stepfail ... bad => ./a_test.ts:5:46",
  "",
  `${ESC}[0m${ESC}[31mFAILED${ESC}[0m | 2 passed (2 steps) | 2 failed (1 step) | 1 ignored (1 step) ${ESC}[0m${ESC}[38;5;245m(5ms)${ESC}[0m`,
  "",
  `${ESC}[0m${ESC}[1m${ESC}[31merror${ESC}[0m: Test failed`,
].join("\n");

Deno.test("summarize counts top-level tests, not steps", () => {
  assertEquals(summarize(ALL_PASSING), { passed: 12, failed: 0, skipped: 0 });
});

Deno.test("summarize reads failures and maps ignored to skipped", () => {
  assertEquals(summarize(SOME_FAILING), { passed: 2, failed: 2, skipped: 1 });
});

Deno.test("summarize sums several deno test runs", () => {
  const output =
    `${ALL_PASSING}\n${SOME_FAILING}\nok | 1 passed | 0 failed | 4 filtered out (49ms)\n`;
  assertEquals(summarize(output), { passed: 15, failed: 2, skipped: 1 });
});

Deno.test("summarize accepts CRLF line ends and a measured count", () => {
  assertEquals(
    summarize("x\r\nok | 0 passed | 0 failed | 2 measured (3ms)\r\n"),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
});

Deno.test("summarize ignores text that only looks like a summary", () => {
  const output = [
    "error: Found 2 not formatted files in 40 files",
    'expected: "ok | 1 passed | 0 failed (1ms)"',
    "ok | 1 passed | 0 failed",
    "running 0 tests",
  ].join("\n");
  assertEquals(summarize(output), undefined);
});

Deno.test("formatCounts adds skipped only when there are some", () => {
  assertEquals(
    formatCounts({ passed: 3, failed: 1, skipped: 0 }),
    "3 passed, 1 failed",
  );
  assertEquals(
    formatCounts({ passed: 3, failed: 0, skipped: 2 }),
    "3 passed, 0 failed, 2 skipped",
  );
});

Deno.test("ciLine reports a gate that failed before the tests as one failure", () => {
  assertEquals(
    ciLine("error: Found 2 not formatted files", true),
    "0 passed, 1 failed",
  );
  assertEquals(ciLine("error: Found 2 not formatted files", false), undefined);
});

Deno.test("ciLine never reads green when the gate failed after the tests", () => {
  assertEquals(ciLine(ALL_PASSING, true), "12 passed, 1 failed");
  assertEquals(ciLine(SOME_FAILING, true), "2 passed, 2 failed, 1 skipped");
  assertEquals(ciLine(ALL_PASSING, false), "12 passed, 0 failed");
});
