/**
 * Pure retry policy: which failures are retried, and how long to wait.
 *
 * @module
 */

/**
 * Whether a response with this status and headers should be retried:
 * `x-should-retry` decides when present, else 408, 409, 429 and 5xx.
 */
export function shouldRetry(status: number, headers: Headers): boolean {
  const hint = headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait before retry number `retry` (0 for the first retry): the server's
 * `retry-after-ms` or `Retry-After` (seconds or an HTTP date) when it is at
 * most 60 s, else exponential backoff of 0.5 s × 2ⁿ capped at 8 s, minus up
 * to 25% jitter. `random` and `now` are injectable for tests.
 */
export function retryDelay(
  retry: number,
  headers?: Headers,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const ms = headers?.get("retry-after-ms")?.trim();
  const after = headers?.get("retry-after")?.trim();
  let wait = ms ? Number(ms) : NaN;
  if (Number.isNaN(wait) && after) {
    wait = Number(after) * 1000;
    // A date already past (a stale proxy's, a skewed clock) falls back to
    // backoff, as in the official SDK: retrying at once would hammer the server.
    if (Number.isNaN(wait)) wait = Date.parse(after) - now();
  }
  return wait >= 0 && wait <= 60_000
    ? wait
    : Math.min(500 * 2 ** retry, 8_000) * (1 - 0.25 * random());
}
