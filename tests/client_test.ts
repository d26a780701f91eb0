import OpenAI, * as mod from "../mod.ts";
import { assert, assertEquals, assertRejects } from "./_assert.ts";
import {
  chatBody,
  inProcess,
  KEY,
  MASKED_KEY,
  overHTTP,
  withEnv,
} from "./core/_helpers.ts";

Deno.test("the default export is the OpenAI class", () => {
  assert(mod.default === mod.OpenAI);
  assert(OpenAI === mod.OpenAI);
});

Deno.test("the client exposes its settings read-only, and no key", () =>
  withEnv({}, () => {
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: "http://x.local/v1/",
      timeout: 1234,
      maxRetries: 4,
    });
    assertEquals(client.baseURL, "http://x.local/v1");
    assertEquals(client.timeout, 1234);
    assertEquals(client.maxRetries, 4);
    assertEquals(client.organization, null);
    // Unlike the official SDK there is no client.apiKey: even a getter would
    // show the key in Deno.inspect with `getters: true`.
    assert(!("apiKey" in client));
    assert(!JSON.stringify(client).includes(KEY));
    assert(
      !Deno.inspect(client, { getters: true, showHidden: true }).includes(KEY),
    );
    assertEquals(client.project, null);
    const org = new OpenAI({ apiKey: KEY, organization: "org-1" });
    assertEquals(org.organization, "org-1");
  }));

Deno.test("OpenAI.DEFAULT_TIMEOUT and OpenAI.toFile, as in the official SDK", async () => {
  assertEquals(new OpenAI({ apiKey: KEY }).timeout, OpenAI.DEFAULT_TIMEOUT);
  assertEquals(OpenAI.DEFAULT_TIMEOUT, 600_000);
  assert(OpenAI.toFile === mod.toFile);
  const file = await OpenAI.toFile(new Uint8Array([1, 2]), "a.bin");
  assertEquals([file.name, file.size], ["a.bin", 2]);
});

Deno.test("the OpenAI namespace: official type paths compile and its modules exist at run time", () => {
  // Annotations as ported from the official SDK: a wrong path fails `deno check`.
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [
    { role: "user", content: "Hello" },
  ];
  const top: OpenAI.ChatCompletionMessageParam = messages[0];
  const params: OpenAI.ChatCompletionCreateParams = {
    model: "gpt-4",
    messages: [top],
  };
  const reply = (c: OpenAI.Chat.ChatCompletion) => c.choices[0].message;
  const chunk = (c: OpenAI.ChatCompletionChunk) => c.choices[0]?.delta;
  const models = (m: OpenAI.Models.Model[]) => m.map((x) => x.id);
  const file = (f: OpenAI.FileObject) => f.id;
  assertEquals([params.model, typeof reply, typeof chunk], [
    "gpt-4",
    "function",
    "function",
  ]);
  assertEquals([typeof models, typeof file], ["function", "function"]);
  // The same paths hold the classes at run time, not only at type level.
  assert(OpenAI.Chat.Chat === mod.Chat);
  assert(OpenAI.Chat.ChatCompletions === mod.ChatCompletions);
  assert(OpenAI.FineTuning.Jobs === mod.Jobs);
  assert(OpenAI.Embeddings.decodeEmbedding === mod.decodeEmbedding);
  const names = [
    "Chat",
    "Completions",
    "Models",
    "Audio",
    "Files",
    "Edits",
    "Embeddings",
    "Moderations",
    "Images",
    "Engines",
    "Answers",
    "Classifications",
    "FineTunes",
    "FineTuning",
  ] as const;
  for (const name of names) {
    assertEquals(typeof OpenAI[name], "object", name);
  }
});

Deno.test("the OpenAI namespace: the official SDK's nested type paths compile", () => {
  // Each annotation is one the official SDK accepts; a missing path fails
  // `deno check`, which `deno test` runs first.
  const message: OpenAI.Chat.Completions.ChatCompletionMessageParam = {
    role: "user",
    content: "Hello",
  };
  const choice = (c: OpenAI.Chat.ChatCompletion.Choice) => c.message.content;
  const delta = (d: OpenAI.Chat.ChatCompletionChunk.Choice.Delta) => d.content;
  const completion = (c: OpenAI.Chat.Completions.ChatCompletion) =>
    c.choices.map(choice);
  const job = (j: OpenAI.FineTuning.Jobs.FineTuningJob) => j.id;
  const jobs = (p: OpenAI.FineTuning.Jobs.FineTuningJobsPage) =>
    p.data.map(job);
  const checkpoints = (
    p: OpenAI.FineTuning.Checkpoints.FineTuningJobCheckpointsPage,
  ) => p.data.length;
  const transcript = (t: OpenAI.Audio.Transcriptions.Transcription) => t.text;
  const translation = (t: OpenAI.Audio.Translations.TranslationCreateParams) =>
    t.model;
  const models = (p: OpenAI.Models.ModelsPage) => p.data.length;
  const files = (p: OpenAI.Files.FileObjectsPage) => p.data.length;
  const purpose: OpenAI.FilePurpose = "fine-tune";
  const listed: OpenAI.FileListParams = { purpose };
  const embedding = (e: OpenAI.Embedding) => e.embedding.length;
  const usage = (u: OpenAI.CreateEmbeddingResponse.Usage) => u.total_tokens;
  const moderation = (m: OpenAI.Moderation) => m.flagged;
  const categories = (c: OpenAI.Moderation.Categories) => c.violence;
  const tokens = (u: OpenAI.CompletionUsage) => u.total_tokens;
  const options: OpenAI.RequestOptions = { timeout: 1_000 };
  const fn: OpenAI.Chat.ChatCompletionCreateParams.Function = { name: "now" };
  const fns: OpenAI.ChatCompletionCreateParams.Function[] = [fn];
  const checks = [
    choice,
    delta,
    completion,
    jobs,
    checkpoints,
    transcript,
    translation,
    models,
    files,
    embedding,
    usage,
    moderation,
    categories,
    tokens,
  ];
  assert(checks.every((f) => typeof f === "function"));
  assertEquals([message.role, options.timeout, listed.purpose, fns[0].name], [
    "user",
    1_000,
    "fine-tune",
    "now",
  ]);
  // `OpenAI.Chat.Completions` is the class too, as a test's spy expects.
  assert(OpenAI.Chat.Completions === mod.ChatCompletions);
  assertEquals(typeof OpenAI.Chat.Completions.prototype.create, "function");
});

Deno.test("end to end over HTTP: models list/retrieve/delete, chat, completions", async () => {
  await using http = await overHTTP();
  const { client, mock } = http;
  const page = await client.models.list();
  assertEquals(page.object, "list");
  const ids: string[] = [];
  for await (const model of page) ids.push(model.id);
  assert(ids.includes("gpt-4"), ids.join());
  assertEquals((await client.models.retrieve("gpt-4")).owned_by, "openai");
  const deleted = await client.models.delete("ft:gpt-3.5-turbo:acme::abc");
  assertEquals(deleted.deleted, true);
  const chat = await client.chat.completions.create(chatBody);
  assertEquals(chat.choices[0].message.content, "Echo: hello there");
  const legacy = await client.completions.create({
    model: "text-davinci-003",
    prompt: "Say this",
  });
  assert(typeof legacy.choices[0].text === "string");
  assertEquals(
    mock.requests.map((r) => `${r.method} ${r.path}`),
    [
      "GET /models",
      "GET /models/gpt-4",
      // ":" is percent-encoded like every reserved character in an id.
      "DELETE /models/ft%3Agpt-3.5-turbo%3Aacme%3A%3Aabc",
      "POST /chat/completions",
      "POST /completions",
    ],
  );
});

Deno.test("end to end in-process: streamed legacy completion", async () => {
  const { client } = inProcess();
  const stream = await client.completions.create({
    model: "text-davinci-003",
    prompt: "Say this",
    stream: true,
  });
  let text = "";
  for await (const chunk of stream) text += chunk.choices[0]?.text ?? "";
  assert(text.length > 0);
});

Deno.test("two clients do not share settings", async () => {
  const a = inProcess({ defaultHeaders: { "x-client": "a" } });
  const b = inProcess({ defaultHeaders: { "x-client": "b" } });
  await a.client.models.retrieve("gpt-4");
  await b.client.models.retrieve("gpt-4");
  assertEquals(a.mock.requests[0].headers["x-client"], "a");
  assertEquals(b.mock.requests[0].headers["x-client"], "b");
});

Deno.test("withOptions gives a new client over the same settings, leaving this one", async () => {
  const { client, mock } = inProcess({
    timeout: 1234,
    defaultHeaders: { "x-client": "base" },
  });
  const derived = client.withOptions({ maxRetries: 7 });
  assert(derived instanceof OpenAI && derived !== client);
  assertEquals([derived.timeout, derived.maxRetries], [1234, 7]);
  assertEquals([client.timeout, client.maxRetries], [1234, 2]);
  await derived.models.retrieve("gpt-4");
  assertEquals(mock.requests[0].headers["x-client"], "base");
  assertEquals(mock.requests[0].headers.authorization, MASKED_KEY);
  assert(!Deno.inspect(derived).includes(KEY));
  assert(!JSON.stringify(derived).includes(KEY));
});

Deno.test("a 404 through the whole client is a NotFoundError with the API's fields", async () => {
  const { client } = inProcess();
  const err = await assertRejects(
    () => client.models.retrieve("no-such-model"),
    OpenAI.NotFoundError,
  ) as InstanceType<typeof OpenAI.APIError>;
  assertEquals(err.status, 404);
  assertEquals(err.code, "model_not_found");
  assertEquals(err.param, "model");
});

Deno.test("results carry the response's x-request-id as a hidden _request_id; withResponse gives request_id", async () => {
  const { client } = inProcess();
  const completion = await client.chat.completions.create(chatBody);
  assert(
    /^req_mock\d+$/.test(completion._request_id ?? ""),
    completion._request_id ?? "none",
  );
  // Hidden from JSON and from spreads, as with the official SDK.
  assert(!JSON.stringify(completion).includes("_request_id"));
  assert(!("_request_id" in { ...completion }));
  const { data, response, request_id } = await client.models
    .retrieve("gpt-4").withResponse();
  assertEquals(request_id, response.headers.get("x-request-id"));
  assertEquals(data._request_id, request_id);
  assert(request_id !== completion._request_id, "one id per response");
});

Deno.test("a field newer than the 2.0.0 types, cast through, reaches the API as given", async () => {
  let sent: unknown;
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/v1",
    fetch: (_input, init) => {
      sent = JSON.parse(String(init?.body));
      return Promise.resolve(
        Response.json({ object: "chat.completion", choices: [] }),
      );
    },
  });
  const tools = [{ type: "function", function: { name: "now" } }];
  await client.chat.completions.create(
    { ...chatBody, tools } as OpenAI.ChatCompletionCreateParamsNonStreaming,
  );
  assertEquals(sent, { ...chatBody, tools });
});
