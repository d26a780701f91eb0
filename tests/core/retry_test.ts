import {
  APIConnectionError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  RateLimitError,
} from "../../mod.ts";
import { retryDelay, shouldRetry } from "../../src/core/retry.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess, json, overHTTP, stubClient } from "./_helpers.ts";

const h = (init: Record<string, string> = {}) => new Headers(init);
const NOW = Date.UTC(2024, 0, 1, 12, 0, 0);
const now = () => NOW;

Deno.test("shouldRetry: 408, 409, 429, 5xx yes; other 4xx no; x-should-retry decides", () => {
  for (const status of [408, 409, 429, 500, 502, 503, 504, 599]) {
    assert(shouldRetry(status, h()), String(status));
  }
  for (const status of [400, 401, 403, 404, 422, 418]) {
    assert(!shouldRetry(status, h()), String(status));
  }
  assert(shouldRetry(400, h({ "x-should-retry": "true" })));
  assert(!shouldRetry(503, h({ "x-should-retry": "false" })));
  assert(shouldRetry(503, h({ "x-should-retry": "maybe" })));
});

Deno.test("retryDelay: exponential backoff 0.5 s × 2ⁿ capped at 8 s, with up to 25% jitter", () => {
  const expected = [500, 1000, 2000, 4000, 8000, 8000, 8000];
  expected.forEach((max, retry) => {
    assertEquals(retryDelay(retry, undefined, () => 0, now), max);
    assertEquals(retryDelay(retry, h(), () => 1, now), max * 0.75);
    const d = retryDelay(retry, h());
    assert(d > max * 0.75 - 1e-9 && d <= max, `retry ${retry}: ${d}`);
  });
  assertEquals(retryDelay(50, h(), () => 0, now), 8000);
});

Deno.test("retryDelay: retry-after-ms, Retry-After seconds and HTTP-date", () => {
  const r = () => 0.5;
  assertEquals(retryDelay(0, h({ "retry-after-ms": "1234" }), r, now), 1234);
  assertEquals(retryDelay(0, h({ "retry-after-ms": "0" }), r, now), 0);
  assertEquals(retryDelay(3, h({ "retry-after": "7" }), r, now), 7000);
  assertEquals(retryDelay(0, h({ "retry-after": "1.5" }), r, now), 1500);
  const date = new Date(NOW + 3000).toUTCString();
  assertEquals(retryDelay(0, h({ "retry-after": date }), r, now), 3000);
  // A date already past (a stale proxy's, a skewed clock) falls back to
  // backoff, as in the official SDK, instead of retrying at once every time.
  const past = new Date(NOW - 60_000).toUTCString();
  assertEquals(retryDelay(0, h({ "retry-after": past }), r, now), 437.5);
  assertEquals(retryDelay(2, h({ "retry-after": past }), r, now), 1750);
  // retry-after-ms wins over Retry-After.
  assertEquals(
    retryDelay(0, h({ "retry-after-ms": "20", "retry-after": "9" }), r, now),
    20,
  );
});

Deno.test("retryDelay: unusable or too long server waits fall back to backoff", () => {
  const r = () => 0;
  for (
    const headers of <Record<string, string>[]> [
      { "retry-after": "soon" },
      { "retry-after": "" },
      { "retry-after-ms": "abc" },
      { "retry-after-ms": "-5" },
      { "retry-after": "61" },
      { "retry-after": new Date(NOW + 120_000).toUTCString() },
    ]
  ) {
    assertEquals(
      retryDelay(1, h(headers), r, now),
      1000,
      JSON.stringify(headers),
    );
  }
  assertEquals(retryDelay(0, h({ "retry-after": "60" }), r, now), 60_000);
});

Deno.test("408, 409, 429, 500, 503 are retried, then succeed (over HTTP)", async () => {
  await using http = await overHTTP({ maxRetries: 2 });
  for (const status of [408, 409, 429, 500, 503]) {
    http.mock.reset();
    http.mock.fault({
      status,
      times: 2,
      headers: { "retry-after-ms": "1" },
    });
    const model = await http.client.models.retrieve("gpt-4");
    assertEquals(model.id, "gpt-4");
    assertEquals(http.mock.requests.length, 3, `status ${status}`);
  }
});

Deno.test("400 is not retried", async () => {
  const { client, mock } = inProcess();
  mock.fault({ status: 400, headers: { "retry-after-ms": "0" } });
  await assertRejects(() => client.models.list(), BadRequestError);
  assertEquals(mock.requests.length, 1);
});

Deno.test("x-should-retry overrides the status", async () => {
  const { client, mock } = inProcess();
  mock.fault({
    status: 400,
    headers: { "x-should-retry": "true", "retry-after-ms": "0" },
  });
  assertEquals((await client.models.retrieve("gpt-4")).id, "gpt-4");
  assertEquals(mock.requests.length, 2);
  mock.reset();
  mock.fault({ status: 503, headers: { "x-should-retry": "false" } });
  await assertRejects(() => client.models.list(), InternalServerError);
  assertEquals(mock.requests.length, 1);
});

Deno.test("exhausted retries: the message says how many attempts", async () => {
  const { client, mock } = inProcess({ maxRetries: 3 });
  mock.fault({
    status: 429,
    times: Infinity,
    headers: { "retry-after-ms": "0" },
  });
  const err = await assertRejects(
    () => client.models.list(),
    RateLimitError,
    "gave up after 4 attempts",
  );
  assertEquals(mock.requests.length, 4);
  assert(err.message.startsWith("429 "));
});

Deno.test("a connection error keeps its cause and has no attempts note without retries", async () => {
  const boom = new TypeError("connection reset");
  const { client, calls } = stubClient([() => Promise.reject(boom)], {
    maxRetries: 1,
  });
  // A connection failure has no retry-after, so a retry would sleep 375–500 ms;
  // the retried case is covered (once) in timeout_test.ts.
  const err = await assertRejects(
    () => client.models.list({ maxRetries: 0 }),
    APIConnectionError,
  );
  assertEquals(err.cause, boom);
  assertEquals(calls.length, 1);
  assert(!err.message.includes("gave up"));
});

Deno.test("maxRetries: 0 sends exactly once; per-request maxRetries overrides", async () => {
  const { client, mock } = inProcess({ maxRetries: 0 });
  mock.fault({
    status: 500,
    times: Infinity,
    headers: { "retry-after-ms": "0" },
  });
  const err = await assertRejects(
    () => client.models.list(),
    InternalServerError,
  );
  assertEquals(mock.requests.length, 1);
  assert(!err.message.includes("attempts"));
  await assertRejects(
    () => client.models.list({ maxRetries: 1 }),
    InternalServerError,
  );
  assertEquals(mock.requests.length, 3);
});

Deno.test("abort during the retry wait → APIUserAbortError promptly", async () => {
  const { client, calls } = stubClient([
    () =>
      json({ error: { message: "busy" } }, 503, { "retry-after-ms": "5000" }),
  ]);
  const controller = new AbortController();
  const started = Date.now();
  const pending = client.models.list({ signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assertRejects(() => pending, APIUserAbortError);
  assert(Date.now() - started < 500, "the sleep was cut short");
  assertEquals(calls.length, 1);
});

Deno.test("the retried response bodies are released (no leaked resources over HTTP)", async () => {
  await using http = await overHTTP({ maxRetries: 5 });
  http.mock.fault({
    status: 502,
    times: 5,
    headers: { "retry-after-ms": "0" },
  });
  assertEquals((await http.client.models.list()).data.length > 0, true);
  assertEquals(http.mock.requests.length, 6);
});
