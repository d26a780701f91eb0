// The mock as our users drive it from their own tests: closing with a stream
// left open, faults and records in arrival order, fault paths as written,
// models of their own, and statuses without a body.
import OpenAI, { NotFoundError } from "../../mod.ts";
import { MockOpenAI, serveMock } from "../../testing.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
  within,
} from "../_assert.ts";

const KEY = "sk-test";
const CHAT = {
  model: "gpt-3.5-turbo",
  messages: [{ role: "user" as const, content: "hi" }],
};

Deno.test("closing the served mock does not wait for a stream the test stopped reading", async () => {
  for (const setup of ["stalled", "unread"] as const) {
    const server = await serveMock({ apiKey: KEY });
    const client = new OpenAI({ apiKey: KEY, baseURL: server.url });
    if (setup === "stalled") server.mock.fault({ stallAfter: 1 });
    const stream = await client.chat.completions.create({
      ...CHAT,
      stream: true,
    }, { headers: { "x-mock-stream-chunks": "200000" } });
    // As when an assertion fails before the stream is read or cancelled.
    await within(2_000, server.close());
    await stream.controller.abort();
  }
});

Deno.test("faults and records follow the order requests arrive, not the order their bodies end", async () => {
  const mock = new MockOpenAI({ apiKey: KEY });
  mock.fault({ status: 500 });
  // A request whose body takes a while to arrive, then a quick one.
  const slow = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 50));
      controller.enqueue(new TextEncoder().encode(JSON.stringify(CHAT)));
      controller.close();
    },
  });
  const first = mock.fetch("http://mock/v1/chat/completions", {
    method: "POST",
    headers: {
      authorization: `Bearer ${KEY}`,
      "content-type": "application/json",
    },
    body: slow,
    duplex: "half",
  } as RequestInit);
  const second = mock.fetch("http://mock/v1/models", {
    headers: { authorization: `Bearer ${KEY}` },
  });
  const [a, b] = await Promise.all([first, second]);
  await Promise.all([a.body?.cancel(), b.body?.cancel()]);
  assertEquals([a.status, b.status], [500, 200]);
  assertEquals(mock.requests.map((r) => r.path), [
    "/chat/completions",
    "/models",
  ]);
  assertEquals(mock.requests[0].body, CHAT);
});

Deno.test("a fault's path matches the path as sent or decoded, and a global RegExp every time", async () => {
  const mock = new MockOpenAI({ apiKey: KEY });
  // The default baseURL, whatever OPENAI_BASE_URL the developer exports.
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "https://api.openai.com/v1",
    fetch: mock.fetch,
    maxRetries: 0,
  });
  const id = "ft:gpt-3.5-turbo:acme::abc123";
  mock.fault({ match: { path: `/models/${id}` }, status: 404 });
  await assertRejects(() => client.models.retrieve(id), NotFoundError);
  assertEquals(mock.requests[0].path, `/models/${encodeURIComponent(id)}`);
  mock.fault({ match: { path: /chat/g }, times: 3, status: 503 });
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    const res = await mock.fetch(`http://mock/v1/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${KEY}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(CHAT),
    });
    await res.body?.cancel();
    statuses.push(res.status);
  }
  assertEquals(statuses, [503, 503, 503, 200]);
  assertEquals(mock.pendingFaults, 0);
  // A fault whose match never fits stays queued, and says so.
  mock.fault({ match: { path: "/v1/models" }, status: 500 });
  await client.models.list();
  assertEquals(mock.pendingFaults, 1);
  assertEquals(mock.requests.at(-1)!.url, "https://api.openai.com/v1/models");
});

Deno.test("the models option adds model ids, or accepts any", async () => {
  const mock = new MockOpenAI({ apiKey: KEY, models: ["gpt-4o-mini"] });
  const client = new OpenAI({ apiKey: KEY, fetch: mock.fetch, maxRetries: 0 });
  const reply = await client.chat.completions.create({
    ...CHAT,
    model: "gpt-4o-mini",
  });
  assertEquals(reply.model, "gpt-4o-mini");
  assertEquals((await client.models.retrieve("gpt-4o-mini")).id, "gpt-4o-mini");
  const ids = (await client.models.list()).data.map((m) => m.id);
  assert(ids.includes("gpt-4o-mini") && ids.includes("gpt-4"));
  await assertRejects(
    () => client.chat.completions.create({ ...CHAT, model: "gpt-5-nano" }),
    NotFoundError,
  );
  const open = new MockOpenAI({ apiKey: KEY, models: true });
  const any = new OpenAI({ apiKey: KEY, fetch: open.fetch });
  const made = await any.chat.completions.create({ ...CHAT, model: "x-1" });
  assertEquals(made.model, "x-1");
  assertEquals((await any.models.retrieve("x-1")).id, "x-1");
});

Deno.test("a fault with a no-body status (204, 205, 304) answers without a body", async () => {
  const mock = new MockOpenAI({ apiKey: KEY });
  for (const status of [204, 205, 304]) {
    mock.fault({ status });
    const res = await mock.fetch("http://mock/v1/models", {
      headers: { authorization: `Bearer ${KEY}` },
    });
    assertEquals([res.status, res.body], [status, null]);
  }
});

Deno.test("serveMock rejects (not throws) where Deno.serve is missing", async () => {
  const deno = Deno as unknown as { serve: unknown };
  const serve = deno.serve;
  deno.serve = undefined;
  try {
    const pending = serveMock();
    assert(pending instanceof Promise);
    await assertRejects(() => pending, Error, "Deno.serve is missing");
  } finally {
    deno.serve = serve;
  }
});

Deno.test("the models option must be an array of ids or true", () => {
  for (const models of ["gpt-3.5-turbo-extra", [1], { id: "x" }, false]) {
    assertThrows(
      () => new MockOpenAI({ models: models as unknown as string[] }),
      TypeError,
      "Invalid models",
    );
  }
  new MockOpenAI({ models: true });
  new MockOpenAI({ models: [] });
});

Deno.test("a form field sent more than once is recorded with every value", async () => {
  const mock = new MockOpenAI({ apiKey: KEY });
  const form = new FormData();
  form.append("file", new File(["x"], "talk.mp3", { type: "audio/mpeg" }));
  form.append("model", "whisper-1");
  form.append("timestamp_granularities[]", "word");
  form.append("timestamp_granularities[]", "segment");
  await mock.fetch("http://mock/v1/audio/transcriptions", {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}` },
    body: form,
  }).then((res) => res.body?.cancel());
  const body = mock.requests[0].body as Record<string, unknown>;
  assertEquals(body["timestamp_granularities[]"], ["word", "segment"]);
  assertEquals(body.model, "whisper-1");
});
