import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import {
  chatBody,
  inProcess,
  KEY,
  overHTTP,
  stalledBody,
  stubClient,
  timers,
} from "./_helpers.ts";

const encoder = new TextEncoder();

Deno.test("slow headers with timeout 50 → APIConnectionTimeoutError (over HTTP)", async () => {
  await using http = await overHTTP({ timeout: 50, maxRetries: 0 });
  http.mock.fault({ delayMs: 2000 });
  const started = Date.now();
  const err = await assertRejects(
    () => http.client.models.list(),
    APIConnectionTimeoutError,
    "timed out after 50 ms",
  );
  assert(Date.now() - started < 500);
  assert(err instanceof APIConnectionError);
  assertEquals(http.mock.requests.length, 1);
});

Deno.test("a timed-out attempt is retried; the error counts the attempts", async () => {
  // The one test that sleeps for real: a timeout has no retry-after, so the
  // retry waits the first backoff step (375–500 ms).
  const { client, mock } = inProcess({ timeout: 50, maxRetries: 1 });
  mock.fault({ delayMs: 2000, times: 2 });
  const err = await assertRejects(
    () => client.models.list(),
    APIConnectionTimeoutError,
    "gave up after 2 attempts",
  );
  assertEquals(mock.requests.length, 2);
  assert(err.message.startsWith("Request timed out after 50 ms"));
});

Deno.test("the timeout also bounds reading a non-streamed body (stub)", async () => {
  const { client } = stubClient([
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"object":"li'), {
        headers: { "content-type": "application/json" },
      }),
  ], { timeout: 50, maxRetries: 0 });
  const started = Date.now();
  await assertRejects(() => client.models.list(), APIConnectionTimeoutError);
  assert(Date.now() - started < 500);
});

Deno.test("the timeout also bounds reading a non-streamed body (real HTTP)", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    // No signal: the server cancels the body itself when the client leaves.
    () =>
      new Response(stalledBody(undefined, '{"object":"li'), {
        headers: { "content-type": "application/json" },
      }),
  );
  try {
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
      timeout: 50,
      maxRetries: 0,
    });
    await assertRejects(() => client.models.list(), APIConnectionTimeoutError);
  } finally {
    await server.shutdown();
  }
});

Deno.test("a stream stalled mid-way fails with APIConnectionTimeoutError (over HTTP)", async () => {
  await using http = await overHTTP({ timeout: 60, maxRetries: 0 });
  http.mock.fault({ stallAfter: 2 });
  const stream = await http.client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  let seen = 0;
  const started = Date.now();
  await assertRejects(async () => {
    for await (const _ of stream) seen++;
  }, APIConnectionTimeoutError);
  assertEquals(seen, 2);
  assert(Date.now() - started < 500);
});

Deno.test("a stream stalled mid-way fails with APIConnectionTimeoutError (in-process)", async () => {
  const { client, mock } = inProcess({ timeout: 40 });
  mock.fault({ stallAfter: 1 });
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  await assertRejects(async () => {
    for await (const _ of stream) { /* wait for the stall */ }
  }, APIConnectionTimeoutError);
  // Nothing is retried once the stream was handed over.
  assertEquals(mock.requests.length, 1);
});

Deno.test("a slow but steady stream outlasting the timeout in total succeeds", async () => {
  const events = 8;
  const { client } = stubClient([({ init }) => {
    let i = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        return new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            const data = i < events ? JSON.stringify({ i }) : "[DONE]";
            controller.enqueue(encoder.encode(`data: ${data}\n\n`));
            if (i++ >= events) controller.close();
            resolve();
          }, 15);
        });
      },
      cancel() {
        clearTimeout(timer);
      },
    });
    init.signal?.addEventListener("abort", () => clearTimeout(timer));
    return new Response(body, {
      headers: { "content-type": "text/event-stream" },
    });
  }], { timeout: 60 });
  const started = Date.now();
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  const got: unknown[] = [];
  for await (const chunk of stream) got.push(chunk);
  assertEquals(got, Array.from({ length: events }, (_, i) => ({ i })));
  assert(
    Date.now() - started > 60,
    "the whole stream took longer than the timeout",
  );
});

Deno.test("a per-request timeout overrides the client's", async () => {
  const { client, mock } = inProcess({ timeout: 60_000, maxRetries: 0 });
  mock.fault({ delayMs: 2000 });
  await assertRejects(
    () => client.models.list({ timeout: 30 }),
    APIConnectionTimeoutError,
    "30 ms",
  );
});

Deno.test("a response that arrived in time is not failed because the caller awaited it late", async () => {
  // `const a = x(); const b = y(); await a; await b;`: b's clock must not run
  // while nobody is reading its body.
  await using http = await overHTTP({ timeout: 50 });
  const late = http.client.models.list();
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert((await late).data.length > 0);
  const { client } = inProcess({ timeout: 50 });
  const also = client.models.retrieve("gpt-4").withResponse();
  await new Promise((resolve) => setTimeout(resolve, 80));
  assertEquals((await also).data.id, "gpt-4");
});

Deno.test("a body awaited late still times out if it then stalls", async () => {
  // The clock pauses while nobody asks for the body, and resumes with what
  // was left once somebody does.
  const { client } = stubClient([
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"object":"li'), {
        headers: { "content-type": "application/json" },
      }),
  ], { timeout: 100, maxRetries: 0 });
  const late = client.models.list();
  await new Promise((resolve) => setTimeout(resolve, 30));
  const started = Date.now();
  await assertRejects(() => late, APIConnectionTimeoutError);
  // Promptly: at most what was left of the 100 ms, plus scheduling.
  const waited = Date.now() - started;
  assert(waited < 1_000, `waited ${waited} ms`);
});

Deno.test("a slow consumer does not make a stream time out", async () => {
  // Time the consumer spends between chunks is not silence on the wire.
  const { client } = inProcess({ timeout: 30 }, { chunkSize: 40 });
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  let n = 0;
  for await (const _ of stream) {
    if (n++ < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert(n > 2);
});

Deno.test("calls at one timeout share one timer, which does not keep the process alive once they end", async () => {
  const answer = () => Response.json({ object: "list", data: [] });
  const { armed, keepAlive } = await timers(async () => {
    const { client } = stubClient(Array(40).fill(answer), { timeout: 60_000 });
    for (let i = 0; i < 20; i++) await client.models.list();
    await Promise.all(Array.from({ length: 20 }, () => client.models.list()));
  });
  assertEquals(armed, 1, "one timer for 40 calls");
  assertEquals(keepAlive, 0, "a pending timer keeps the process alive");
});

Deno.test("clients made per call, as edge handlers often make them, leave no timer each behind", async () => {
  const answer = () => Response.json({ object: "list", data: [] });
  const { pending } = await timers(async () => {
    for (let i = 0; i < 20; i++) {
      const { client } = stubClient([answer], { timeout: 60_000 });
      await client.models.list();
    }
  });
  // Each used to keep its own armed for the rest of its timeout.
  assert(pending <= 1, `20 clients left ${pending} timers armed`);
});

Deno.test("a call after the others ended still times out (the idle timer is held again)", async () => {
  const { client } = stubClient([
    () => Response.json({ object: "list", data: [] }),
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"object":"li'), {
        headers: { "content-type": "application/json" },
      }),
  ], { timeout: 50, maxRetries: 0 });
  await client.models.list();
  await new Promise((r) => setTimeout(r, 10));
  await assertRejects(() => client.models.list(), APIConnectionTimeoutError);
});

// A server that sends `first`, then `tick` every 20 ms until the client goes
// away, or `count` times followed by `last`.
function trickling(
  first: string,
  tick: string | string[],
  count = Infinity,
  last = "",
) {
  const pieces = [tick].flat();
  let ticks = 0;
  let cancelled = false;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => {
      let timer: ReturnType<typeof setInterval>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode(first));
          timer = setInterval(() => {
            if (ticks < count) {
              controller.enqueue(
                encoder.encode(pieces[ticks++ % pieces.length]),
              );
            } else {
              ticks++;
              clearInterval(timer);
              controller.enqueue(encoder.encode(last));
              controller.close();
            }
          }, 20);
        },
        cancel() {
          cancelled = true;
          clearInterval(timer);
        },
      });
      return new Response(body, {
        headers: { "content-type": "text/event-stream" },
      });
    },
  );
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
    timeout: 150,
    maxRetries: 0,
  });
  return {
    client,
    ticks: () => ticks,
    cancelled: () => cancelled,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

const EVENT = 'data: {"choices":[]}\n\n';

// Iterates a stream of `server`'s, failing instead of hanging past 5 s.
async function drain(
  server: ReturnType<typeof trickling>,
  chunks: unknown[] = [],
) {
  const guard = new AbortController();
  const timer = setTimeout(() => guard.abort(), 5_000);
  const stream = await server.client.chat.completions.create({
    ...chatBody,
    stream: true,
  }, { signal: guard.signal });
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } finally {
    clearTimeout(timer);
  }
  assert(!guard.signal.aborted, "the stream hung");
  return chunks;
}

for (
  const [name, tick] of [
    ["keepalive comments", ": keepalive\n\n"],
    ["keepalive comments split over chunks", [": keep", "alive\n\n"]],
    ["keepalive comments split at their colon, CRLF", [":", " ping\r\n\r\n"]],
  ] as const
) {
  Deno.test(`a stream that gets only ${name} still times out: they do not end a silence`, async () => {
    await using server = trickling(EVENT, [...tick]);
    const chunks: unknown[] = [];
    const err = await assertRejects(
      () => drain(server, chunks),
      APIConnectionTimeoutError,
    );
    assert(err.message.includes("no event for 150 ms"), err.message);
    assertEquals(chunks.length, 1, "the event before the keepalives");
    assert(server.ticks() >= 3, `${server.ticks()} ticks came first`);
    // The request is cancelled, not left to trickle on.
    for (let i = 0; i < 50 && !server.cancelled(); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert(server.cancelled(), "the upstream was not cancelled");
  });
}

Deno.test("a large event sent slowly, for longer than the timeout, arrives whole", async () => {
  // 15 pieces of 1,000 characters 20 ms apart: ~300 ms for one event, with
  // never more than 150 ms without bytes of it.
  await using server = trickling(
    EVENT + 'data: {"choices":[],"pad":"',
    "x".repeat(1_000),
    15,
    '"}\n\ndata: [DONE]\n\n',
  );
  const chunks = await drain(server) as { pad?: string }[];
  assertEquals(chunks.length, 2);
  assertEquals(chunks[1].pad?.length, 15_000);
});
