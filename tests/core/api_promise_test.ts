import { APIPromise, NotFoundError } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { chatBody, inProcess, json, overHTTP, stubClient } from "./_helpers.ts";

Deno.test("awaiting an APIPromise gives the parsed body", async () => {
  await using http = await overHTTP();
  const completion = await http.client.chat.completions.create(chatBody);
  assertEquals(completion.choices[0].message.content, "Echo: hello there");
  assertEquals(completion.object, "chat.completion");
});

Deno.test(".withResponse() gives the data and the Response", async () => {
  const { client } = stubClient([
    () =>
      json({ id: "gpt-4", object: "model" }, 200, { "x-request-id": "req_1" }),
  ]);
  const promise = client.models.retrieve("gpt-4");
  assert(promise instanceof APIPromise);
  const { data, response } = await promise.withResponse();
  assertEquals(data.id, "gpt-4");
  assert(response instanceof Response);
  assertEquals(response.status, 200);
  assertEquals(response.headers.get("x-request-id"), "req_1");
  // The same promise can still be awaited: the body is parsed only once.
  assertEquals((await promise).id, "gpt-4");
});

Deno.test(".asResponse() gives a Response with its body unread", async () => {
  await using http = await overHTTP({ timeout: 50 });
  const response = await http.client.models.retrieve("gpt-4").asResponse();
  assertEquals(response.bodyUsed, false);
  assertEquals(response.status, 200);
  // The request timer stopped when the body was handed over: reading late is fine.
  await new Promise((resolve) => setTimeout(resolve, 70));
  assertEquals((await response.json()).id, "gpt-4");
});

Deno.test(".asResponse() on a stream gives the raw event-stream body", async () => {
  const { client } = inProcess();
  const response = await client.chat.completions.create({
    ...chatBody,
    stream: true,
  }).asResponse();
  assertEquals(response.headers.get("content-type"), "text/event-stream");
  const text = await response.text();
  assert(text.endsWith("data: [DONE]\n\n"), text);
});

Deno.test(".then/.catch/.finally return plain promises", async () => {
  const { client } = inProcess();
  const promise = client.models.retrieve("gpt-4");
  const then = promise.then((m) => m.id);
  const caught = promise.catch(() => "nope");
  const fin = promise.finally(() => {});
  for (const p of [then, caught, fin]) {
    assert(!(p instanceof APIPromise));
    assertEquals(Object.getPrototypeOf(p), Promise.prototype);
  }
  assertEquals(await then, "gpt-4");
  assertEquals((await caught as { id: string }).id, "gpt-4");
  assertEquals((await fin).id, "gpt-4");
  assertEquals(await Promise.all([promise]).then(([m]) => m.id), "gpt-4");
});

Deno.test("errors reject every form: await, then, withResponse, asResponse", async () => {
  const { client } = inProcess();
  const promise = client.models.retrieve("no-such-model");
  await assertRejects(() => promise, NotFoundError);
  await assertRejects(() => promise.withResponse(), NotFoundError);
  await assertRejects(() => promise.asResponse(), NotFoundError);
  assertEquals(await promise.catch((e: NotFoundError) => e.status), 404);
  let ran = false;
  await assertRejects(() => promise.finally(() => ran = true), NotFoundError);
  assert(ran);
});

Deno.test("the request starts at once, even before the promise is awaited", async () => {
  const { client, calls } = stubClient([() => json({ id: "m" })]);
  const promise = client.models.retrieve("m");
  await new Promise((resolve) => setTimeout(resolve, 0));
  assertEquals(calls.length, 1);
  await promise;
});
