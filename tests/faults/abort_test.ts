// A caller's abort in each phase of a request ends it promptly and releases
// the connection (the sanitizers check that): with APIUserAbortError before a
// stream is handed over, quietly (like break) while one is iterated.
import OpenAI, { APIUserAbortError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { CHAT, drain, KEY, served, test, timed } from "./_helpers.ts";

const PROMPT_MS = 300;

function abortAfter(ms: number): AbortController {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  controller.signal.addEventListener("abort", () => clearTimeout(timer));
  return controller;
}

test("abort before headers → APIUserAbortError promptly, not retried", async () => {
  await using s = await served({ maxRetries: 2 });
  s.mock.fault({ delayMs: 10_000 });
  const controller = abortAfter(40);
  const { value: error, ms } = await timed(() =>
    assertRejects(
      () => s.client.models.list({ signal: controller.signal }),
      APIUserAbortError,
    )
  );
  assertEquals(error.constructor, APIUserAbortError);
  assert(ms < PROMPT_MS, `took ${ms} ms`);
  assertEquals(s.mock.requests.length, 1);
});

test("abort wins over a pending timeout before headers", async () => {
  await using s = await served({ timeout: 5_000 });
  s.mock.fault({ delayMs: 10_000 });
  const controller = abortAfter(30);
  await assertRejects(
    () => s.client.models.list({ signal: controller.signal }),
    APIUserAbortError,
  );
});

test("abort while a non-streamed body is being read → APIUserAbortError promptly", async () => {
  let cancelled = false;
  let sent!: () => void;
  const headersSent = new Promise<void>((resolve) => sent = resolve);
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // Half a JSON document, then nothing until the client leaves.
          controller.enqueue(new TextEncoder().encode('{"object":"list","da'));
          sent();
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, {
        headers: { "content-type": "application/json" },
      });
    },
  );
  try {
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
      maxRetries: 0,
    });
    const controller = new AbortController();
    const pending = client.models.list({ signal: controller.signal });
    await headersSent;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const { value: error, ms } = await timed(() => {
      controller.abort();
      return assertRejects(() => pending, APIUserAbortError);
    });
    assertEquals(error.constructor, APIUserAbortError);
    assert(ms < PROMPT_MS, `took ${ms} ms`);
  } finally {
    await server.shutdown();
  }
  assert(cancelled, "the server saw the body cancelled");
});

test("abort mid-stream while waiting for the next chunk ends the loop quietly and promptly", async () => {
  // As in the official SDK: a stop button aborts its signal and the loop
  // simply ends, like break.
  await using s = await served();
  s.mock.fault({ stallAfter: 2 });
  const controller = new AbortController();
  const stream = await s.client.chat.completions.create(
    { ...CHAT, stream: true },
    { signal: controller.signal, headers: { "x-mock-stream-chunks": "6" } },
  );
  const seen: string[] = [];
  const reading = drain(stream, seen);
  while (seen.length < 2) await new Promise((r) => setTimeout(r, 5));
  const { ms } = await timed(() => {
    controller.abort();
    return reading;
  });
  assert(ms < PROMPT_MS, `took ${ms} ms`);
  assertEquals(seen.length, 2);
  assert(stream.controller.signal.aborted, "the request was cancelled");
});

test("abort mid-stream between two reads → the next read ends the iteration", async () => {
  await using s = await served();
  const controller = new AbortController();
  const stream = await s.client.chat.completions.create(
    { ...CHAT, stream: true },
    { signal: controller.signal, headers: { "x-mock-stream-chunks": "6" } },
  );
  const iterator = stream[Symbol.asyncIterator]();
  assert(!(await iterator.next()).done);
  controller.abort();
  assertEquals((await iterator.next()).done, true);
  assertEquals((await iterator.next()).done, true);
});

test("abort after the stream is created but before it is read: nothing is yielded", async () => {
  await using s = await served();
  const controller = new AbortController();
  const stream = await s.client.chat.completions.create(
    { ...CHAT, stream: true },
    { signal: controller.signal },
  );
  controller.abort();
  const seen: string[] = [];
  await drain(stream, seen);
  assertEquals(seen, []);
});

test("abort mid-stream errors a re-encoded stream with APIUserAbortError: it must not look complete", async () => {
  await using s = await served();
  s.mock.fault({ stallAfter: 1 });
  const controller = new AbortController();
  const stream = await s.client.chat.completions.create(
    { ...CHAT, stream: true },
    { signal: controller.signal },
  );
  const reader = stream.toReadableStream().getReader();
  assert(!(await reader.read()).done);
  const next = reader.read();
  controller.abort();
  await assertRejects(() => next, APIUserAbortError);
});

test("stream.controller.abort() from the consumer side ends the loop quietly, like break", async () => {
  await using s = await served();
  s.mock.fault({ stallAfter: 1 });
  const stream = await s.client.chat.completions.create({
    ...CHAT,
    stream: true,
  });
  const seen: string[] = [];
  const reading = drain(stream, seen);
  while (seen.length < 1) await new Promise((r) => setTimeout(r, 5));
  const { ms } = await timed(() => {
    stream.controller.abort();
    return reading;
  });
  assert(ms < PROMPT_MS, `took ${ms} ms`);
  assertEquals(seen.length, 1);
});

test("breaking out of the loop early releases the connection", async () => {
  // The request's own signal tells: aborted, fetch drops the connection.
  let sent: AbortSignal | null | undefined;
  await using s = await served({
    fetch: (input, init) => (sent = init?.signal, fetch(input, init)),
  });
  s.mock.fault({ stallAfter: 3 });
  const stream = await s.client.chat.completions.create({
    ...CHAT,
    stream: true,
  });
  let n = 0;
  for await (const _ of stream) if (++n === 2) break;
  assertEquals(n, 2);
  assert(sent?.aborted, "the request was not aborted");
});

test("an already-aborted signal sends nothing", async () => {
  await using s = await served();
  await assertRejects(
    () => s.client.models.list({ signal: AbortSignal.abort() }),
    APIUserAbortError,
  );
  assertEquals(s.mock.requests.length, 0);
});
