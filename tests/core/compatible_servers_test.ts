// What OpenAI-compatible servers and gateways (OpenRouter, vLLM, Mistral,
// Gemini's compatibility endpoint, llama.cpp, relays) send that api.openai.com
// does not: their errors must reach the caller with what they say, and their
// harmless variations must not break a stream.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  BadRequestError,
  OpenAIError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { chatBody, json, stubClient } from "./_helpers.ts";

const streamBody = { ...chatBody, stream: true as const };
const chunk = (content: string) =>
  JSON.stringify({
    object: "chat.completion.chunk",
    choices: [{ delta: { content } }],
  });

function sse(text: string): () => Response {
  return () =>
    new Response(text, { headers: { "content-type": "text/event-stream" } });
}

async function read(answer: () => Response): Promise<string[]> {
  const { client } = stubClient([answer], { maxRetries: 0 });
  const out: string[] = [];
  const stream = await client.chat.completions.create(streamBody);
  for await (const c of stream) out.push(c.choices[0].delta.content ?? "");
  return out;
}

Deno.test("an error in a last event without its blank line is thrown as that APIError, not as a cut", async () => {
  const error = '{"error":{"message":"context length exceeded","code":"ctx"}}';
  for (const end of ["", "\n", "\r\n"]) {
    const seen: string[] = [];
    const err = await assertRejects(
      async () => {
        const { client } = stubClient([
          sse(`data: ${chunk("Hel")}\n\ndata: ${error}${end}`),
        ]);
        for await (
          const c of await client.chat.completions.create(streamBody)
        ) {
          seen.push(c.choices[0].delta.content!);
        }
      },
      APIError,
    ) as APIError;
    assertEquals(err.constructor, APIError, JSON.stringify(end));
    assertEquals(err.message, "context length exceeded");
    assertEquals(err.code, "ctx");
    assertEquals(seen, ["Hel"]);
  }
});

Deno.test("a stream cut inside an event, or after a whole one, is still a cut", async () => {
  for (
    const text of [
      `data: ${chunk("Hel")}\n\ndata: {"choices":[{"delta":{"con`,
      `data: ${chunk("Hel")}\n\ndata: ${chunk("lo")}`,
      `data: ${chunk("Hel")}\n\n`,
      `data: {"error":`,
    ]
  ) {
    const err = await assertRejects(() => read(sse(text)), APIConnectionError);
    assertEquals(
      err.message,
      "Stream ended before [DONE]: the response was cut short",
      text,
    );
  }
});

Deno.test("a falsy error field in an ordinary chunk is no error", async () => {
  for (const value of ['""', "false", "null", "0"]) {
    const event = JSON.stringify({ choices: [{ delta: { content: "Hi" } }] })
      .replace("{", `{"error":${value},`);
    assertEquals(
      await read(sse(`data: ${event}\n\ndata: [DONE]\n\n`)),
      ["Hi"],
      value,
    );
  }
  // A string one is an error, as an object one is.
  const err = await assertRejects(
    () => read(sse('data: {"error":"upstream failed"}\n\ndata: [DONE]\n\n')),
    APIError,
  );
  assertEquals(err.message, "upstream failed");
});

Deno.test("events without data (a relay's `data:` keepalives) are skipped", async () => {
  const text = `data:\n\ndata: \n\ndata: ${chunk("Hel")}\n\ndata:\r\n\r\n` +
    `data: ${chunk("lo")}\n\ndata: [DONE]\n\n`;
  assertEquals(await read(sse(text)), ["Hel", "lo"]);
  // An error event without data is still an error, however bare.
  const bare = await assertRejects(
    () =>
      read(
        sse(`data: ${chunk("Hel")}\n\nevent: error\ndata:\n\ndata: [DONE]\n\n`),
      ),
    APIError,
  );
  assertEquals([bare.constructor, bare.message], [APIError, "Stream error"]);
  // Data that is there but not JSON is still refused.
  await assertRejects(
    () => read(sse("data: \t\n\ndata: [DONE]\n\n")),
    OpenAIError,
    "Could not parse stream event as JSON",
  );
});

Deno.test("a non-streamed 200 that holds only an error is thrown as that APIError, not returned", async () => {
  const { client, calls } = stubClient([() =>
    json(
      {
        error: {
          message: "Rate limit exceeded: free-models-per-day",
          code: 429,
        },
        user_id: "user_1",
      },
      200,
      { "x-request-id": "req_9" },
    )]);
  const err = await assertRejects(
    () => client.chat.completions.create(chatBody),
    APIError,
  ) as APIError;
  assertEquals(err.constructor, APIError);
  assertEquals(err.message, "Rate limit exceeded: free-models-per-day");
  assertEquals(err.code, 429 as unknown as string);
  assertEquals(err.requestID, "req_9");
  assertEquals(calls.length, 1, "not retried");
  // A string error too.
  const { client: other } = stubClient([() => json({ error: "overloaded" })]);
  await assertRejects(() => other.models.list(), APIError, "overloaded");
});

Deno.test("an API object that has an error field of its own is returned as it is", async () => {
  const job = {
    object: "fine_tuning.job",
    id: "ftjob-1",
    status: "failed",
    error: { code: "invalid_training_file", message: "bad file", param: null },
  };
  const { client } = stubClient([() => json(job)]);
  const got = await client.fineTuning.jobs.retrieve("ftjob-1");
  assertEquals(got.error, job.error);
  const { client: ok } = stubClient([() => json({ ...job, error: null })]);
  assertEquals((await ok.fineTuning.jobs.retrieve("ftjob-1")).status, "failed");
  // A batch output line names its request by `id`, with no `object`.
  const line = {
    id: "batch_req_1",
    custom_id: "r1",
    response: null,
    error: { code: "bad", message: "bad" },
  };
  const { client: raw } = stubClient([() => json(line)]);
  assertEquals(await raw.get("/files/file-1/content"), line);
});

Deno.test("an error body that is a list of one error (Gemini's) is that error", async () => {
  const { client } = stubClient([() =>
    json(
      [{
        error: {
          code: 400,
          message: "Invalid JSON payload received.",
          status: "INVALID_ARGUMENT",
        },
      }],
      400,
    )], { maxRetries: 0 });
  const err = await assertRejects(
    () => client.chat.completions.create(chatBody),
    BadRequestError,
  ) as BadRequestError;
  assertEquals(err.message, "400 Invalid JSON payload received.");
  assertEquals(err.code, 400 as unknown as string);
  assertEquals(err.error?.message, "Invalid JSON payload received.");
});

Deno.test("an error body with its fields at the top (vLLM's, Mistral's) is worded by its message", async () => {
  const body = {
    object: "error",
    message: "The model `xyz` does not exist.",
    type: "NotFoundError",
    code: 404,
  };
  const { client } = stubClient([() => json(body, 404)], { maxRetries: 0 });
  const err = await assertRejects(
    () => client.chat.completions.create(chatBody),
    APIError,
  ) as APIError;
  assertEquals(err.status, 404);
  assertEquals(err.message, "404 The model `xyz` does not exist.");
  // `err.error` is the body's `error` member, which this body has not.
  assertEquals(err.error, undefined);
  // A message that is not a string leaves the body itself as the detail.
  const { client: other } = stubClient(
    [() => json({ message: { a: 1 } }, 400)],
    {
      maxRetries: 0,
    },
  );
  const raw = await assertRejects(
    () => other.models.list(),
    BadRequestError,
  );
  assertEquals(raw.message, '400 {"message":{"a":1}}');
});

Deno.test("a relay's data: keepalives do not keep a stalled stream alive past its timeout", async () => {
  let timer: ReturnType<typeof setInterval> | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = (text: string) => new TextEncoder().encode(text);
      controller.enqueue(bytes(`data: ${chunk("Hel")}\n\n`));
      timer = setInterval(() => controller.enqueue(bytes("data:\n\n")), 50);
    },
    cancel: () => clearInterval(timer),
  });
  const { client } = stubClient([
    () =>
      new Response(body, { headers: { "content-type": "text/event-stream" } }),
  ], { maxRetries: 0, timeout: 300 });
  const started = Date.now();
  try {
    const err = await assertRejects(async () => {
      // Guarded: on code where keepalives hold it open, the loop ends at 3 s
      // (quietly, as an abort does) and the assertion fails instead of hanging.
      const guard = AbortSignal.timeout(3_000);
      for await (
        const _ of await client.chat.completions.create(streamBody, {
          signal: guard,
        })
      ) {
        // the one chunk before the keepalives
      }
    }, APIConnectionTimeoutError);
    assertEquals(err.message, "Stream timed out: no event for 300 ms");
    assert(Date.now() - started < 3_000, "timed out, not held open");
  } finally {
    clearInterval(timer);
  }
});

Deno.test("a 200 holding only an error with its message at the top is worded by that message, masked", async () => {
  const { client } = stubClient([
    () =>
      json({
        error: true,
        message: "Insufficient credits for sk-proj-0123456789abcdefSECRET",
      }),
  ]);
  const err = await assertRejects(
    () => client.chat.completions.create(chatBody),
    APIError,
  );
  assertEquals(err.message, "Insufficient credits for sk-***");
});

Deno.test("an event sent slowly, split right after its data: field name, still ends a silence", async () => {
  for (
    const [cut, eol] of [["data: ", "\n"], ["data:", "\n"], ["data: ", "\r\n"]]
  ) {
    const pieces = [
      `data: ${chunk("a")}${eol}${eol}`,
      cut,
      `${cut == "data:" ? " " : ""}${chunk("b")}${eol}${eol}`,
      `data: [DONE]${eol}${eol}`,
    ];
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const piece = pieces.shift();
        if (piece === undefined) return controller.close();
        // Each gap is under the timeout; two of them together are over it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        controller.enqueue(new TextEncoder().encode(piece));
      },
    });
    const { client } = stubClient([
      () =>
        new Response(body, {
          headers: { "content-type": "text/event-stream" },
        }),
    ], { maxRetries: 0, timeout: 300 });
    const seen: string[] = [];
    for await (const c of await client.chat.completions.create(streamBody)) {
      seen.push(c.choices[0].delta.content!);
    }
    assertEquals(seen, ["a", "b"], JSON.stringify(cut + eol));
  }
});
