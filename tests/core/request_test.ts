import OpenAI, { VERSION } from "../../mod.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import {
  chatBody,
  inProcess,
  json,
  KEY,
  MASKED_KEY,
  overHTTP,
  stubClient,
} from "./_helpers.ts";

Deno.test("Authorization: Bearer <key> and JSON content type over HTTP", async () => {
  await using http = await overHTTP();
  await http.client.chat.completions.create(chatBody);
  const seen = http.mock.requests[0];
  assertEquals(seen.method, "POST");
  assertEquals(seen.path, "/chat/completions");
  assertEquals(seen.headers.authorization, MASKED_KEY);
  assertEquals(seen.headers["content-type"], "application/json");
  assertEquals(seen.headers.accept, "application/json");
});

Deno.test("the JSON body is sent exactly as given", async () => {
  const body = {
    ...chatBody,
    temperature: 0,
    logit_bias: { "50256": -100 },
    stop: null,
    user: "ünïcødé ✓",
  };
  const { client, calls } = stubClient([() => json({ id: "x" })]);
  await client.chat.completions.create(body);
  assertEquals(calls[0].init.body, JSON.stringify(body));
  assertEquals(calls[0].init.method, "POST");
  const { client: c2, mock } = inProcess();
  await c2.chat.completions.create(body);
  assertEquals(mock.requests[0].body, body);
});

Deno.test("GET and DELETE send no body and no content-type", async () => {
  const { client, calls } = stubClient([() => json({ id: "m" })]);
  await client.models.retrieve("m");
  await client.models.delete("m");
  assertEquals(calls.map((c) => c.init.method), ["GET", "DELETE"]);
  assertEquals(calls.map((c) => c.init.body), [undefined, undefined]);
  assertEquals(calls[0].headers.get("content-type"), null);
});

Deno.test("a hostile id stays inside /models/ with no query string", async () => {
  await using http = await overHTTP();
  await assertRejects(
    () => http.client.models.retrieve("../files?x=1"),
    OpenAI.NotFoundError,
  );
  const seen = http.mock.requests[0];
  assertEquals(seen.path, "/models/..%2Ffiles%3Fx%3D1");
  assertEquals(seen.query, {});

  const { client, calls } = stubClient([() => json({ id: "x" })]);
  await client.models.retrieve("../files?x=1#frag");
  assertEquals(
    calls[0].url,
    "http://stub.local/v1/models/..%2Ffiles%3Fx%3D1%23frag",
  );
  const url = new URL(calls[0].url);
  assertEquals(url.pathname, "/v1/models/..%2Ffiles%3Fx%3D1%23frag");
  assertEquals(url.search, "");
  assertEquals(url.hash, "");
});

// Note: the id check runs when the method is called, so it throws synchronously.
Deno.test("ids '', '.', '..' are rejected before anything is sent", () => {
  const { client, calls } = stubClient([() => json({})]);
  for (const id of ["", ".", ".."]) {
    assertThrows(
      () => client.models.retrieve(id),
      TypeError,
      JSON.stringify(id),
    );
    assertThrows(() => client.models.delete(id), TypeError);
  }
  // A non-string slipping past the types is refused too.
  assertThrows(
    () => client.models.retrieve(undefined as unknown as string),
    TypeError,
  );
  assertEquals(calls.length, 0);
});

Deno.test("a JSON body that is not an object rejects with a TypeError before anything is sent", async () => {
  const { client, calls } = stubClient([() => json({})]);
  // What a plain-JS caller can pass; the types refuse all of these.
  // deno-lint-ignore no-explicit-any
  const create: ((body: any) => Promise<unknown>)[] = [
    (body) => client.chat.completions.create(body),
    (body) => client.completions.create(body),
    (body) => client.embeddings.create(body),
    (body) => client.moderations.create(body),
    (body) => client.fineTuning.jobs.create(body),
  ];
  for (const send of create) {
    for (const body of [undefined, null, "hello", 42]) {
      await assertRejects(
        () => send(body),
        TypeError,
        `Invalid body: expected an object, got ${
          body == null ? body : typeof body
        }`,
      );
    }
  }
  assertEquals(calls.length, 0);
});

Deno.test("header values: arrays are joined, numbers and booleans sent as text, objects refused", async () => {
  const { client, calls } = stubClient([() => json({ data: [] })]);
  await client.models.list({
    headers: {
      "X-Multi": ["a", undefined, "b", null] as unknown as string[],
      "X-Count": 3 as unknown as string,
      "X-Flag": true as unknown as string,
    },
  });
  const sent = calls[0].headers;
  assertEquals(
    [sent.get("x-multi"), sent.get("x-count"), sent.get("x-flag")],
    ["a, b", "3", "true"],
  );
  await assertRejects(
    () =>
      client.models.list({
        headers: { "X-Obj": { a: 1 } as unknown as string },
      }),
    TypeError,
    'Invalid value for header "X-Obj": expected Latin-1 text',
  );
  assertEquals(calls.length, 1);
});

Deno.test("an object or array query value is a TypeError naming its key, before sending", async () => {
  const { client, calls } = stubClient([() => json({ data: [] })]);
  for (const value of [{ b: 1 }, [1, 2], new Date(0)]) {
    await assertRejects(
      () =>
        client.models.list({
          query: { a: value as unknown as string },
        }),
      TypeError,
      "Invalid query value for a",
    );
  }
  await assertRejects(
    () =>
      new OpenAI({
        apiKey: KEY,
        fetch: () => Promise.reject(new Error("never sent")),
        defaultQuery: { v: { x: 1 } as unknown as string },
      }).models.list(),
    TypeError,
    "Invalid query value for v",
  );
  assertEquals(calls.length, 0);
});

Deno.test("header values with CR or LF are rejected before sending", async () => {
  const { client, mock } = inProcess();
  for (const value of ["a\r\nX-Evil: 1", "a\nb", "a\rb", "a\0b"]) {
    await assertRejects(
      () => client.models.retrieve("gpt-4", { headers: { "X-Note": value } }),
      TypeError,
      "X-Note",
    );
  }
  await assertRejects(
    () => client.models.retrieve("gpt-4", { headers: { "Bad Name": "v" } }),
    TypeError,
  );
  assertEquals(mock.requests.length, 0);
  assertThrows(
    () => new OpenAI({ apiKey: KEY, defaultHeaders: { "X-A": "1\r\n2" } }),
    TypeError,
  );
  assertThrows(() => new OpenAI({ apiKey: "sk\r\nX-Evil: 1" }), TypeError);
  assertThrows(
    () => new OpenAI({ apiKey: KEY, organization: "org\r\nX-Evil: 1" }),
    TypeError,
    "OpenAI-Organization",
  );
});

Deno.test("exactly one identifying user-agent header", async () => {
  await using http = await overHTTP();
  await http.client.models.retrieve("gpt-4");
  assertEquals(
    http.mock.requests[0].headers["user-agent"],
    `webstd-openai/${VERSION}`,
  );
  const custom = new OpenAI({
    apiKey: KEY,
    baseURL: http.url,
    defaultHeaders: { "User-Agent": "my-app/1" },
  });
  await custom.models.retrieve("gpt-4");
  assertEquals(http.mock.requests[1].headers["user-agent"], "my-app/1");
  const { client, calls } = stubClient([() => json({})]);
  await client.models.retrieve("m");
  const names = Object.keys(calls[0].init.headers as Record<string, string>)
    .filter((name) => name.toLowerCase() === "user-agent");
  assertEquals(names, ["user-agent"]);
});

Deno.test("query values are percent-encoded and merged in order", async () => {
  const { client, calls } = stubClient([() => json({})], {
    defaultQuery: { a: "x y", b: null },
  });
  await client.models.retrieve("m", { query: { "c&d": "e=f", g: false } });
  assertEquals(
    calls[0].url,
    "http://stub.local/v1/models/m?a=x%20y&c%26d=e%3Df&g=false",
  );
  assert(!calls[0].url.includes("b="));
});
