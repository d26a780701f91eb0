import {
  APIConnectionError,
  APIError,
  type ChatCompletionChunk,
  OpenAIError,
  Stream,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import {
  chatBody,
  inProcess,
  MASKED_KEY,
  overHTTP,
  stubClient,
} from "./_helpers.ts";

const MESSAGE = "héllo wörld ✓ 🎉 ünïcode\nsecond line, done";
const EXPECTED = `Echo: ${MESSAGE}`;
const encoder = new TextEncoder();
const streamBody = {
  ...chatBody,
  messages: [{ role: "user" as const, content: MESSAGE }],
  stream: true as const,
};

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

function text(chunks: ChatCompletionChunk[]): string {
  return chunks.map((c) => c.choices[0]?.delta.content ?? "").join("");
}

function sse(text: string): Response {
  return new Response(text, {
    headers: { "content-type": "text/event-stream" },
  });
}

for (
  const [name, mockOptions] of [
    ["one event per read", {}],
    ["chunkSize 1", { chunkSize: 1 }],
    ["chunkSize 3", { chunkSize: 3 }],
    ["chunkSize 7", { chunkSize: 7 }],
    ["chunkSize 7 with CRLF", { chunkSize: 7, crlf: true }],
    ["CRLF", { crlf: true }],
  ] as const
) {
  Deno.test(`stream content is reassembled exactly (${name}, in-process)`, async () => {
    const { client } = inProcess({}, mockOptions);
    const chunks = await collect(
      await client.chat.completions.create(streamBody),
    );
    assertEquals(text(chunks), EXPECTED);
    assertEquals(chunks.at(-1)?.choices[0].finish_reason, "stop");
    assert(chunks.every((c) => c.object === "chat.completion.chunk"));
  });
}

Deno.test("stream content is reassembled exactly over HTTP (chunkSize 1 and 3, CRLF)", async () => {
  for (const mockOptions of [{ chunkSize: 1 }, { chunkSize: 3, crlf: true }]) {
    await using http = await overHTTP({}, mockOptions);
    const stream = await http.client.chat.completions.create(streamBody);
    assertEquals(text(await collect(stream)), EXPECTED);
  }
});

Deno.test("[DONE] ends the stream; anything after it is ignored", async () => {
  const { client } = stubClient([
    () =>
      sse(
        'data: {"n":1}\n\ndata: [DONE]\n\ndata: {"n":2}\n\ndata: not json\n\n',
      ),
  ]);
  const stream = await client.chat.completions.create(streamBody);
  assertEquals(await collect(stream) as unknown, [{ n: 1 }]);
});

Deno.test("a final [DONE] without its blank line still ends the stream cleanly", async () => {
  for (const ending of ["data: [DONE]\n", "data: [DONE]", "data: [DONE]\r"]) {
    const body = 'data: {"n":1}\n\ndata: {"n":2}\n\n' + ending;
    const { client } = stubClient([() => sse(body), () => sse(body)]);
    const stream = await client.chat.completions.create(streamBody);
    assertEquals(await collect(stream) as unknown, [{ n: 1 }, { n: 2 }]);
    // A proxy re-encoding it ends with [DONE] too, instead of erroring.
    const proxied = (await client.chat.completions.create(streamBody))
      .toReadableStream();
    assertEquals(
      await new Response(proxied).text(),
      'data: {"n":1}\n\ndata: {"n":2}\n\ndata: [DONE]\n\n',
    );
  }
});

Deno.test("an unfinished last event other than [DONE] is cut short, not yielded", async () => {
  for (const ending of ['data: {"n":2}\n', 'data: {"n":2}', 'data: {"n"']) {
    const { client } = stubClient([() => sse('data: {"n":1}\n\n' + ending)]);
    const stream = await client.chat.completions.create(streamBody);
    const seen: unknown[] = [];
    const err = await assertRejects(async () => {
      for await (const chunk of stream) seen.push(chunk);
    }, APIConnectionError);
    assert(err.message.includes("cut short"), err.message);
    assertEquals(seen, [{ n: 1 }]);
  }
});

Deno.test("a cut stream throws APIConnectionError and is not retried", async () => {
  await using http = await overHTTP();
  http.mock.fault({ cutAfter: 2 });
  const stream = await http.client.chat.completions.create(streamBody);
  let seen = 0;
  const err = await assertRejects(async () => {
    for await (const _ of stream) seen++;
  }, APIConnectionError);
  assert(err.message.includes("[DONE]"), err.message);
  assertEquals(seen, 2);
  assertEquals(http.mock.requests.length, 1);
});

Deno.test("an error event throws APIError with the error's fields", async () => {
  const { client, mock } = inProcess();
  mock.fault({ errorEventAt: 1 });
  const stream = await client.chat.completions.create(streamBody);
  let seen = 0;
  const err = await assertRejects(async () => {
    for await (const _ of stream) seen++;
  }, APIError) as APIError;
  assertEquals(seen, 1);
  assertEquals(err.status, undefined);
  assert(err.message.includes("failed on purpose"), err.message);
  assert(err.error !== undefined);
});

Deno.test("an `event: error` with a JSON payload throws APIError", async () => {
  const { client } = stubClient([
    () => sse('event: error\ndata: {"message":"overloaded"}\n\n'),
  ]);
  const stream = await client.chat.completions.create(streamBody);
  await assertRejects(() => collect(stream), APIError);
});

Deno.test("malformed JSON throws OpenAIError naming the event", async () => {
  const { client, mock } = inProcess();
  mock.fault({ malformedAt: 1 });
  const stream = await client.chat.completions.create(streamBody);
  const err = await assertRejects(() => collect(stream), OpenAIError);
  assert(!(err instanceof APIError));
  assert(err.message.includes("chat.completion.chunk"), err.message);
  assert(err.cause instanceof SyntaxError);
});

Deno.test("break cancels the HTTP request: a stall-forever stream is released", async () => {
  const http = await overHTTP();
  http.mock.fault({ stallAfter: 1 });
  const stream = await http.client.chat.completions.create(streamBody);
  for await (const _ of stream) break;
  assert(stream.controller.signal.aborted);
  // shutdown waits for open responses: it returns only if the client left.
  const started = Date.now();
  await http[Symbol.asyncDispose]();
  assert(Date.now() - started < 500, "the server saw the connection closed");
});

Deno.test("break cancels the body the client was reading (stub sees cancel)", async () => {
  let cancelled = false;
  let aborted = false;
  const { client } = stubClient([({ init }) => {
    init.signal?.addEventListener("abort", () => aborted = true);
    let i = 0;
    return new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i < 2) {
            controller.enqueue(encoder.encode(`data: {"i":${i++}}\n\n`));
          }
          // then stall forever
        },
        cancel() {
          cancelled = true;
        },
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  }]);
  const stream = await client.chat.completions.create(streamBody);
  for await (const _ of stream) break;
  assert(cancelled, "body cancelled");
  assert(aborted, "request signal aborted");
});

Deno.test("iterating twice gives a clear error", async () => {
  const { client } = inProcess();
  const stream = await client.chat.completions.create(streamBody);
  await collect(stream);
  const err = await assertRejects(() => collect(stream), OpenAIError);
  assert(err.message.includes("already iterated"), err.message);
  assert(err.message.includes("tee()"), err.message);
});

Deno.test("tee(): both branches get everything", async () => {
  const { client } = inProcess({}, { chunkSize: 5 });
  const stream = await client.chat.completions.create(streamBody);
  const [a, b] = stream.tee();
  const [x, y] = await Promise.all([collect(a), collect(b)]);
  assertEquals(text(x), EXPECTED);
  assertEquals(x, y);
  await assertRejects(() => collect(stream), OpenAIError, "already");
});

Deno.test("tee(): one branch read fully, then the other", async () => {
  const { client } = inProcess();
  const [a, b] = (await client.chat.completions.create(streamBody)).tee();
  const first = await collect(a);
  assertEquals(await collect(b), first);
});

Deno.test("toReadableStream() re-emits SSE that fromSSEResponse reads back identically", async () => {
  const { client } = inProcess({}, { chunkSize: 3 });
  const original = await collect(
    await client.chat.completions.create(streamBody),
  );
  const stream = await client.chat.completions.create(streamBody);
  const readable = stream.toReadableStream();
  const back = await collect(
    Stream.fromSSEResponse<ChatCompletionChunk>(new Response(readable)),
  );
  assertEquals(back, original);
  assertEquals(text(back), EXPECTED);
});

Deno.test("toReadableStream() errors when the upstream is cut", async () => {
  const { client, mock } = inProcess();
  mock.fault({ cutAfter: 2 });
  const stream = await client.chat.completions.create(streamBody);
  const response = new Response(stream.toReadableStream());
  await assertRejects(() => response.text(), APIConnectionError);
  const { client: c2, mock: m2 } = inProcess();
  m2.fault({ cutAfter: 2 });
  const proxied = Stream.fromSSEResponse(
    new Response(
      (await c2.chat.completions.create(streamBody)).toReadableStream(),
    ),
  );
  await assertRejects(() => collect(proxied), OpenAIError);
});

Deno.test("cancelling the readable from toReadableStream() cancels the request", async () => {
  const http = await overHTTP();
  http.mock.fault({ stallAfter: 1 });
  const stream = await http.client.chat.completions.create(streamBody);
  const reader = stream.toReadableStream().getReader();
  await reader.read();
  await reader.cancel();
  const started = Date.now();
  await http[Symbol.asyncDispose]();
  assert(Date.now() - started < 500);
});

Deno.test("an abort via the caller's signal mid-stream ends the loop quietly (over HTTP)", async () => {
  await using http = await overHTTP();
  http.mock.fault({ stallAfter: 2 });
  const controller = new AbortController();
  const stream = await http.client.chat.completions.create(streamBody, {
    signal: controller.signal,
  });
  let seen = 0;
  for await (const _ of stream) {
    if (++seen === 2) setTimeout(() => controller.abort(), 5);
  }
  assertEquals(seen, 2);
  assertEquals(http.mock.requests.length, 1);
});

Deno.test("an abort via the caller's signal mid-stream ends the loop quietly (in-process)", async () => {
  const { client, mock } = inProcess();
  mock.fault({ stallAfter: 1 });
  const controller = new AbortController();
  const stream = await client.chat.completions.create(streamBody, {
    signal: controller.signal,
  });
  setTimeout(() => controller.abort(), 10);
  assertEquals((await collect(stream)).length, 1);
});

Deno.test("Stream.fromReadableStream parses multi-line data and ignores comments", async () => {
  const body = new Response(
    ': keep-alive\n\ndata: {"a":\ndata: 1}\n\nevent: ping\ndata: {"b":2}\n\ndata: [DONE]\n\n',
  ).body!;
  assertEquals(await collect(Stream.fromReadableStream(body)), [{ a: 1 }, {
    b: 2,
  }]);
});

Deno.test("a stream request is sent with the key and the stream flag", async () => {
  const { client, mock } = inProcess();
  await collect(await client.chat.completions.create(streamBody));
  assertEquals(mock.requests[0].body, streamBody);
  assertEquals(mock.requests[0].headers.authorization, MASKED_KEY);
});

/**
 * A byte stream of `events`, one per pull, that records the size of the view
 * each pull is asked to fill (0 when the reader brought none).
 */
function byteSource(events: string[]) {
  const views: number[] = [];
  const pending = events.map((event) => encoder.encode(event));
  const body = new ReadableStream({
    type: "bytes",
    pull(controller) {
      const request = controller.byobRequest;
      const view = request?.view;
      views.push(view?.byteLength ?? 0);
      const bytes = pending.shift();
      if (!bytes) {
        controller.close();
        request?.respond(0);
      } else if (view) {
        // What does not fit waits for the next pull.
        const n = Math.min(bytes.byteLength, view.byteLength);
        new Uint8Array(view.buffer, view.byteOffset, n).set(
          bytes.subarray(0, n),
        );
        if (n < bytes.byteLength) pending.unshift(bytes.subarray(n));
        request!.respond(n);
      } else controller.enqueue(bytes);
    },
  });
  return { body, views };
}

Deno.test("a byte-stream body is read into one buffer of the stream's own (BYOB), as fetch bodies are", async () => {
  const events = ['data: {"n":1}\n\n', 'data: {"n":2}\n\n', "data: [DONE]\n\n"];
  const { body, views } = byteSource(events);
  assertEquals(await collect(Stream.fromReadableStream(body)), [
    { n: 1 },
    { n: 2 },
  ]);
  // Every pull had the stream's own 16 KiB view to fill: no fresh buffer per
  // chunk, and no more than that held while a read waits.
  assert(views.length >= events.length, String(views));
  assert(views.every((size) => size === 16384), String(views));
});

Deno.test("tee() of a byte-stream body gives both branches everything", async () => {
  const events = ['data: {"n":1}\n\n', 'data: {"n":2}\n\n', "data: [DONE]\n\n"];
  const [a, b] = Stream.fromReadableStream(byteSource(events).body).tee();
  assertEquals(await Promise.all([collect(a), collect(b)]), [
    [{ n: 1 }, { n: 2 }],
    [{ n: 1 }, { n: 2 }],
  ]);
});

Deno.test("an event larger than the read buffer arrives whole, split over reads", async () => {
  const big = "x".repeat(50_000);
  const { body, views } = byteSource([
    `data: {"big":"${big}"}\n\n`,
    "data: [DONE]\n\n",
  ]);
  assertEquals(await collect(Stream.fromReadableStream(body)), [{ big }]);
  assert(views.length >= 4, String(views));
});
