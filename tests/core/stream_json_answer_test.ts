// A stream request answered with something other than server-sent events: a
// proxy or gateway (quota exhausted, say) sending its error as a 200, a
// server that ignored `stream: true`, an HTML page. What the body says must
// reach the caller, whatever its content type; a real stream, however it is
// labelled, must still stream.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { chatBody, stalledBody, stubClient } from "./_helpers.ts";

const streamBody = { ...chatBody, stream: true as const };

async function chunks(answer: () => Response): Promise<unknown[]> {
  const { client, calls } = stubClient([answer]);
  const out: unknown[] = [];
  try {
    const stream = await client.chat.completions.create(streamBody);
    for await (const chunk of stream) out.push(chunk);
  } finally {
    assertEquals(calls.length, 1, "not retried");
  }
  return out;
}

Deno.test("a 200 JSON error answering a stream request is an APIError with its message and code", async () => {
  for (const type of ["application/json", "text/plain", "text/event-stream"]) {
    const err = await assertRejects(
      () =>
        chunks(() =>
          new Response(
            JSON.stringify(
              {
                error: {
                  message: "You exceeded your current quota",
                  type: "insufficient_quota",
                  code: "insufficient_quota",
                },
              },
              null,
              2,
            ),
            { headers: { "content-type": type, "x-request-id": "req_1" } },
          )
        ),
      APIError,
    ) as APIError;
    assertEquals(err.constructor, APIError, type);
    assertEquals(err.message, "You exceeded your current quota");
    assertEquals([err.code, err.type, err.requestID], [
      "insufficient_quota",
      "insufficient_quota",
      "req_1",
    ]);
  }
});

Deno.test("a body that is not server-sent events is an APIConnectionError quoting it", async () => {
  for (
    const body of [
      JSON.stringify({ object: "chat.completion", choices: [] }),
      "<html><body>502 Bad Gateway</body></html>",
      "upstream quota exceeded, retry later",
    ]
  ) {
    const err = await assertRejects(
      () => chunks(() => new Response(body)),
      APIConnectionError,
      "Expected server-sent events, got",
    );
    assert(
      err.message.includes(JSON.stringify(body).slice(1, 30)),
      err.message,
    );
  }
  // The start of a real stream cut short is still "cut short".
  await assertRejects(
    () => chunks(() => new Response('data: {"choices":[')),
    APIConnectionError,
    "cut short",
  );
});

Deno.test("a body that stalls before any event still times out", async () => {
  const { client } = stubClient([
    ({ init }) =>
      new Response(stalledBody(init.signal, '{"error":'), {
        headers: { "content-type": "application/json" },
      }),
  ], { timeout: 50, maxRetries: 0 });
  await assertRejects(async () => {
    const stream = await client.chat.completions.create(streamBody);
    for await (const _ of stream) { /* nothing comes */ }
  }, APIConnectionTimeoutError);
});

Deno.test("a stream labelled as JSON (or NDJSON) is read as the stream it is, as it arrives", async () => {
  const sse = 'data: {"choices":[{"delta":{"content":"hi"}}]}\n\n' +
    "data: [DONE]\n\n";
  for (
    const type of [
      "application/json",
      "application/json; charset=utf-8",
      "application/x-ndjson",
    ]
  ) {
    const got = await chunks(() =>
      new Response(sse, { headers: { "content-type": type } })
    ) as { choices: { delta: { content: string } }[] }[];
    assertEquals(got.map((c) => c.choices[0].delta.content), ["hi"], type);
  }
});

Deno.test("a stream labelled as JSON streams live: its first chunk comes before the body ends", async () => {
  const encoder = new TextEncoder();
  let firstSeen!: () => void;
  const seen = new Promise<void>((resolve) => firstSeen = resolve);
  const { client } = stubClient([() =>
    new Response(
      new ReadableStream({
        async start(controller) {
          controller.enqueue(
            encoder.encode('data: {"choices":[{"delta":{"content":"a"}}]}\n\n'),
          );
          // The rest comes only once the client has the first chunk.
          await seen;
          controller.enqueue(encoder.encode("data: [DONE]\n\n"));
          controller.close();
        },
      }),
      { headers: { "content-type": "application/json" } },
    )], { timeout: 2_000 });
  const stream = await client.chat.completions.create(streamBody);
  let n = 0;
  for await (const _ of stream) {
    n++;
    firstSeen();
  }
  assertEquals(n, 1);
});

Deno.test("what a body with no event holds is classified the same however it is chunked or dressed", async () => {
  const error = { error: { message: "quota", code: "insufficient_quota" } };
  // A BOM, a list of one error: still the APIError.
  for (
    const body of ["\uFEFF" + JSON.stringify(error), JSON.stringify([error])]
  ) {
    const err = await assertRejects(
      () => chunks(() => new Response(body)),
      APIError,
    ) as APIError;
    assertEquals([err.message, err.code], ["quota", "insufficient_quota"]);
  }
  // An `error` that is no error object: the body is shown, not lost.
  await assertRejects(
    () =>
      chunks(() => new Response('{"error":true,"message":"Quota exceeded"}')),
    APIConnectionError,
    "Quota exceeded",
  );
  // An HTML page with a line starting with a colon is still not a stream.
  await assertRejects(
    () => chunks(() => new Response("<html><style>\n:root{--c:red}\n</style>")),
    APIConnectionError,
    "Expected server-sent events",
  );
  // A body of ~70 KiB: the same error in one chunk or in 1,000-byte pieces.
  const big = JSON.stringify({ error: { message: "x".repeat(70_000) } });
  const pieces = (size: number) =>
    new Response(
      new ReadableStream({
        start(controller) {
          for (let i = 0; i < big.length; i += size) {
            controller.enqueue(
              new TextEncoder().encode(big.slice(i, i + size)),
            );
          }
          controller.close();
        },
      }),
    );
  const whole = await assertRejects(() => chunks(() => pieces(big.length)));
  const split = await assertRejects(() => chunks(() => pieces(1_000)));
  assertEquals(
    [split.constructor, split.message],
    [whole.constructor, whole.message],
  );
  // And, being under the 1 MiB kept, it is still the APIError it says.
  assertEquals(whole.constructor, APIError);
});

Deno.test("a body quoted in an error never shows an API key or a bearer token it echoes", async () => {
  const key = "sk-proj-SECRET0123456789abcdef";
  const echo = `Request received\nauthorization: Bearer ${key}\n` +
    "api-key: azureSECRET0123456789abcdef\n" +
    `url: /v1/x?api_key%3D${key}\nPlain words stay: a bearer token, sk-learn.`;
  const err = await assertRejects(
    () => chunks(() => new Response(echo)),
    APIConnectionError,
    "Request received",
  );
  assert(!/SECRET/.test(err.message), err.message);
  // The same for an error status, its body text or its JSON error message,
  // and for `err.error`, which Deno.inspect shows.
  for (
    const body of [
      echo,
      JSON.stringify({ error: { message: `bad auth: Bearer ${key}` } }),
    ]
  ) {
    const { client } = stubClient([() => new Response(body, { status: 401 })]);
    const failed = await assertRejects(() => client.models.list());
    assert(!/SECRET/.test(Deno.inspect(failed, { depth: 9 })), failed.message);
  }
  const { client } = stubClient([() => new Response(echo, { status: 404 })]);
  const notFound = await assertRejects(() => client.models.list());
  assert(
    notFound.message.includes("a bearer token, sk-learn"),
    notFound.message,
  );
});

Deno.test("masking keeps a server's error whole: its JSON, code and param, and ids that merely contain sk-", async () => {
  const key = "0123456789abcdef0123";
  const body = JSON.stringify({
    error: {
      message:
        `Invalid value for "api_key": "${key}". See risk-model-0123456789abcdef and task-0123456789abcdefgh.jsonl`,
      code: "invalid_api_key",
      param: "api_key",
    },
  });
  const { client } = stubClient([() => new Response(body, { status: 400 })]);
  const err = await assertRejects(() => client.models.list()) as APIError;
  assertEquals([err.code, err.param], ["invalid_api_key", "api_key"]);
  assert(!err.message.includes(key), err.message);
  assert(
    err.message.includes("risk-model-0123456789abcdef and task-0123456789"),
    err.message,
  );
  // The same inside a stream's error event, in its message and in `error`.
  const sse = `data: ${body}\n\n`;
  const event = await assertRejects(
    () =>
      chunks(() =>
        new Response(sse, { headers: { "content-type": "text/event-stream" } })
      ),
    APIError,
  ) as APIError;
  assertEquals(event.code, "invalid_api_key");
  assert(!Deno.inspect(event, { depth: 9 }).includes(key), event.message);
});

Deno.test("a secret echoed in any field of a JSON error is masked: headers, param, an object message, an error event", async () => {
  const key = "sk-proj-SECRET0123456789abcdef";
  const errors = [
    { message: "Unauthorized", headers: { authorization: `Bearer ${key}` } },
    { message: "Bad key", param: key },
    { message: { authorization: `Bearer ${key}` } },
  ];
  for (const error of errors) {
    const { client } = stubClient([
      () => Response.json({ error }, { status: 401 }),
    ]);
    const err = await assertRejects(() => client.models.list());
    assert(!Deno.inspect(err, { depth: 9 }).includes("SECRET"), err.message);
  }
  // An `event: error` whose data is the error itself.
  const event = await assertRejects(() =>
    chunks(() =>
      new Response(
        `event: error\ndata: ${JSON.stringify(errors[0])}\n\n`,
        { headers: { "content-type": "text/event-stream" } },
      )
    )
  );
  assert(!Deno.inspect(event, { depth: 9 }).includes("SECRET"), event.message);
});
