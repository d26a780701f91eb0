import OpenAI, { APIConnectionError, type FetchOptions } from "../../mod.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import { serveMock } from "../../testing.ts";
import { chatBody, json, KEY, stubClient } from "./_helpers.ts";

Deno.test("fetchOptions: the client's reach fetch on every attempt, under the request's own", async () => {
  const { client, calls } = stubClient([
    () => json({ error: { message: "busy" } }, 503),
    () => json({ id: "m" }),
  ], { fetchOptions: { cache: "no-store", keepalive: true, region: "eu" } });
  await client.models.retrieve("m", {
    fetchOptions: { keepalive: false, priority: "high" },
  });
  assertEquals(calls.length, 2);
  for (const { init } of calls) {
    const { method, headers, body, signal, ...rest } = init;
    assertEquals(rest as Record<string, unknown>, {
      cache: "no-store",
      keepalive: false,
      priority: "high",
      region: "eu",
    });
    assertEquals(method, "GET");
    assert(headers && body === undefined && signal instanceof AbortSignal);
  }
});

Deno.test("fetchOptions: a request's do not leak into the next request", async () => {
  const { client, calls } = stubClient([() => json({ id: "m" })], {
    fetchOptions: { cache: "no-store" },
  });
  await client.models.retrieve("m", { fetchOptions: { redirect: "error" } });
  await client.models.retrieve("m");
  assertEquals(calls[0].init.redirect, "error");
  assertEquals(calls[1].init.redirect, undefined);
  assertEquals(calls[1].init.cache, "no-store");
});

Deno.test("fetchOptions: withOptions keeps the client's and replaces them when given", async () => {
  const { client, calls } = stubClient([() => json({ id: "m" })], {
    fetchOptions: { cache: "no-store" },
  });
  await client.withOptions({ maxRetries: 0 }).models.retrieve("m");
  await client.withOptions({ fetchOptions: { keepalive: true } }).models
    .retrieve("m");
  assertEquals(calls[0].init.cache, "no-store");
  assertEquals([calls[1].init.cache, calls[1].init.keepalive], [
    undefined,
    true,
  ]);
});

Deno.test("fetchOptions: the client's own members are refused, naming the key and what to use", async () => {
  for (const key of ["method", "headers", "body", "signal"]) {
    const options = { [key]: key === "signal" ? AbortSignal.abort() : "x" };
    const err = assertThrows(
      () => new OpenAI({ apiKey: KEY, fetchOptions: options as FetchOptions }),
      TypeError,
    );
    assertEquals(
      err.message,
      `Invalid fetchOptions: expected an object without ${key}`,
    );
    // A request's are refused before anything is sent.
    const { client, calls } = stubClient([() => json({ id: "m" })]);
    await assertRejects(
      () =>
        client.chat.completions.create(chatBody, {
          fetchOptions: options as FetchOptions,
        }),
      TypeError,
      `without ${key}`,
    );
    assertEquals(calls.length, 0);
  }
  assertThrows(
    () =>
      new OpenAI({
        apiKey: KEY,
        fetchOptions: "no-store" as unknown as FetchOptions,
      }),
    TypeError,
    "Invalid fetchOptions: expected an object",
  );
  // An undefined member is as good as a missing one.
  const { client, calls } = stubClient([() => json({ id: "m" })], {
    fetchOptions: { headers: undefined, signal: undefined, cache: "no-store" },
  });
  await client.models.retrieve("m");
  assertEquals(calls[0].init.cache, "no-store");
});

Deno.test("fetchOptions: a runtime's own option takes effect (redirect: error against a redirecting server)", async () => {
  await using server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) =>
      new URL(request.url).pathname === "/v1/models/m"
        ? Response.redirect(new URL("/v1/models/n", request.url), 307)
        : Response.json({ id: "n", object: "model" }),
  );
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: `http://127.0.0.1:${server.addr.port}/v1`,
    maxRetries: 0,
  });
  // fetch follows the redirect by default...
  assertEquals((await client.models.retrieve("m")).id, "n");
  // ...and refuses it when asked to, as a connection error.
  await assertRejects(
    () => client.models.retrieve("m", { fetchOptions: { redirect: "error" } }),
    APIConnectionError,
  );
});

Deno.test("fetchOptions: a list method takes them in the query's place, as the official SDK does", async () => {
  const { client, calls } = stubClient([
    () => json({ object: "list", data: [], has_more: false }),
  ]);
  await client.files.list({ fetchOptions: { cache: "no-store" } });
  assertEquals(calls[0].init.cache, "no-store");
  assertEquals(new URL(calls[0].url).search, "");
});

Deno.test("fetchOptions: a Deno HttpClient sends every request through a proxy, as the README shows", async () => {
  await using mock = await serveMock({ apiKey: KEY });
  const seen: string[] = [];
  // A forward proxy for plain HTTP: the request line names the whole URL.
  await using proxy = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (request) => {
      seen.push(`${request.method} ${request.url}`);
      return fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
    },
  );
  using http = Deno.createHttpClient({
    proxy: { url: `http://127.0.0.1:${proxy.addr.port}` },
  });
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: mock.url,
    fetchOptions: { client: http },
  });
  const completion = await client.chat.completions.create(chatBody);
  assertEquals(completion.object, "chat.completion");
  assertEquals(seen, [`POST ${mock.url}/chat/completions`]);
  assertEquals(mock.mock.requests.length, 1);
});
