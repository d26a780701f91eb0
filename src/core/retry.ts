/**
 * Pure retry policy: which failures are retried, and how long to wait.
 *
 * @module
 */

/** Waits longer than this from a `Retry-After` header are ignored for backoff. */
const MAX_SERVER_WAIT_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

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
  const server = headers && serverDelay(headers, now);
  if (server !== undefined && server >= 0 && server <= MAX_SERVER_WAIT_MS) {
    return server;
  }
  const backoff = Math.min(BASE_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return backoff * (1 - 0.25 * random());
}

function serverDelay(headers: Headers, now: () => number): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null) {
    const value = Number(ms);
    if (ms.trim() !== "" && Number.isFinite(value)) return value;
  }
  const after = headers.get("retry-after");
  if (after === null || after.trim() === "") return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
