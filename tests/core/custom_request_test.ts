// client.get/post/put/patch/delete: a path this client has no method for
// (a newer endpoint, say), sent with everything a resource method gets.
import {
  APIConnectionError,
  APIError,
  NotFoundError,
  type Stream,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { json, KEY, overHTTP, stubClient } from "./_helpers.ts";

Deno.test("post sends a JSON body and query below the base URL with the client's headers, and parses the answer", async () => {
  const { client, calls } = stubClient([
    () =>
      json({ id: "resp_1", object: "response" }, 200, {
        "x-request-id": "req_7",
      }),
  ], { defaultQuery: { a: "1" }, defaultHeaders: { "x-extra": "yes" } });
  const result = await client.post<{ id: string }>("/responses", {
    body: { model: "gpt-4o-mini", input: "Hello" },
    query: { b: 2 },
    headers: { "x-per-call": "1" },
  });
  assertEquals(result.id, "resp_1");
  assertEquals(
    (result as unknown as { _request_id: string })._request_id,
    "req_7",
  );
  const [call] = calls;
  assertEquals(call.url, "http://stub.local/v1/responses?a=1&b=2");
  assertEquals(call.init.method, "POST");
  assertEquals(JSON.parse(call.init.body as string), {
    model: "gpt-4o-mini",
    input: "Hello",
  });
  assertEquals(call.headers.get("authorization"), `Bearer ${KEY}`);
  assertEquals(call.headers.get("content-type"), "application/json");
  assertEquals(call.headers.get("x-extra"), "yes");
  assertEquals(call.headers.get("x-per-call"), "1");
});

Deno.test("get, put, patch and delete send their method, with a body only when one is given", async () => {
  const { client, calls } = stubClient([() => json({ ok: true })]);
  await client.get("/batches");
  await client.put("/things/1", { body: { a: 1 } });
  await client.patch("/things/1", { body: { b: 2 } });
  await client.delete("/things/1");
  await client.post("/things/1/cancel");
  assertEquals(
    calls.map((c) => [c.init.method, c.url, c.init.body ?? null]),
    [
      ["GET", "http://stub.local/v1/batches", null],
      ["PUT", "http://stub.local/v1/things/1", '{"a":1}'],
      ["PATCH", "http://stub.local/v1/things/1", '{"b":2}'],
      ["DELETE", "http://stub.local/v1/things/1", null],
      ["POST", "http://stub.local/v1/things/1/cancel", null],
    ],
  );
  assertEquals(calls[0].headers.get("content-type"), null);
});

Deno.test("stream: true reads the answer as a Stream of its events", async () => {
  const events = [{ type: "response.created" }, { type: "response.done" }];
  const { client } = stubClient([() =>
    new Response(
      events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("") +
        "data: [DONE]\n\n",
      { headers: { "content-type": "text/event-stream" } },
    )]);
  const stream = await client.post<Stream<{ type: string }>>("/responses", {
    body: { stream: true },
    stream: true,
  });
  const seen = [];
  for await (const event of stream) seen.push(event);
  assertEquals(seen, events);
});

Deno.test("a custom request is retried and its errors are typed as any other call's", async () => {
  const { client, calls } = stubClient([
    () => json({ error: { message: "busy" } }, 503),
    () => json({ error: { message: "No such batch", code: "nf" } }, 404),
  ]);
  const err = await assertRejects(
    () => client.get("/batches/b_1"),
    NotFoundError,
  ) as NotFoundError;
  assertEquals(err.code, "nf");
  assertEquals(calls.length, 2);
});

Deno.test("a path that climbs out of the base path (dot segments, however written) is refused; other paths resolve below it", async () => {
  const { client, calls } = stubClient([() => json({})], {
    baseURL: "http://stub.local/openai/v1",
  });
  for (
    const path of [
      "/../../admin",
      "/%2e%2e/%2e%2e/admin",
      "/.%2E/x",
      "/a/../../../admin",
      "/..\\..\\admin",
      "/.\t./.\n./admin",
      "/x#frag",
      "/x#",
      "/x?a=1#frag",
    ]
  ) {
    let err: unknown;
    try {
      await client.get(path);
    } catch (e) {
      err = e;
    }
    assert(err instanceof TypeError, JSON.stringify(path));
  }
  assertEquals(calls.length, 0);
  await client.get("/.well-known/x");
  await client.get("/a/../b");
  await client.get("/");
  // As fetch resolves them.
  assertEquals(calls.map((c) => new URL(c.url).href), [
    "http://stub.local/openai/v1/.well-known/x",
    "http://stub.local/openai/v1/b",
    "http://stub.local/openai/v1/",
  ]);
});

Deno.test("a query in the path is sent as written, and the query option overrides it key by key", async () => {
  const { client, calls } = stubClient([() => json({})]);
  await client.get("/files?purpose=batch&limit=5", { query: { limit: 10 } });
  let url = new URL(calls[0].url);
  assertEquals(url.pathname, "/v1/files");
  assertEquals([...url.searchParams], [["purpose", "batch"], ["limit", "10"]]);
  // Repeated keys and the exact encoding survive when nothing overrides them.
  await client.get("/responses/r_1?include[]=a&include[]=b&q=%FF");
  assertEquals(
    calls[1].url,
    "http://stub.local/v1/responses/r_1?include[]=a&include[]=b&q=%FF",
  );
  // undefined removes a key of the path's.
  await client.get("/files?purpose=batch&limit=5", {
    query: { limit: undefined },
  });
  url = new URL(calls[2].url);
  assertEquals([...url.searchParams], [["purpose", "batch"]]);
});

Deno.test("the path's query stays byte for byte when the option overrides a key, and beats the client's defaults", async () => {
  const { client, calls } = stubClient([() => json({})], {
    defaultQuery: { a: "default", "api-version": "1" },
  });
  await client.get("/x?q=a+b&u=%E9&f&k=1&a=path", { query: { k: 2 } });
  assertEquals(
    calls[0].url,
    "http://stub.local/v1/x?q=a+b&u=%E9&f&a=path&api-version=1&k=2",
  );
  await client.get("/x?a=1&a=2", { query: { include: ["i"] } });
  assertEquals(
    calls[1].url,
    "http://stub.local/v1/x?a=1&a=2&include%5B%5D=i&api-version=1",
  );
  // An array's key drops a default of the same name.
  await client.get("/x", { query: { a: ["x", "y"] } });
  assertEquals(
    calls[2].url,
    "http://stub.local/v1/x?a%5B%5D=x&a%5B%5D=y&api-version=1",
  );
});

Deno.test("a query that is not a plain object adds nothing, and an object in an array is refused", async () => {
  const { client, calls } = stubClient([() => json({})]);
  await client.get("/x", {
    query: new URLSearchParams("a=1") as unknown as Record<string, string>,
  });
  assertEquals(calls[0].url, "http://stub.local/v1/x");
  await assertRejects(
    async () =>
      await client.get("/x", {
        query: { a: [{ k: 1 }] as unknown as string[] },
      }),
    TypeError,
    "Invalid query value for a",
  );
  assertEquals(calls.length, 1);
});

Deno.test("an array in the query option is sent as repeated key[] pairs, replacing the path's", async () => {
  const { client, calls } = stubClient([() => json({})]);
  await client.get("/responses/r_1?include[]=old&stream=false", {
    query: { include: ["file_search_call.results", "message.input_image"] },
  });
  const url = new URL(calls[0].url);
  assertEquals([...url.searchParams], [
    ["stream", "false"],
    ["include[]", "file_search_call.results"],
    ["include[]", "message.input_image"],
  ]);
  // Resource methods keep refusing arrays, as v4 does.
  await assertRejects(
    async () =>
      await client.files.list({ purpose: ["a"] as unknown as string }),
    TypeError,
    "Invalid query value for purpose",
  );
});

Deno.test("a Blob, bytes, URLSearchParams or a string body is sent as it is, not as JSON", async () => {
  const { client, calls } = stubClient([() => json({})]);
  const bytes = new Uint8Array([1, 2, 3]);
  const blob = new Blob(["abc"], { type: "application/octet-stream" });
  const form = new URLSearchParams({ a: "1" });
  await client.post("/a", { body: blob });
  await client.post("/b", { body: bytes });
  await client.post("/c", { body: bytes.buffer });
  await client.post("/d", { body: form });
  await client.post("/e", {
    body: '{"already":"json"}',
    headers: { "content-type": "application/json" },
  });
  assertEquals(calls.map((c) => c.init.body), [
    blob,
    bytes,
    bytes.buffer,
    form,
    '{"already":"json"}',
  ]);
  // No JSON content-type of the client's: fetch gives a Blob's own type.
  assertEquals(calls[0].headers.get("content-type"), null);
  assertEquals(calls[4].headers.get("content-type"), "application/json");
});

Deno.test("a body in shared memory is sent as a copy of its bytes", async () => {
  const { client, calls } = stubClient([() => json({})]);
  const shared = new SharedArrayBuffer(4);
  new Uint8Array(shared).set([1, 2, 3, 4]);
  await client.post("/a", { body: new Uint8Array(shared, 1, 2) });
  await client.post("/b", { body: shared });
  const sent = calls.map((c) => c.init.body as Uint8Array);
  assert(sent.every((b) => b.buffer instanceof ArrayBuffer));
  assertEquals(sent.map((b) => [...b]), [[2, 3], [1, 2, 3, 4]]);
});

Deno.test("a stream body, or a body on GET, is a TypeError, and a null body is none", async () => {
  const { client, calls } = stubClient([() => json({})]);
  const stream = new ReadableStream({ start: (c) => c.close() });
  const gen = (async function* () {})();
  for (const body of [stream, gen]) {
    await assertRejects(
      async () => await client.post("/x", { body }),
      TypeError,
      "a stream cannot be sent again on a retry",
    );
  }
  await assertRejects(
    async () => await client.get("/x", { body: { a: 1 } }),
    TypeError,
    "a GET request has none",
  );
  assertEquals(calls.length, 0);
  await client.post("/x", { body: null });
  assertEquals(calls[0].init.body, undefined);
});

Deno.test("a path that is not below the base URL, or a body that is not an object, is refused before anything is sent", async () => {
  const { client, calls } = stubClient([() => json({})]);
  for (
    const path of [
      "https://elsewhere.example/v1/x",
      "//elsewhere.example/x",
      "models",
      "",
      "sk-proj-0123456789abcdefSECRET",
      42,
      undefined,
    ]
  ) {
    let err: unknown;
    try {
      await client.post(path as string, { body: {} });
    } catch (e) {
      err = e;
    }
    assert(err instanceof TypeError, String(path));
    assert(!err.message.includes("SECRET"), "never echoes the value");
    assert(err.message.includes("path"), err.message);
  }
  await assertRejects(
    () => client.post("/x", { body: 42 }),
    TypeError,
    "Invalid body: expected an object, got number",
  );
  assertEquals(calls.length, 0);
});

Deno.test("the answer is read as its content type says: JSON, text, null for a 204, nothing when empty", async () => {
  const { client } = stubClient([
    () => new Response(null, { status: 204 }),
    () => new Response("hello", { headers: { "content-type": "text/plain" } }),
    () => new Response("", { headers: { "content-type": "text/plain" } }),
    () =>
      new Response('{"a":1}', {
        headers: {
          "content-type": "application/problem+json; charset=utf-8",
          "x-request-id": "req_3",
        },
      }),
    () =>
      new Response("{broken", {
        headers: { "content-type": "application/json" },
      }),
    () => new Response("", { headers: { "content-type": "application/json" } }),
    () =>
      new Response("", {
        headers: { "content-type": "text/plain", "content-length": "0" },
      }),
    () => new Response('{"a":1}', { headers: { "content-type": "text/json" } }),
    () => json({ error: { message: "provider failed" } }),
  ]);
  assertEquals(await client.delete("/things/1"), null);
  assertEquals(await client.get("/text"), "hello");
  assertEquals(await client.get("/empty"), "");
  const parsed = await client.get<{ a: number; _request_id: string }>("/j");
  assertEquals([parsed.a, parsed._request_id], [1, "req_3"]);
  await assertRejects(
    () => client.get("/bad"),
    APIConnectionError,
    "Invalid JSON in the response body",
  );
  assertEquals(await client.post("/empty-json"), undefined);
  assertEquals(await client.post("/no-length"), undefined);
  // Only application/json and +json types are JSON, as in the official SDK.
  assertEquals(await client.get("/text-json"), '{"a":1}');
  // A 200 that holds only an error is thrown here too.
  const err = await assertRejects(() => client.get("/err"), APIError);
  assertEquals(err.message, "provider failed");
  // withResponse() gives the decoded data with the response.
  const { client: other } = stubClient([
    () => new Response("plain", { headers: { "content-type": "text/plain" } }),
  ]);
  const { data, response } = await other.get("/t").withResponse();
  assertEquals([data, response.status], ["plain", 200]);
});

Deno.test("a FormData body is sent as multipart, and .asResponse() reads an answer that is not JSON", async () => {
  const { client, calls } = stubClient([
    () =>
      new Response("plain text", { headers: { "content-type": "text/plain" } }),
  ]);
  const form = new FormData();
  form.append("purpose", "batch");
  const response = await client.post("/uploads", { body: form }).asResponse();
  assertEquals(await response.text(), "plain text");
  assert(calls[0].init.body instanceof FormData);
  assertEquals(calls[0].headers.get("content-type"), null);
});

Deno.test("over HTTP: client.get reaches a mock route as the resource method does", async () => {
  await using server = await overHTTP();
  const list = await server.client.get<{ data: { id: string }[] }>("/models");
  const viaResource = await server.client.models.list();
  assertEquals(list.data.map((m) => m.id), viaResource.data.map((m) => m.id));
  const [ours, theirs] = server.mock.requests.slice(-2);
  assertEquals([ours.method, ours.path], [theirs.method, theirs.path]);
});

Deno.test("against the mock, a fault gives a path it does not serve its answer", async () => {
  await using server = await overHTTP();
  server.mock.fault({
    match: { method: "POST", path: "/batches" },
    body: { id: "batch_1", object: "batch" },
  });
  const batch = await server.client.post<{ id: string }>("/batches", {
    body: { input_file_id: "file-abc", completion_window: "24h" },
  });
  assertEquals(batch.id, "batch_1");
  const sent = server.mock.requests.at(-1)!;
  assertEquals([sent.method, sent.path, sent.body], [
    "POST",
    "/batches",
    { input_file_id: "file-abc", completion_window: "24h" },
  ]);
  // Without one, the path is unknown there, as it would be to the 2.0.0 API.
  await assertRejects(() => server.client.post("/batches"), NotFoundError);
});

Deno.test("a custom stream may end without [DONE] after a whole event, as newer endpoints' streams do", async () => {
  const events = [
    'event: response.created\ndata: {"type":"response.created"}\n\n',
    'event: response.completed\ndata: {"type":"response.completed"}\n\n',
  ];
  const answer = (text: string) => () =>
    new Response(text, { headers: { "content-type": "text/event-stream" } });
  const { client } = stubClient([answer(events.join(""))]);
  const stream = await client.post<Stream<{ type: string }>>("/responses", {
    body: { stream: true },
    stream: true,
  });
  const seen: string[] = [];
  for await (const event of stream) seen.push(event.type);
  assertEquals(seen, ["response.created", "response.completed"]);
  // With CRLF line ends too.
  const { client: crlf } = stubClient([
    answer(events.join("").replaceAll("\n", "\r\n")),
  ]);
  const types: string[] = [];
  for await (
    const event of await crlf.post<Stream<{ type: string }>>("/responses", {
      stream: true,
    })
  ) types.push(event.type);
  assertEquals(types, ["response.created", "response.completed"]);
  // Cut inside an event (however little of it came), or before any: still
  // a cut.
  for (
    const text of [
      events[0] + 'event: response.completed\ndata: {"type":"resp',
      events[0] + "event: response.completed\n",
      events[0] + "event: response.compl",
      events[0] + "data:",
      events[0] + "da",
      events[0].replaceAll("\n", "\r\n").slice(0, -2),
      "",
    ]
  ) {
    const { client: cut } = stubClient([answer(text)], { maxRetries: 0 });
    await assertRejects(
      async () => {
        for await (
          const _ of await cut.post<Stream<unknown>>("/responses", {
            stream: true,
          })
        ) { /* read on */ }
      },
      APIConnectionError,
      "cut short",
    );
  }
});
