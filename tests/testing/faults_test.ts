import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import { MockOpenAI } from "../../testing.ts";
import {
  AUTH,
  chat,
  KINDS,
  post,
  readEvents,
  type Target,
  withTarget,
} from "./_helpers.ts";

const stream = (t: Target, signal?: AbortSignal) =>
  post(t, "/chat/completions", chat("a b c d e", { stream: true }), {}, signal);

// Resolves to "pending" if `promise` has not settled after `ms`.
async function stillPending(promise: Promise<unknown>, ms = 50) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise((resolve) =>
    timer = setTimeout(() => resolve("pending"), ms)
  );
  const result = await Promise.race([
    promise.then(() => "settled", () => "settled"),
    timeout,
  ]);
  clearTimeout(timer);
  return result === "pending";
}

for (const kind of KINDS) {
  Deno.test(`${kind}: status faults use OpenAI errors, match and count`, () =>
    withTarget(kind, undefined, async (t) => {
      t.mock.fault({
        match: { method: "get", path: "/models/{model}" },
        times: 2,
        status: 429,
        headers: { "retry-after": "1" },
      });
      t.mock.fault({ match: { path: /^\/completions$/ }, status: 503 });
      t.mock.fault({ match: { path: "/models" }, body: { custom: true } });
      const get = (path: string) =>
        t.fetch(`${t.url}${path}`, { headers: AUTH });

      const listed = await get("/models");
      assertEquals(await listed.json(), { custom: true });
      for (let i = 0; i < 2; i++) {
        const limited = await get("/models/gpt-4");
        assertEquals(limited.status, 429);
        assertEquals(limited.headers.get("retry-after"), "1");
        assertEquals((await limited.json()).error.code, "rate_limit_exceeded");
      }
      const ok = await get("/models/gpt-4");
      assertEquals(ok.status, 200);
      await ok.body?.cancel();
      const down = await post(t, "/completions", {
        model: "text-davinci-003",
        prompt: "p",
      });
      assertEquals(down.status, 503);
      assertEquals((await down.json()).error.type, "server_error");
    }));

  Deno.test(`${kind}: delayMs waits, and ends early when the client aborts`, () =>
    withTarget(kind, undefined, async (t) => {
      t.mock.fault({ delayMs: 40 });
      const start = performance.now();
      const slow = await t.fetch(`${t.url}/models`, { headers: AUTH });
      assert(performance.now() - start >= 35);
      await slow.body?.cancel();

      t.mock.fault({ delayMs: 60_000 });
      const controller = new AbortController();
      const pending = t.fetch(`${t.url}/models`, {
        headers: AUTH,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 20);
      const error = await assertRejects(() => pending);
      assertEquals(error.name, "AbortError");
    }));

  Deno.test(`${kind}: cutAfter ends the body without [DONE]`, () =>
    withTarget(kind, undefined, async (t) => {
      t.mock.fault({ cutAfter: 2 });
      const events = await readEvents(await stream(t));
      assertEquals(events.length, 2);
      assert(!events.includes("[DONE]"));
    }));

  Deno.test(`${kind}: malformedAt, errorEventAt and oversizedAt`, () =>
    withTarget(kind, undefined, async (t) => {
      t.mock.fault({ malformedAt: 1 });
      const malformed = await readEvents(await stream(t));
      JSON.parse(malformed[0]);
      assertThrows(() => JSON.parse(malformed[1]), SyntaxError);
      assertEquals(malformed.at(-1), "[DONE]");

      t.mock.fault({ errorEventAt: 2 });
      const failed = await readEvents(await stream(t));
      assertEquals(failed.length, 3);
      assertEquals(JSON.parse(failed[2]).error.type, "server_error");

      const plain = await readEvents(await stream(t));
      t.mock.fault({ oversizedAt: { index: 1, bytes: 70_000 } });
      const big = await readEvents(await stream(t));
      assertEquals(new TextEncoder().encode(big[1]).length, 70_000);
      const { x_padding: _, ...rest } = JSON.parse(big[1]);
      assertEquals(rest, JSON.parse(plain[1]));
    }));

  Deno.test(`${kind}: stallAfter sends events then nothing until cancelled`, () =>
    withTarget(kind, { chunkSize: 5 }, async (t) => {
      t.mock.fault({ stallAfter: 2 });
      const res = await stream(t);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = "";
      while ((text.match(/\n\n/g) ?? []).length < 2) {
        text += (await reader.read()).value;
      }
      assertEquals(text.split("\n\n").length, 3);
      assert(await stillPending(reader.read()));
      await reader.cancel();
    }));
}

Deno.test("local: aborting a stalled stream errors the body", () =>
  withTarget("local", undefined, async (t) => {
    t.mock.fault({ stallAfter: 1 });
    const controller = new AbortController();
    const res = await stream(t, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    const next = reader.read();
    controller.abort();
    const error = await assertRejects(() => next);
    assertEquals(error.name, "AbortError");
  }));

Deno.test("stallAfter past the end stalls after [DONE]", () =>
  withTarget("local", undefined, async (t) => {
    t.mock.fault({ stallAfter: 1000 });
    const reader = (await stream(t)).body!.pipeThrough(new TextDecoderStream())
      .getReader();
    let text = "";
    while (!text.includes("[DONE]")) text += (await reader.read()).value;
    assert(await stillPending(reader.read()));
    await reader.cancel();
  }));

Deno.test("invalid faults and options are rejected", () => {
  const mock = new MockOpenAI();
  assertThrows(() => mock.fault({ times: 0 }), RangeError, "times");
  assertThrows(() => mock.fault({ cutAfter: -1 }), RangeError, "cutAfter");
  assertThrows(() => mock.fault({ status: 99 }), RangeError, "99");
  assertThrows(() => new MockOpenAI({ chunkSize: 0 }), RangeError, "chunkSize");
});

Deno.test("reset drops queued faults", () =>
  withTarget("local", undefined, async (t) => {
    t.mock.fault({ status: 500 });
    t.mock.reset();
    const res = await t.fetch(`${t.url}/models`, { headers: AUTH });
    assertEquals(res.status, 200);
    await res.body?.cancel();
  }));
