// A stream request answered with JSON instead of server-sent events: a proxy
// or gateway (quota exhausted, say) sending its error as a 200, or a server
// that ignored `stream: true`. What the body says must reach the caller.
import { APIConnectionTimeoutError, APIError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { chatBody, stalledBody, stubClient } from "./_helpers.ts";

const streamBody = { ...chatBody, stream: true as const };

Deno.test("a 200 JSON error answering a stream request is an APIError with its message and code", async () => {
  const { client, calls } = stubClient([() =>
    Response.json({
      error: {
        message: "You exceeded your current quota",
        type: "insufficient_quota",
        code: "insufficient_quota",
      },
    }, { headers: { "x-request-id": "req_1" } })]);
  const err = await assertRejects(
    () => client.chat.completions.create(streamBody),
    APIError,
  ) as APIError;
  assertEquals(err.constructor, APIError);
  assertEquals(err.message, "200 You exceeded your current quota");
  assertEquals([err.status, err.code, err.type, err.requestID], [
    200,
    "insufficient_quota",
    "insufficient_quota",
    "req_1",
  ]);
  assertEquals(calls.length, 1, "not retried");
});

Deno.test("a completion answering a stream request is an APIError showing the body", async () => {
  const { client } = stubClient([
    () => Response.json({ object: "chat.completion", choices: [] }),
  ]);
  const err = await assertRejects(
    () => client.chat.completions.create(streamBody),
    APIError,
  );
  assert(err.message.includes('"object":"chat.completion"'), err.message);
});

Deno.test("a JSON answer to a stream request that stalls still times out", async () => {
  const { client } = stubClient([
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"error":'), {
        headers: { "content-type": "application/json" },
      }),
  ], { timeout: 50, maxRetries: 0 });
  await assertRejects(
    () => client.chat.completions.create(streamBody),
    APIConnectionTimeoutError,
  );
});

Deno.test("a stream mislabelled as JSON (or NDJSON) is still read as the stream it is", async () => {
  const sse = 'data: {"choices":[{"delta":{"content":"hi"}}]}\n\n' +
    "data: [DONE]\n\n";
  for (
    const type of [
      "application/json",
      "application/json; charset=utf-8",
      "application/x-ndjson",
    ]
  ) {
    const { client } = stubClient([
      () => new Response(sse, { headers: { "content-type": type } }),
    ]);
    const stream = await client.chat.completions.create(streamBody);
    const contents: unknown[] = [];
    for await (const chunk of stream) {
      contents.push(chunk.choices[0].delta.content);
    }
    assertEquals(contents, ["hi"], type);
  }
});
