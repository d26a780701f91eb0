// Faults before a usable response: refused and reset connections, retried
// statuses with server-chosen waits, exhausted retries, stalled headers.
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  InternalServerError,
  RateLimitError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import {
  closedPort,
  KEY,
  rawServer,
  readHead,
  served,
  test,
  timed,
} from "./_helpers.ts";

const exactly = (error: Error, Class: new (...a: never[]) => Error) =>
  assertEquals(error.constructor, Class, `class of ${error}`);

test("connection refused → APIConnectionError with the cause, attempts counted", async () => {
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `http://127.0.0.1:${closedPort()}/v1`,
    maxRetries: 1,
  });
  const error = await assertRejects(
    () => client.models.list(),
    APIConnectionError,
    "gave up after 2 attempts",
  );
  exactly(error, APIConnectionError);
  assert(error.cause instanceof TypeError, "the fetch failure is the cause");
});

test("reset before headers (accept, then close) → APIConnectionError, each attempt reconnects", async () => {
  await using server = rawServer(async (conn) => {
    await readHead(conn);
  });
  const client = new OpenAI({ apiKey: KEY, baseURL: server.url });
  const error = await assertRejects(
    () => client.models.list({ maxRetries: 1 }),
    APIConnectionError,
    "gave up after 2 attempts",
  );
  exactly(error, APIConnectionError);
  assertEquals(server.accepted, 2);
});

test("half a status line, then close → APIConnectionError", async () => {
  await using server = rawServer(async (conn) => {
    await readHead(conn);
    await conn.write(new TextEncoder().encode("HTTP/1.1 20"));
  });
  const client = new OpenAI({ apiKey: KEY, baseURL: server.url });
  const error = await assertRejects(
    () => client.models.list({ maxRetries: 0 }),
    APIConnectionError,
  );
  exactly(error, APIConnectionError);
  assert(!error.message.includes("attempts"), error.message);
});

test("headers promising more body than sent → APIConnectionError", async () => {
  await using server = rawServer(async (conn) => {
    await readHead(conn);
    await conn.write(
      new TextEncoder().encode(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"obj',
      ),
    );
  });
  const client = new OpenAI({ apiKey: KEY, baseURL: server.url });
  const error = await assertRejects(
    () => client.models.list({ maxRetries: 0 }),
    APIConnectionError,
  );
  exactly(error, APIConnectionError);
});

for (
  const [status, header, value, waitMs] of [
    [429, "retry-after-ms", "120", 120],
    [503, "retry-after-ms", "120", 120],
    [429, "retry-after", "0.15", 150],
    [503, "retry-after", "0.15", 150],
  ] as const
) {
  test(`${status} with ${header}: ${value} is retried after about ${waitMs} ms`, async () => {
    await using s = await served({ maxRetries: 2 });
    s.mock.fault({ status, headers: { [header]: value }, times: 2 });
    const { value: list, ms } = await timed(() => s.client.models.list());
    assertEquals(list.data.length > 0, true);
    assertEquals(s.mock.requests.length, 3);
    // Two waits of waitMs each; the default backoff would be at least 375 + 750 ms.
    assert(ms >= 2 * waitMs - 10, `waited only ${ms} ms`);
    assert(ms < 2 * waitMs + 600, `waited ${ms} ms`);
  });
}

test("Retry-After as an HTTP date is honoured", async () => {
  await using s = await served({ maxRetries: 1 });
  // HTTP dates have whole seconds: the wait is whatever is left until then.
  const date = new Date(Date.now() + 1000).toUTCString();
  const expected = Date.parse(date) - Date.now();
  s.mock.fault({ status: 429, headers: { "retry-after": date } });
  const { ms } = await timed(() => s.client.models.list());
  assertEquals(s.mock.requests.length, 2);
  assert(ms >= expected - 30, `waited ${ms} ms, expected ${expected}`);
  assert(ms < expected + 500, `waited ${ms} ms, expected ${expected}`);
});

test("Retry-After as a past HTTP date falls back to backoff, not an instant retry", async () => {
  await using s = await served({ maxRetries: 1 });
  s.mock.fault({
    status: 503,
    headers: { "retry-after": new Date(0).toUTCString() },
  });
  const { ms } = await timed(() => s.client.models.list());
  assertEquals(s.mock.requests.length, 2);
  // The first backoff is 375 to 500 ms.
  assert(ms >= 360, `waited only ${ms} ms`);
  assert(ms < 1_500, `waited ${ms} ms`);
});

test("500 then success: one retry, the caller sees only the success", async () => {
  await using s = await served({ maxRetries: 2 });
  s.mock.fault({ status: 500, headers: { "retry-after-ms": "1" } });
  const model = await s.client.models.retrieve("gpt-4");
  assertEquals(model.id, "gpt-4");
  assertEquals(s.mock.requests.length, 2);
});

test("retries exhausted: the last status's class, and how many attempts", async () => {
  await using s = await served({ maxRetries: 3 });
  s.mock.fault({ status: 500, headers: { "retry-after-ms": "1" }, times: 4 });
  const error = await assertRejects(
    () => s.client.models.list(),
    InternalServerError,
    "(gave up after 4 attempts)",
  );
  exactly(error, InternalServerError);
  assertEquals(s.mock.requests.length, 4);

  s.mock.fault({ status: 429, headers: { "retry-after-ms": "1" }, times: 2 });
  const limited = await assertRejects(
    () => s.client.models.list({ maxRetries: 1 }),
    RateLimitError,
    "gave up after 2 attempts",
  );
  assertEquals((limited as RateLimitError).status, 429);
});

test("stall before headers → APIConnectionTimeoutError, each attempt timed", async () => {
  await using s = await served({ timeout: 80 });
  s.mock.fault({ delayMs: 5_000, times: 2 });
  const { value: error, ms } = await timed(() =>
    assertRejects(
      () => s.client.models.list({ maxRetries: 0 }),
      APIConnectionTimeoutError,
      "timed out after 80 ms",
    )
  );
  exactly(error, APIConnectionTimeoutError);
  assert(ms < 1_000, `took ${ms} ms`);
  assertEquals(s.mock.requests.length, 1);
});

test("stall before headers on a raw socket that never answers → timeout, connection closed", async () => {
  let closedByClient = false;
  await using server = rawServer(async (conn) => {
    await readHead(conn);
    // Waits for the client to give up: read returns null once it closes.
    closedByClient = await conn.read(new Uint8Array(16)) === null;
  });
  const client = new OpenAI({ apiKey: KEY, baseURL: server.url, timeout: 60 });
  await assertRejects(
    () => client.models.list({ maxRetries: 0 }),
    APIConnectionTimeoutError,
  );
  await server[Symbol.asyncDispose]();
  assert(closedByClient, "the client closed the stalled connection");
});
