import { APIUserAbortError, BadRequestError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { chatBody, json, stalledBody, stubClient } from "./_helpers.ts";

// Where AbortSignal.any is missing (Vercel's edge-runtime), the transport
// forwards the caller's abort with a listener. A long-lived signal (a
// shutdown signal shared by every call) must not collect one per call.

function withoutAny<T>(run: () => Promise<T>): Promise<T> {
  const any = AbortSignal.any;
  // deno-lint-ignore no-explicit-any
  (AbortSignal as any).any = undefined;
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

const SSE = 'data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}\n\n' +
  "data: [DONE]\n\n";

Deno.test("without AbortSignal.any, finished calls leave no listener on the caller's signal", async () => {
  const { signal, live } = countedSignal();
  let calls = 0;
  const { client } = stubClient([
    () => {
      calls++;
      // A retried 500, then a 400, then a success, then a stream.
      if (calls === 1) return json({ error: { message: "x" } }, 500);
      if (calls === 2) return json({ error: { message: "bad" } }, 400);
      if (calls === 3) return json({ object: "list", data: [] });
      return new Response(SSE, {
        headers: { "content-type": "text/event-stream" },
      });
    },
  ]);
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
  assertEquals(calls, 4);
  assertEquals(live(), 0);
});

Deno.test("without AbortSignal.any, a Response handed over unread keeps its listener only while it lives", async () => {
  const { signal, live } = countedSignal();
  const answer = () => json({ object: "list", data: [] });
  const { client } = stubClient(Array(40).fill(answer));
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
  // The 30 handed-over bodies are gone: so are their listeners.
  await collectGarbage();
  assertEquals(live(), 0);
});

Deno.test("without AbortSignal.any, the caller's abort still reaches a body handed over unread", async () => {
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

Deno.test("without AbortSignal.any, an abort still reaches a body read after a pause", async () => {
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
  assertEquals(live(), 0);
});

Deno.test("without AbortSignal.any, the abort reaches a handed-over body kept without its Response", async () => {
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

Deno.test("without AbortSignal.any, the caller's abort still reaches a pending call", async () => {
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
  assert(live() === 0, `listeners left: ${live()}`);
});
