import { assert, assertEquals } from "../_assert.ts";
import { sseResponse } from "../../src/testing/sse.ts";
import {
  chat,
  decodeChunks,
  KINDS,
  parseEvents,
  post,
  readChunks,
  readEvents,
  withTarget,
} from "./_helpers.ts";

// Multi-byte characters, so small chunk sizes split inside them.
const SAID = "héllo wörld — ✓ 🎉 ok";

async function streamed(
  options: { chunkSize?: number; crlf?: boolean },
  kind: "http" | "local",
) {
  let result:
    | { events: string[]; chunks: Uint8Array[]; text: string }
    | undefined;
  await withTarget(kind, options, async (t) => {
    const res = await post(
      t,
      "/chat/completions",
      chat(SAID, { stream: true }),
    );
    assertEquals(res.headers.get("content-type"), "text/event-stream");
    const chunks = await readChunks(res);
    const text = decodeChunks(chunks);
    result = { events: parseEvents(text), chunks, text };
  });
  return result!;
}

Deno.test("chat stream deltas rebuild the reply and end with [DONE]", async () => {
  const { events } = await streamed({}, "local");
  assertEquals(events.at(-1), "[DONE]");
  const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
  assertEquals(chunks[0].object, "chat.completion.chunk");
  assertEquals(chunks[0].choices[0].delta.role, "assistant");
  const content = chunks.map((c) => c.choices[0].delta.content ?? "").join("");
  assertEquals(content, `Echo: ${SAID}`);
  assertEquals(chunks.at(-1).choices[0], {
    index: 0,
    delta: {},
    finish_reason: "stop",
  });
  assert(chunks.length > 5, "the reply is split into several pieces");
});

for (const kind of KINDS) {
  Deno.test(`${kind}: chunkSize 1/3/7 and crlf give the same events`, async () => {
    const plain = await streamed({}, kind);
    for (const chunkSize of [1, 3, 7]) {
      for (const crlf of [false, true]) {
        const got = await streamed({ chunkSize, crlf }, kind);
        assertEquals(got.events, plain.events, `chunkSize ${chunkSize}`);
        assertEquals(got.text.includes("\r\n"), crlf);
        if (crlf) assert(!/[^\r]\n/.test(got.text), "no bare LF");
        // HTTP may merge writes, so exact sizes are checked in-process only.
        if (kind === "local") {
          const sizes = got.chunks.map((c) => c.length);
          assert(sizes.slice(0, -1).every((s) => s === chunkSize));
          assert(sizes.at(-1)! <= chunkSize);
        }
      }
    }
  });

  Deno.test(`${kind}: x-mock-stream-chunks sets the number of content chunks`, () =>
    withTarget(kind, undefined, async (t) => {
      for (const count of [0, 1, 3, 20_000]) {
        const res = await post(
          t,
          "/chat/completions",
          chat("a b", {
            stream: true,
          }),
          { "x-mock-stream-chunks": String(count) },
        );
        const events = await readEvents(res);
        assertEquals(events.length, count + 2);
        assertEquals(events.at(-1), "[DONE]");
        assertEquals(
          JSON.parse(events.at(-2)!).choices[0].finish_reason,
          "stop",
        );
      }
    }));
}

Deno.test("x-mock-chunk-size overrides chunkSize per request", () =>
  withTarget("local", { chunkSize: 100 }, async (t) => {
    const res = await post(
      t,
      "/chat/completions",
      chat("hi", { stream: true }),
      {
        "x-mock-chunk-size": "2",
      },
    );
    const chunks = await readChunks(res);
    assertEquals(chunks[0].length, 2);
    const bad = await post(
      t,
      "/chat/completions",
      chat("hi", { stream: true }),
      {
        "x-mock-chunk-size": "many",
      },
    );
    assertEquals(bad.status, 400);
    await bad.body?.cancel();
  }));

Deno.test("completion stream and n choices", () =>
  withTarget("local", undefined, async (t) => {
    const res = await post(t, "/completions", {
      model: "text-davinci-003",
      prompt: "say this",
      n: 2,
      stream: true,
    });
    const events = await readEvents(res);
    assertEquals(events.at(-1), "[DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    const texts = ["", ""];
    for (const chunk of chunks) {
      assertEquals(chunk.object, "text_completion");
      for (const c of chunk.choices) texts[c.index] += c.text;
    }
    assertEquals(texts, ["Echo: say this", "Echo: say this"]);
    assertEquals(
      chunks.at(-1).choices.map((c: { finish_reason: string }) =>
        c.finish_reason
      ),
      ["stop", "stop"],
    );
  }));

Deno.test("chat stream of a forced function call", () =>
  withTarget("local", undefined, async (t) => {
    const res = await post(
      t,
      "/chat/completions",
      chat("x", {
        stream: true,
        functions: [{ name: "f", parameters: {} }],
        function_call: { name: "f" },
      }),
    );
    const chunks = (await readEvents(res)).slice(0, -1).map((e) =>
      JSON.parse(e)
    );
    const deltas = chunks.map((c) => c.choices[0].delta);
    assertEquals(deltas[0].function_call, { name: "f", arguments: "" });
    assertEquals(deltas[1].function_call, { arguments: "{}" });
    assertEquals(chunks.at(-1).choices[0].finish_reason, "function_call");
  }));

Deno.test("cancelling the body stops generating events", async () => {
  let made = 0;
  let stopped = false;
  function* events() {
    try {
      for (;;) yield { n: made++ };
    } finally {
      stopped = true;
    }
  }
  const res = sseResponse(events());
  const reader = res.body!.getReader();
  await reader.read();
  await reader.read();
  await reader.cancel();
  assert(stopped);
  assert(made <= 3, `made ${made} events`);
});

Deno.test("string events with line breaks become several data lines", async () => {
  const res = sseResponse(["a\nb", { x: 1 }], false, { crlf: true });
  assertEquals(
    await res.text(),
    'data: a\r\ndata: b\r\n\r\ndata: {"x":1}\r\n\r\n',
  );
});
