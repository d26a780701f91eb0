import OpenAI, {
  APIUserAbortError,
  BadRequestError,
  Stream,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import {
  chatBody,
  inWorker,
  json,
  stalledBody,
  stubClient,
} from "./_helpers.ts";

// The transport forwards the caller's abort with one listener per signal
// (src/core/follow.ts), never with AbortSignal.any: a long-lived signal (a
// shutdown signal shared by every call) must not collect a listener or a
// dependent signal per call (Node 20 keeps every dependent for the source's
// whole life). Each test fails if AbortSignal.any is called.

function withoutAny<T>(run: () => Promise<T>): Promise<T> {
  const any = AbortSignal.any;
  AbortSignal.any = () => {
    throw new Error("AbortSignal.any called");
  };
  return run().finally(() => AbortSignal.any = any);
}

// A signal that counts the listeners attached to it (a listener removed
// twice, or never added, counts once or not at all).
function countedSignal() {
  const controller = new AbortController();
  const signal = controller.signal;
  const attached = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (...args: Parameters<typeof add>) => {
    attached.add(args[1]);
    add(...args);
  };
  signal.removeEventListener = (...args: Parameters<typeof remove>) => {
    attached.delete(args[1]);
    remove(...args);
  };
  return { controller, signal, live: () => attached.size };
}

// A stub fetch that keeps each request's signal only weakly (the shared
// helper's call log keeps them all): `alive()` counts those not collected.
function weakStub(answer: (n: number) => Response) {
  const signals: WeakRef<AbortSignal>[] = [];
  const fetch = (_input: unknown, init?: RequestInit) => {
    signals.push(new WeakRef(init!.signal!));
    return Promise.resolve(answer(signals.length));
  };
  const alive = () => signals.filter((ref) => ref.deref()).length;
  return { fetch, alive };
}

// Collects garbage and lets finalization callbacks run (the test task runs
// with --expose-gc).
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  assert(gc, "run with --v8-flags=--expose-gc");
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const encoder = new TextEncoder();
const SSE = 'data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n' +
  "data: [DONE]\n\n";

Deno.test("a shared signal: finished calls leave one listener on it, and it keeps none of them", async () => {
  const { signal, live } = countedSignal();
  const { fetch, alive } = weakStub((n) => {
    // A retried 500, then a 400, then a success, then a stream.
    if (n === 1) return json({ error: { message: "x" } }, 500);
    if (n === 2) return json({ error: { message: "bad" } }, 400);
    if (n === 3) return json({ object: "list", data: [] });
    return new Response(SSE, {
      headers: { "content-type": "text/event-stream" },
    });
  });
  const { client } = stubClient([], { fetch });
  await withoutAny(async () => {
    await assertRejects(
      () => client.models.list({ signal }),
      BadRequestError,
    );
    await client.models.list({ signal });
    const stream = await client.chat.completions.create(
      { ...chatBody, stream: true },
      { signal },
    );
    for await (const _ of stream) { /* drain */ }
  });
  assertEquals(live(), 1);
  // Nothing of the four requests is held by the signal: their own signals
  // (and the controllers behind them) are collected.
  await collectGarbage();
  assertEquals(alive(), 0);
});

Deno.test("a shared signal: a Response handed over unread is followed only while it lives", async () => {
  const { signal, live } = countedSignal();
  const { fetch, alive } = weakStub(() => json({ object: "list", data: [] }));
  const { client } = stubClient([], { fetch });
  await withoutAny(async () => {
    // asResponse(), files.content() awaited, and calls never awaited.
    for (let i = 0; i < 10; i++) {
      await (await client.models.list({ signal }).asResponse()).body?.cancel();
      await (await client.files.content("file-1", { signal })).body?.cancel();
      const { response } = await client.models.list({ signal }).withResponse();
      assertEquals(response.status, 200);
      await client.models.list({ signal }).asResponse();
    }
  });
  // The 30 handed-over bodies are gone: so is what followed the signal for
  // them.
  await collectGarbage();
  assertEquals(alive(), 0);
  assertEquals(live(), 1);
});

Deno.test("a shared signal: the caller's abort still reaches a body handed over unread", async () => {
  const { controller, signal } = countedSignal();
  const { client } = stubClient([
    ({ init }) => new Response(stalledBody(init.signal, "partial")),
  ], { maxRetries: 0 });
  await withoutAny(async () => {
    const response = await client.files.content("file-1", { signal });
    setTimeout(() => controller.abort(new Error("caller left")), 10);
    await assertRejects(() => response.text(), Error, "caller left");
  });
});

Deno.test("a shared signal: an abort still reaches a body read after a pause", async () => {
  const { controller, signal, live } = countedSignal();
  const { client } = stubClient([
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"object":"li'), {
        headers: { "content-type": "application/json" },
      }),
  ], { maxRetries: 0, timeout: 2_000 }); // without the abort, only this ends the read
  await withoutAny(async () => {
    const pending = client.models.list({ signal });
    // Headers arrive before anyone awaits: the call pauses, then resumes.
    await pending.asResponse();
    setTimeout(() => controller.abort(), 10);
    await assertRejects(() => pending, APIUserAbortError);
  });
  assertEquals(live(), 1);
});

Deno.test("a shared signal: the abort reaches a handed-over body kept without its Response", async () => {
  const { controller, signal } = countedSignal();
  const { client } = stubClient([
    ({ init }) => new Response(stalledBody(init.signal, "partial")),
  ], { maxRetries: 0 });
  await withoutAny(async () => {
    // Only the body is kept: the Response itself may be collected.
    const reader = (await client.files.content("file-1", { signal })).body!
      .getReader();
    await reader.read();
    await collectGarbage();
    setTimeout(() => controller.abort(new Error("caller left")), 10);
    await assertRejects(() => reader.read(), Error, "caller left");
  });
});

Deno.test("a shared signal: the caller's abort still reaches a pending call", async () => {
  const { controller, signal, live } = countedSignal();
  const { client } = stubClient([
    (call) =>
      new Promise((_, reject) =>
        call.init.signal?.addEventListener(
          "abort",
          () => reject(call.init.signal?.reason),
        )
      ),
  ], { maxRetries: 0 });
  await withoutAny(async () => {
    const pending = client.models.list({ signal });
    setTimeout(() => controller.abort(), 10);
    await assertRejects(() => pending, APIUserAbortError);
  });
  assertEquals(live(), 1);
});

Deno.test("a shared signal: concurrent calls and streams hold one listener on it, and its abort reaches every one", async () => {
  const { controller, signal, live } = countedSignal();
  const { client } = stubClient([
    ({ url, init }) =>
      url.includes("/chat/")
        ? new Response(stalledBody(init.signal, SSE.slice(0, 60)), {
          headers: { "content-type": "text/event-stream" },
        })
        : new Response(stalledBody(init.signal, '{"object":"li'), {
          headers: { "content-type": "application/json" },
        }),
  ], { maxRetries: 0 });
  await withoutAny(async () => {
    // Twenty calls waiting for their bodies, twenty streams waiting for
    // their next event: Node warns from eleven listeners on one signal.
    const calls = Array.from(
      { length: 20 },
      () => client.models.list({ signal }).then(() => "resolved", (err) => err),
    );
    const streams = await Promise.all(
      Array.from(
        { length: 20 },
        () =>
          client.chat.completions.create({ ...chatBody, stream: true }, {
            signal,
          }),
      ),
    );
    const loops = streams.map(async (stream) => {
      let chunks = 0;
      for await (const _ of stream) chunks++;
      return chunks;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assertEquals(live(), 1);
    controller.abort();
    for (const err of await Promise.all(calls)) {
      assert(err instanceof APIUserAbortError, String(err));
    }
    // Each loop ends quietly, like break, after the one complete event.
    assertEquals(await Promise.all(loops), Array(20).fill(1));
  });
  assertEquals(live(), 1);
});

Deno.test("a shared signal: concurrent uploads and retry waits hold one listener on it too", async () => {
  const { signal, live } = countedSignal();
  let calls = 0;
  const { client } = stubClient([() =>
    // The twelve first attempts are refused with a 429 asking for a 50 ms
    // wait; the retries pass.
    ++calls <= 12
      ? json({ error: { message: "slow down" } }, 429, {
        "retry-after-ms": "50",
      })
      : json({ id: "file-1", object: "file" })]);
  await withoutAny(async () => {
    const uploads = Array.from({ length: 12 }, () =>
      client.files.create({
        file: new File(["{}\n"], "a.jsonl"),
        purpose: "fine-tune",
      }, { signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // All twelve wait out their 429 now: Node warns from eleven listeners.
    const waiting = live();
    await Promise.all(uploads);
    assertEquals(waiting, 1);
  });
  assertEquals(calls, 24);
  assertEquals(live(), 1);
});

Deno.test("the caller's abort closes a stream nobody has iterated yet", async () => {
  let closed = false;
  // Stopped without grace at the end, so that a failure cannot hang on the
  // open connection.
  const stop = new AbortController();
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, signal: stop.signal, onListen() {} },
    () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(SSE.slice(0, 59)));
          },
          cancel() {
            closed = true;
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
  );
  try {
    const controller = new AbortController();
    const client = new OpenAI({
      apiKey: "sk-test",
      baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
    });
    const stream = await client.chat.completions.create(
      { ...chatBody, stream: true },
      { signal: controller.signal },
    );
    controller.abort();
    for (let i = 0; i < 100 && !closed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert(closed, "the connection stayed open");
    // Iterated afterwards, it ends quietly, as after any abort.
    for await (const _ of stream) throw new Error("a chunk after the abort");
  } finally {
    stop.abort();
    await server.finished;
  }
});

// Cloudflare Workers have no FinalizationRegistry: nothing tells the client
// when a body is collected. A stream read to its end must still leave nothing
// on a long-lived signal (a Durable Object's, say). Runs in a fresh Worker
// (its own module graph) with the registry removed before mod.ts loads.
const NO_REGISTRY = `
delete globalThis.FinalizationRegistry;
const { default: OpenAI } = await import(${
  JSON.stringify(new URL("../../mod.ts", import.meta.url).href)
});
const SSE = ${JSON.stringify(SSE)};
const signals = [];
const client = new OpenAI({
  apiKey: "sk-test",
  baseURL: "http://stub.local/v1",
  fetch: (_input, init) => {
    signals.push(new WeakRef(init.signal));
    return Promise.resolve(new Response(SSE, {
      headers: { "content-type": "text/event-stream" },
    }));
  },
});
const shared = new AbortController().signal;
for (let i = 0; i < 50; i++) {
  const stream = await client.chat.completions.create(
    { model: "gpt-4", messages: [], stream: true },
    { signal: shared },
  );
  for await (const _ of stream) { /* read to [DONE] */ }
}
for (let i = 0; i < 5; i++) {
  globalThis.gc();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
postMessage(signals.filter((ref) => ref.deref()).length);
`;

Deno.test("without FinalizationRegistry (Workers), streams read to the end leave nothing on a shared signal", async () => {
  const alive = await inWorker(NO_REGISTRY) as number;
  // None of the 50 requests is kept for the signal's life (before the fix,
  // all 50 were); the last may still be held by the loop's own frame.
  assert(alive <= 1, `${alive} of 50 requests kept`);
});

Deno.test("the caller's abort still cancels the request when a tee() branch is read and its sibling is not", async () => {
  const { controller, signal } = countedSignal();
  let fetchSignal: AbortSignal | undefined;
  const { client } = stubClient([({ init }) => {
    fetchSignal = init.signal ?? undefined;
    return new Response(stalledBody(init.signal, SSE.slice(0, 59)), {
      headers: { "content-type": "text/event-stream" },
    });
  }]);
  const stream = await client.chat.completions.create(
    { ...chatBody, stream: true },
    { signal },
  );
  const [a, _b] = stream.tee();
  for await (const _ of a) {
    controller.abort();
  }
  assert(fetchSignal?.aborted, "the request was left open for the branch");
});

Deno.test("without FinalizationRegistry (Workers), tee() branches read to the end leave nothing on a shared signal", async () => {
  const alive = await inWorker(
    NO_REGISTRY.replace(
      "for await (const _ of stream)",
      "const [a, b] = stream.tee();\n  for await (const _ of b) { /* read */ }\n  for await (const _ of a)",
    ),
  ) as number;
  assert(alive <= 1, `${alive} of 50 requests kept`);
});

Deno.test("a tee() branch dropped unread is cancelled once collected, so the source is not held for ever", async () => {
  let cancelled = false;
  let pulls = 0;
  const event = encoder.encode(SSE.slice(0, 59));
  // An endless source: only a cancel ends it.
  const source = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(event);
    },
    cancel() {
      cancelled = true;
    },
  });
  await (async () => {
    const [a] = Stream.fromReadableStream(source).tee();
    for await (const _ of a) break;
  })();
  await collectGarbage();
  assert(cancelled, "the source is still held for the dropped branch");
  // Nothing more is read for it.
  const seen = pulls;
  await new Promise((resolve) => setTimeout(resolve, 10));
  assertEquals(pulls, seen);
});

Deno.test("tee() branches handed on as toReadableStream() and then dropped still deliver everything", async () => {
  const source = new Response(SSE.replace("data: [DONE]\n\n", "") + SSE)
    .body!;
  const [ra, rb] = (() => {
    const [a, b] = Stream.fromReadableStream(source).tee();
    return [a.toReadableStream(), b.toReadableStream()];
  })();
  await collectGarbage();
  const [ta, tb] = await Promise.all(
    [ra, rb].map((r) => new Response(r).text()),
  );
  assertEquals(ta, tb);
  assertEquals(ta.match(/"hi"/g)?.length, 2);
  assert(ta.endsWith("data: [DONE]\n\n"), ta);
});

Deno.test("a stream returned as toReadableStream() and stopped by the caller's signal is not kept", async () => {
  // The edge proxy: `new Response(stream.toReadableStream())` with the
  // request's signal, and the client goes away mid-stream.
  // Not stubClient: its call log would keep every request's signal.
  const client = new OpenAI({
    apiKey: "sk-test",
    fetch: () =>
      Promise.resolve(
        new Response(SSE.slice(0, 59).repeat(50), {
          headers: { "content-type": "text/event-stream" },
        }),
      ),
  });
  const refs: WeakRef<object>[] = [];
  for (let i = 0; i < 10; i++) {
    await (async () => {
      const controller = new AbortController();
      const stream = await client.chat.completions.create(
        { ...chatBody, stream: true },
        { signal: controller.signal },
      );
      refs.push(new WeakRef(stream), new WeakRef(controller.signal));
      const reader = stream.toReadableStream().getReader();
      await reader.read();
      controller.abort();
      await reader.read().catch(() => {});
    })();
  }
  await collectGarbage();
  const kept = refs.filter((ref) => ref.deref()).length;
  assertEquals(kept, 0, `${kept} of 20 streams and signals kept`);
});

Deno.test("a stream's iterator dropped mid-stream (no return()) leaves nothing on a long-lived signal", async () => {
  // A shutdown signal shared by every call, and streams read for one chunk
  // and then dropped, as a consumer that goes away without return() does.
  const shared = new AbortController();
  const bodies: WeakRef<object>[] = [];
  const client = new OpenAI({
    apiKey: "sk-test",
    fetch: () => {
      const response = new Response(SSE.slice(0, 59).repeat(50), {
        headers: { "content-type": "text/event-stream" },
      });
      bodies.push(new WeakRef(response.body!));
      return Promise.resolve(response);
    },
  });
  for (let i = 0; i < 10; i++) {
    await (async () => {
      const stream = await client.chat.completions.create(
        { ...chatBody, stream: true },
        { signal: shared.signal },
      );
      await stream[Symbol.asyncIterator]().next();
    })();
  }
  await collectGarbage();
  const kept = bodies.filter((ref) => ref.deref()).length;
  assertEquals(kept, 0, `${kept} of 10 bodies kept`);
});

Deno.test("a read waiting on a body only its reader keeps still ends by the idle timeout or an abort, after a collection", async () => {
  // A stream built in memory that stalls after one event: nothing but the
  // reader keeps it, so the timers and aborts must hold the reader while a
  // read waits (they hold it weakly otherwise).
  const encoder = new TextEncoder();
  const stalled = () =>
    Promise.resolve(
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(encoder.encode(SSE.slice(0, 59)));
          },
          pull: () => new Promise(() => {}),
        }),
        { headers: { "content-type": "text/event-stream" } },
      ),
    );
  const client = new OpenAI({
    apiKey: "sk-test",
    fetch: stalled,
    timeout: 200,
    maxRetries: 0,
  });
  const gc = (globalThis as { gc?: () => void }).gc!;
  const ended = async (stop?: (s: Stream<unknown>) => void) => {
    const stream = await client.chat.completions.create({
      ...chatBody,
      stream: true,
    });
    setTimeout(() => {
      gc();
      stop?.(stream as Stream<unknown>);
    }, 50);
    try {
      for await (const _ of stream) { /* one event, then a stall */ }
      return "ended quietly";
    } catch (error) {
      return (error as Error).name;
    }
  };
  let guard: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((resolve) => {
    guard = setTimeout(resolve, 3_000, "still waiting");
  });
  const results = await Promise.race([
    Promise.all([ended(), ended((s) => s.controller.abort())]),
    late,
  ]);
  clearTimeout(guard);
  assertEquals(results, ["APIConnectionTimeoutError", "ended quietly"]);
});
