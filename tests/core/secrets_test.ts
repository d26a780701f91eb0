import OpenAI, { APIConnectionError, OpenAIError } from "../../mod.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import { chatBody, inProcess, KEY, overHTTP } from "./_helpers.ts";

// The distinctive part of the key: found anywhere means the key leaked.
const SECRET = KEY.slice(3);

function views(value: unknown): string[] {
  const err = value as Error;
  const out = [
    String(value),
    JSON.stringify(value) ?? "",
    Deno.inspect(value, { depth: Infinity, showHidden: true }),
    Deno.inspect(value, {
      depth: Infinity,
      showHidden: true,
      getters: true,
      showProxy: true,
    }),
  ];
  if (value instanceof Error) {
    out.push(err.message, err.stack ?? "");
    let cause = err.cause;
    while (cause !== undefined) {
      out.push(String(cause), JSON.stringify(cause) ?? "");
      out.push(Deno.inspect(cause, { depth: Infinity, showHidden: true }));
      cause = (cause as Error)?.cause;
    }
  }
  return out;
}

function assertNoKey(value: unknown, what: string): void {
  for (const text of views(value)) {
    assert(!text.includes(SECRET), `${what} leaks the API key:\n${text}`);
  }
}

Deno.test("the client never shows its key", () => {
  const client = new OpenAI({ apiKey: KEY, organization: "org-1" });
  assertNoKey(client, "client");
  assertNoKey(client.chat, "client.chat");
  assertNoKey(client.chat.completions, "client.chat.completions");
  assertNoKey(client.models, "client.models");
  assertNoKey(Object.entries(client), "Object.entries(client)");
});

Deno.test("a bad key header error does not echo the key", () => {
  const err = assertThrows(
    () => new OpenAI({ apiKey: KEY + "\r\nX-Evil: 1" }),
    TypeError,
  );
  assertNoKey(err, "bad apiKey error");
});

Deno.test("a bad per-request header error does not echo the value", async () => {
  const { client, mock } = inProcess();
  const err = await assertRejects(
    () =>
      client.models.list({
        headers: { Authorization: `Bearer ${KEY}\n` },
      }),
    TypeError,
  );
  assertNoKey(err, "bad header error");
  assert(mock.requests.length === 0);
});

Deno.test("a failed connection error does not contain the key", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `http://127.0.0.1:${port}/v1`,
    maxRetries: 0,
  });
  const err = await assertRejects(
    () => client.models.list(),
    APIConnectionError,
  );
  assertNoKey(err, "connection error");
});

Deno.test("a 401 error does not contain the key", async () => {
  await using http = await overHTTP({ maxRetries: 0 });
  http.mock.fault({
    status: 401,
    body: { error: { message: "Incorrect API key provided", code: "x" } },
  });
  const err = await assertRejects(
    () => http.client.models.list(),
    OpenAI.AuthenticationError,
  );
  assertNoKey(err, "401 error");
});

Deno.test("timeout, abort and stream errors do not contain the key", async () => {
  const { client, mock } = inProcess({ maxRetries: 0, timeout: 30 });
  mock.fault({ delayMs: 1000 });
  assertNoKey(
    await assertRejects(() => client.models.list(), OpenAIError),
    "timeout error",
  );
  assertNoKey(
    await assertRejects(
      () => client.models.list({ signal: AbortSignal.abort() }),
      OpenAIError,
    ),
    "abort error",
  );
  mock.fault({ cutAfter: 1 });
  const stream = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  });
  assertNoKey(stream, "stream");
  const err = await assertRejects(async () => {
    for await (const _ of stream) { /* drain */ }
  }, APIConnectionError);
  assertNoKey(err, "cut stream error");
});

Deno.test("a page does not show the key", async () => {
  const { client } = inProcess();
  const page = await client.models.list();
  assertNoKey(page, "page");
});

Deno.test("arguments in the wrong place are described, never echoed", async () => {
  const { client, mock } = inProcess();
  // Request options (with the key in a header) passed where the id goes.
  const options = { headers: { Authorization: `Bearer ${KEY}` } };
  const err = assertThrows(
    () => client.models.retrieve(options as unknown as string),
    TypeError,
    "Invalid path parameter a plain object",
  );
  assertNoKey(err, "path parameter error");
  // The key passed where the body goes.
  const body = await assertRejects(
    () => client.embeddings.create(KEY as never),
    TypeError,
    "Invalid body: expected an object, got string",
  );
  assertNoKey(body, "body error");
  // A key that is not a string is refused, not sent as "[object Object]".
  const key = assertThrows(
    () => new OpenAI({ apiKey: { secret: KEY } as unknown as string }),
    TypeError,
    "Invalid apiKey: expected a string",
  );
  assertNoKey(key, "apiKey type error");
  assertEquals(mock.requests.length, 0);
});

Deno.test("a page never shows the options of the request that made it, whose headers may carry a key", async () => {
  await using server = await overHTTP();
  const page = await server.client.files.list(
    { limit: 1 },
    { headers: { "x-upstream-auth": `Bearer ${KEY}` } },
  );
  assertNoKey(page, "a page");
  // The options still serve the next page.
  assertEquals(typeof page.hasNextPage(), "boolean");
});
