// What a client sees when the served mock closes under it: a cut connection,
// never a body that looks complete.
import { serveMock } from "../../testing.ts";
import { assert, assertRejects, within } from "../_assert.ts";
import { AUTH, chat } from "./_helpers.ts";

Deno.test("closing the served mock errors a stream still being read, so it never looks complete", async () => {
  const server = await serveMock();
  server.mock.fault({ stallAfter: 1 });
  const res = await fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: AUTH,
    body: JSON.stringify(chat("a b c", { stream: true })),
  });
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert(!first.done && first.value.length > 0, "the first event arrived");
  const closing = server.close();
  // Before the fix the read resolved { done: true }: a clean end.
  await assertRejects(async () => {
    for (;;) if ((await reader.read()).done) return;
  }, TypeError);
  await within(2_000, closing);
});

Deno.test("closing the served mock does not wait for a request body still being uploaded", async () => {
  const server = await serveMock();
  // A body that sends one piece and then nothing: an upload in progress.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"model":'));
    },
  });
  const sent = fetch(`${server.url}/chat/completions`, {
    method: "POST",
    headers: AUTH,
    body,
    duplex: "half",
  } as RequestInit);
  // The request has arrived once it is recorded.
  while (server.mock.requests.length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await within(2_000, server.close());
  await assertRejects(() => sent, TypeError);
});

Deno.test("closing the served mock ends a delayed answer's wait (no timer left for the sanitizer)", async () => {
  const server = await serveMock();
  server.mock.fault({ delayMs: 60_000 });
  const sent = fetch(`${server.url}/models`, { headers: AUTH });
  while (server.mock.requests.length === 0) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await within(2_000, server.close());
  await assertRejects(() => sent, TypeError);
});
