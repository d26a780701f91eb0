// Stream lifecycle: cancelling toReadableStream(), aborts before and during
// iteration, the idle timer of an abandoned iterator, and multi-line events.
import {
  APIError,
  APIUserAbortError,
  type ChatCompletionChunk,
  Stream,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects, within } from "../_assert.ts";
import { chatBody, stubClient, timers } from "./_helpers.ts";

const encoder = new TextEncoder();

/** A body that sends `first` (if any), then nothing until cancelled. */
function silent(first?: string): {
  body: ReadableStream<Uint8Array>;
  cancelled: () => boolean;
} {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(encoder.encode(first));
    },
    pull: () => new Promise(() => {}),
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

Deno.test("toReadableStream(): cancel during a pending read cancels the upstream at once", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const controller = new AbortController();
  const reader = Stream.fromReadableStream(body, controller).toReadableStream()
    .getReader();
  assert(!(await reader.read()).done);
  // Let the next pull start waiting on the silent upstream.
  await new Promise((resolve) => setTimeout(resolve, 10));
  await within(1_000, reader.cancel("client went away"));
  assert(cancelled(), "upstream cancelled");
  assert(controller.signal.aborted, "controller aborted");
});

Deno.test("toReadableStream(): break in for await returns promptly", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const readable = Stream.fromReadableStream(body).toReadableStream();
  await within(
    1_000,
    (async () => {
      for await (const _ of readable) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        break;
      }
    })(),
  );
  assert(cancelled(), "upstream cancelled");
});

Deno.test("toReadableStream(): cancel before the first pull cancels the body and aborts", async () => {
  const { body, cancelled } = silent();
  const controller = new AbortController();
  const readable = Stream.fromReadableStream(body, controller)
    .toReadableStream();
  await within(1_000, readable.cancel());
  assert(cancelled(), "body cancelled");
  assert(controller.signal.aborted, "controller aborted");
});

Deno.test("toReadableStream(): cancelling one tee() branch leaves the other whole", async () => {
  let i = 0;
  const parts = ['data: {"n":1}\n\n', 'data: {"n":2}\n\n', "data: [DONE]\n\n"];
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (i < parts.length) controller.enqueue(encoder.encode(parts[i++]));
      else controller.close();
    },
  });
  const controller = new AbortController();
  const [a, b] = Stream.fromReadableStream<{ n: number }>(body, controller)
    .tee();
  const reader = a.toReadableStream().getReader();
  await reader.read();
  await within(1_000, reader.cancel());
  assertEquals(await collect(b), [{ n: 1 }, { n: 2 }]);
  assert(
    !controller.signal.aborted,
    "a branch does not abort the shared controller",
  );
});

Deno.test("toReadableStream(): a multi-line data field keeps every line", async () => {
  const source = 'data: {"a":\ndata: 1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';
  const text = await new Response(
    Stream.fromSSEResponse(new Response(source)).toReadableStream(),
  ).text();
  assertEquals(text, source);
  assertEquals(await collect(Stream.fromSSEResponse(new Response(text))), [
    { a: 1 },
    { b: 2 },
  ]);
});

Deno.test("toReadableStream(): text with U+2028 or U+2029 is re-emitted unchanged", async () => {
  const text = "line\u2028sep\u2029para\nlf";
  const source = `data: ${JSON.stringify({ text })}\n\ndata: [DONE]\n\n`;
  const out = await new Response(
    Stream.fromSSEResponse(new Response(source)).toReadableStream(),
  ).text();
  assertEquals(out, source);
  assertEquals(await collect(Stream.fromSSEResponse(new Response(out))), [
    { text },
  ]);
});

Deno.test("toReadableStream(): an error event read back in-process keeps its APIError", async () => {
  const source =
    'data: {"error":{"message":"Slow down","code":"rate_limit"}}\n\n';
  const proxied = Stream.fromReadableStream(
    Stream.fromSSEResponse(new Response(source)).toReadableStream(),
  );
  const err = await assertRejects(() => collect(proxied), APIError) as APIError;
  assertEquals([err.message, err.code], ["Slow down", "rate_limit"]);
});

Deno.test("ReadableStream.from(stream): cancel during a pending read cancels the upstream at once", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const controller = new AbortController();
  const reader = ReadableStream.from(
    Stream.fromReadableStream(body, controller),
  )
    .getReader();
  assert(!(await reader.read()).done);
  // A read that waits on the silent upstream, as a proxied body's would.
  const pending = reader.read();
  await new Promise((resolve) => setTimeout(resolve, 10));
  await within(1_000, reader.cancel("client went away"));
  assert((await pending).done);
  assert(cancelled(), "upstream cancelled");
  assert(controller.signal.aborted, "controller aborted");
});

Deno.test("an iterator returned before its first next() releases the body", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const controller = new AbortController();
  const iterator = Stream.fromReadableStream(body, controller)
    [Symbol.asyncIterator]();
  assertEquals(await within(1_000, iterator.return!()), {
    done: true,
    value: undefined,
  });
  assert(cancelled(), "body cancelled");
  assert(controller.signal.aborted, "controller aborted");
});

Deno.test("the iterator is an async generator: peek, then loop; yield* forwards throw()", async () => {
  const source = () =>
    new Response(
      'data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\ndata: [DONE]\n\n',
    );
  const it = Stream.fromSSEResponse<{ n: number }>(source())
    [Symbol.asyncIterator]() as AsyncGenerator<{ n: number }>;
  assertEquals((await it.next()).value, { n: 1 });
  const rest: number[] = [];
  for await (const chunk of it) rest.push(chunk.n);
  assertEquals(rest, [2, 3]);
  async function* wrap(stream: Stream<{ n: number }>) {
    yield* stream;
  }
  const stream = Stream.fromSSEResponse<{ n: number }>(source());
  const wrapped = wrap(stream);
  await wrapped.next();
  await assertRejects(() => wrapped.throw(new Error("mine")), Error, "mine");
  assert(stream.controller.signal.aborted, "a throw mid-stream aborts it");
});

Deno.test("return() after the end keeps the controller and passes its value", async () => {
  const controller = new AbortController();
  const it = Stream.fromSSEResponse(
    new Response('data: {"n":1}\n\ndata: [DONE]\n\n'),
    controller,
  )[Symbol.asyncIterator]();
  while (!(await it.next()).done);
  assertEquals(await it.return!("X"), { done: true, value: "X" });
  assert(!controller.signal.aborted, "a finished stream is not aborted");
});

Deno.test("return() during a tee() branch's pending read ends it quietly, not as cut short", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const controller = new AbortController();
  const [a, b] = Stream.fromReadableStream<{ n: number }>(body, controller)
    .tee();
  const it = a[Symbol.asyncIterator]();
  assertEquals((await it.next()).value, { n: 1 });
  const pending = it.next();
  await new Promise((resolve) => setTimeout(resolve, 10));
  await within(1_000, it.return!());
  assertEquals(await pending, { done: true, value: undefined });
  assert(!controller.signal.aborted, "a branch leaves the shared controller");
  // The sibling still owns its half: ending it releases the upstream.
  await b[Symbol.asyncIterator]().return!();
  assert(cancelled(), "upstream cancelled once both branches are");
});

Deno.test("toReadableStream(): stream.controller.abort() errors the output, never closes it", async () => {
  const { body } = silent('data: {"n":1}\n\n');
  const stream = Stream.fromReadableStream(body);
  const reader = stream.toReadableStream().getReader();
  await reader.read();
  const next = reader.read();
  stream.controller.abort();
  await within(1_000, assertRejects(() => next, APIUserAbortError));
});

/** Iterates `stream` (failing after 1 s), calling `each` after every chunk. */
async function loop(
  stream: Stream<{ n: number }>,
  each: () => void,
): Promise<number[]> {
  const seen: number[] = [];
  await within(
    1_000,
    (async () => {
      for await (const chunk of stream) {
        seen.push(chunk.n);
        each();
      }
    })(),
  );
  return seen;
}

Deno.test("stream.controller.abort() during a pending read ends the loop quietly", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const stream = Stream.fromReadableStream<{ n: number }>(body);
  const seen = await loop(
    stream,
    () => void setTimeout(() => stream.controller.abort(), 5),
  );
  assertEquals(seen, [1]);
  assert(cancelled(), "body cancelled");
});

Deno.test("a controller aborted before iteration ends it at once, quietly", async () => {
  const { body, cancelled } = silent();
  const controller = new AbortController();
  const stream = Stream.fromSSEResponse(new Response(body), controller);
  controller.abort();
  assertEquals(await within(1_000, collect(stream)), []);
  assert(cancelled(), "body cancelled");
});

Deno.test("an abort while the consumer holds a chunk yields no more of the same read", async () => {
  for (const via of ["signal", "controller"] as const) {
    const { body, cancelled } = silent(
      'data: {"n":1}\n\ndata: {"n":2}\n\ndata: {"n":3}\n\n',
    );
    const caller = new AbortController();
    const stream = new Stream<{ n: number }>(body, undefined, {
      signal: caller.signal,
    });
    const seen = await loop(
      stream,
      () => (via === "signal" ? caller : stream.controller).abort(),
    );
    assertEquals(seen, [1], via);
    assert(cancelled(), `body cancelled (${via})`);
  }
});

Deno.test("a signal aborted before iteration ends the loop at once, yielding nothing", async () => {
  const { body, cancelled } = silent('data: {"n":1}\n\n');
  const stream = new Stream(body, undefined, { signal: AbortSignal.abort() });
  assertEquals(await within(1_000, collect(stream)), []);
  assert(cancelled(), "body cancelled");
});

Deno.test("a signal aborted before a re-encoded stream is read errors it with APIUserAbortError", async () => {
  const { body, cancelled } = silent();
  const stream = new Stream(body, undefined, { signal: AbortSignal.abort() });
  const reader = stream.toReadableStream().getReader();
  await within(1_000, assertRejects(() => reader.read(), APIUserAbortError));
  assert(cancelled(), "body cancelled");
});

Deno.test("an abandoned iterator's idle timer lapses instead of re-arming forever", async () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const { pending } = await timers(async () => {
    const body = new Response('data: {"n":1}\n\ndata: {"n":2}\n\n').body!;
    const stream = new Stream(body, undefined, { idleTimeout: 30 });
    // Peek at one chunk, then drop the iterator without return().
    assert(!(await stream[Symbol.asyncIterator]().next()).done);
    await wait(150);
  });
  assertEquals(pending, 0);
});

Deno.test("an iterator abandoned mid-stream leaves no timer keeping the process alive", async () => {
  const { pending, keepAlive } = await timers(async () => {
    const body = new Response('data: {"n":1}\n\ndata: {"n":2}\n\n').body!;
    const stream = new Stream(body, undefined, { idleTimeout: 600_000 });
    assert(!(await stream[Symbol.asyncIterator]().next()).done);
  });
  // The idle timer may still be pending, but only a waiting read holds it.
  assertEquals(pending, 1);
  assertEquals(keepAlive, 0, "the idle timer would hold the process 10 min");
});

Deno.test("the idle timer is not re-armed for every chunk", async () => {
  const n = 2_000;
  const { armed } = await timers(async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < n; i++) {
          controller.enqueue(encoder.encode(`data: {"i":${i}}\n\n`));
        }
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
      },
    });
    const stream = new Stream(body, undefined, { idleTimeout: 60_000 });
    assertEquals((await collect(stream)).length, n);
  });
  assert(armed <= 2, `armed ${armed} timers for ${n} chunks`);
});

Deno.test("an error event carries the response's headers and a bare message", async () => {
  const { client } = stubClient([
    () =>
      new Response('event: error\ndata: {"message":"quota exceeded"}\n\n', {
        headers: {
          "content-type": "text/event-stream",
          "x-request-id": "req_123",
        },
      }),
  ]);
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  const err = await assertRejects(() => collect(stream), APIError) as APIError;
  assert(err.message.includes("quota exceeded"), err.message);
  assertEquals(err.error?.message, "quota exceeded");
  assertEquals(err.requestID, "req_123");
  assertEquals(err.headers?.get("x-request-id"), "req_123");
  // Stream.fromSSEResponse passes the headers too.
  const direct = Stream.fromSSEResponse<ChatCompletionChunk>(
    new Response('data: {"error":{"message":"x"}}\n\n', {
      headers: { "x-request-id": "req_456" },
    }),
  );
  const err2 = await assertRejects(() => collect(direct), APIError) as APIError;
  assertEquals(err2.requestID, "req_456");
});
