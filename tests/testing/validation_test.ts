import { assert, assertEquals } from "../_assert.ts";
import { MOCK_MODELS, MockOpenAI } from "../../testing.ts";
import { SAMPLES } from "../spec/samples.ts";
import { REQUEST_SCHEMAS } from "../../src/testing/request_schemas.ts";
import OpenAI, { Stream } from "../../mod.ts";
import { chat } from "./_helpers.ts";

const URL_ = "http://mock.local/v1";
const MODEL_LITERAL =
  /"((?:gpt|text|code|whisper)-[\w.-]+|ada|babbage|curie|davinci)"/g;
const AUTH = { authorization: "Bearer sk-test" };

async function send(
  mock: MockOpenAI,
  path: string,
  body: unknown,
): Promise<{ status: number; error: Record<string, unknown> }> {
  const init: RequestInit = { method: "POST", headers: AUTH };
  if (body instanceof FormData) init.body = body;
  else {
    init.body = JSON.stringify(body);
    init.headers = { ...AUTH, "content-type": "application/json" };
  }
  const res = await mock.fetch(`${URL_}${path}`, init);
  const json = await res.json();
  return { status: res.status, error: json.error };
}

function form(fields: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const png = (size = 16) =>
  new File([new Uint8Array(size).map((_, i) => PNG_HEAD[i] ?? 0)], "o.png", {
    type: "image/png",
  });
const mp3 = new File([new Uint8Array(64)], "a.mp3", { type: "audio/mpeg" });

Deno.test("an unknown field gets the API's 400 body", async () => {
  const mock = new MockOpenAI();
  const res = await mock.fetch(`${URL_}/chat/completions`, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/json" },
    body: JSON.stringify(chat("hi", { max_token: 1 })),
  });
  assertEquals(res.status, 400);
  assertEquals(await res.json(), {
    error: {
      message: "Unrecognized request argument supplied: max_token",
      type: "invalid_request_error",
      param: null,
      code: null,
    },
  });
});

Deno.test("every operation with a body rejects an unknown field", async () => {
  // Replays each spec sample's request with one extra field.
  const mock = new MockOpenAI();
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: URL_,
    fetch: mock.fetch,
    maxRetries: 0,
  });
  const seen = new Set<string>();
  for (const sample of SAMPLES) {
    const prepared = await sample.setup?.(client);
    const before = mock.requests.length;
    const result = await sample.call(client, prepared);
    if (result instanceof Response) await result.body?.cancel();
    else if (result instanceof Stream) { for await (const _ of result); }
    const request = mock.requests[before];
    if (request.method !== "POST" || request.body === undefined) continue;
    const fields = request.body as Record<string, unknown>;
    const multipart = Object.values(fields).some((v) => v instanceof File);
    const body = multipart
      ? form({ ...fields as Record<string, string | File>, bogus: "1" })
      : { ...fields, bogus: 1 };
    const { status, error } = await send(mock, request.path, body);
    assertEquals(status, 400, `${sample.operationId}: ${error?.message}`);
    assertEquals(
      error.message,
      "Unrecognized request argument supplied: bogus",
      sample.operationId,
    );
    seen.add(sample.operationId);
  }
  assertEquals([...seen].sort(), Object.keys(REQUEST_SCHEMAS).sort());
});

Deno.test("chat messages need a known role, and a name for function results", async () => {
  const mock = new MockOpenAI();
  const cases: [unknown, string, string][] = [
    [{ content: "hi" }, "messages[0].role", "You must provide"],
    [{ role: "bot", content: "hi" }, "messages[0].role", '"bot"'],
    [{ role: "user" }, "messages[0].content", "You must provide"],
    [{ role: "function", content: "{}" }, "messages[0].name", "'function'"],
    [{ role: "user", content: 5 }, "messages[0].content", "5"],
  ];
  for (const [message, param, text] of cases) {
    const { status, error } = await send(mock, "/chat/completions", {
      model: "gpt-4",
      messages: [message],
    });
    assertEquals(status, 400, JSON.stringify(message));
    assertEquals(error.param, param);
    assert(String(error.message).includes(text), String(error.message));
  }
  const extra = await send(mock, "/chat/completions", {
    model: "gpt-4",
    messages: [{ role: "user", content: "hi", mood: "good" }],
  });
  assertEquals(
    extra.error.message,
    "Unrecognized request argument supplied: messages[0].mood",
  );
  const named = await send(mock, "/chat/completions", {
    model: "gpt-4",
    messages: [{ role: "function", name: "f", content: "{}" }],
  });
  assertEquals(named.status, 200);
});

Deno.test("values outside the spec's types, enums and ranges are 400", async () => {
  const mock = new MockOpenAI();
  const cases: [string, unknown, string][] = [
    ["/chat/completions", chat("hi", { temperature: 7 }), "temperature"],
    [
      "/chat/completions",
      chat("hi", { stop: ["a", "b", "c", "d", "e"] }),
      "stop",
    ],
    ["/chat/completions", chat("hi", { n: "2" }), "n"],
    ["/chat/completions", chat("hi", { stream: "true" }), "stream"],
    [
      "/chat/completions",
      chat("hi", { logit_bias: { "1": 101 } }),
      "logit_bias.1",
    ],
    ["/images/generations", { prompt: "otter", n: "2" }, "n"],
    ["/images/generations", { prompt: "otter", size: "9x9" }, "size"],
    ["/embeddings", { model: "text-embedding-ada-002", input: 5 }, "input"],
    [
      "/fine_tuning/jobs",
      {
        model: "gpt-3.5-turbo",
        training_file: "file-x",
        hyperparameters: { n_epochs: 1000 },
      },
      "hyperparameters.n_epochs",
    ],
    [
      "/completions",
      { model: "text-davinci-003", prompt: "x", best_of: 3, stream: true },
      "best_of",
    ],
    [
      "/completions",
      { model: "text-davinci-003", prompt: "x", best_of: 1, n: 2 },
      "best_of",
    ],
  ];
  for (const [path, body, param] of cases) {
    const { status, error } = await send(mock, path, body);
    assertEquals([status, error?.param], [400, param], JSON.stringify(body));
    assertEquals(error.type, "invalid_request_error");
  }
  const temp = await send(
    mock,
    "/chat/completions",
    chat("hi", { temperature: 7 }),
  );
  assertEquals(
    temp.error.message,
    "Invalid temperature: 7 (expected a number from 0 to 2)",
  );
});

Deno.test("unknown models are 404 model_not_found on every route with a model", async () => {
  const mock = new MockOpenAI();
  const chatRes = await send(mock, "/chat/completions", {
    model: "gpt-4-tuurbo",
    messages: [{ role: "user", content: "hi" }],
  });
  assertEquals(chatRes.status, 404);
  assertEquals(chatRes.error, {
    message: "The model 'gpt-4-tuurbo' does not exist",
    type: "invalid_request_error",
    param: "model",
    code: "model_not_found",
  });
  const audio = await send(
    mock,
    "/audio/transcriptions",
    form({ file: mp3, model: "whisper-2" }),
  );
  assertEquals([audio.status, audio.error.code], [404, "model_not_found"]);
  const tuned = await send(mock, "/chat/completions", {
    model: "ft:gpt-3.5-turbo:acme::abc123",
    messages: [{ role: "user", content: "hi" }],
  });
  assertEquals(tuned.status, 200);
});

Deno.test("every model id the client's types suggest is known to the mock", async () => {
  // The literals offered for autocomplete in `model` fields must not 404.
  const suggested = new Set<string>();
  for (const entry of Deno.readDirSync("src/resources")) {
    const text = Deno.readTextFileSync(`src/resources/${entry.name}`);
    for (const [, id] of text.matchAll(MODEL_LITERAL)) suggested.add(id);
  }
  assert(suggested.size > 20, `only ${suggested.size} model literals found`);
  const known = new Set(MOCK_MODELS.map((m) => m.id));
  assertEquals([...suggested].filter((id) => !known.has(id)), []);
  const mock = new MockOpenAI();
  const res = await send(mock, "/chat/completions", {
    model: "gpt-4-0613",
    messages: [{ role: "user", content: "hi" }],
  });
  assertEquals(res.status, 200);
});

Deno.test("multipart routes check their fields and files", async () => {
  const mock = new MockOpenAI();
  const language = await send(
    mock,
    "/audio/translations",
    form({ file: mp3, model: "whisper-1", language: "de" }),
  );
  assertEquals(language.status, 400);
  assertEquals(
    language.error.message,
    "Unrecognized request argument supplied: language",
  );
  const temperature = await send(
    mock,
    "/audio/transcriptions",
    form({ file: mp3, model: "whisper-1", temperature: "hot" }),
  );
  assertEquals([temperature.status, temperature.error.param], [
    400,
    "temperature",
  ]);
  const noExtension = await send(
    mock,
    "/audio/transcriptions",
    form({ file: new File([new Uint8Array(8)], "blob"), model: "whisper-1" }),
  );
  assertEquals([noExtension.status, noExtension.error.param], [400, "file"]);
  // Every format the API takes, flac and ogg too, in any case.
  for (const name of ["a.flac", "a.OGG", "a.webm", "a.m4a"]) {
    const audio = new File([new Uint8Array(8)], name);
    const ok = await send(
      mock,
      "/audio/transcriptions",
      form({ file: audio, model: "whisper-1" }),
    );
    assertEquals([name, ok.status], [name, 200]);
  }
  const text = await send(
    mock,
    "/audio/translations",
    form({ file: new File(["hi"], "notes.txt"), model: "whisper-1" }),
  );
  assertEquals([text.status, text.error.param], [400, "file"]);
  const purpose = await send(
    mock,
    "/files",
    form({ file: new File(["{}\n"], "a.jsonl"), purpose: "bogus" }),
  );
  assertEquals([purpose.status, purpose.error.param], [400, "purpose"]);
  // Multipart text that reads as the schema's type is fine.
  const variation = await send(
    mock,
    "/images/variations",
    form({ image: png(), n: "2" }),
  );
  assertEquals(variation.status, 200);
});

Deno.test("image uploads must be PNG files under 4 MB", async () => {
  const mock = new MockOpenAI();
  const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "a.jpg", {
    type: "image/jpeg",
  });
  const cases: [Record<string, string | File>, string][] = [
    [{ image: jpeg, prompt: "hat" }, "image"],
    [{ image: png(4 * 1024 * 1024), prompt: "hat" }, "image"],
    [{ image: png(), mask: jpeg, prompt: "hat" }, "mask"],
  ];
  for (const [fields, param] of cases) {
    const { status, error } = await send(mock, "/images/edits", form(fields));
    assertEquals([status, error?.param], [400, param]);
    assert(String(error.message).includes("PNG"), String(error.message));
  }
  const ok = await send(
    mock,
    "/images/edits",
    form({ image: png(), prompt: "hat" }),
  );
  assertEquals(ok.status, 200);
});

Deno.test("JSON routes reject form bodies, multipart routes reject JSON", async () => {
  const mock = new MockOpenAI();
  const paths = [
    "/chat/completions",
    "/completions",
    "/edits",
    "/embeddings",
    "/moderations",
    "/images/generations",
    "/fine-tunes",
    "/fine_tuning/jobs",
    "/answers",
    "/engines/ada/search",
    "/classifications",
  ];
  for (const path of paths) {
    const { status, error } = await send(
      mock,
      path,
      form({ model: "gpt-4", prompt: "hi" }),
    );
    assertEquals(status, 400, path);
    assert(String(error.message).includes("JSON"), path);
  }
  for (
    const path of ["/images/variations", "/audio/transcriptions", "/files"]
  ) {
    const { status, error } = await send(mock, path, { model: "whisper-1" });
    assertEquals(status, 400, path);
    assert(String(error.message).includes("multipart"), path);
  }
});

Deno.test("a JSON body sent with another content type is a 400 naming application/json", async () => {
  const mock = new MockOpenAI();
  const body = JSON.stringify(chat("hi"));
  for (const type of ["text/plain", "application/octet-stream"]) {
    const res = await mock.fetch(`${URL_}/chat/completions`, {
      method: "POST",
      headers: { ...AUTH, "content-type": type },
      body,
    });
    assertEquals(res.status, 400, type);
    const { message } = (await res.json()).error;
    assert(message.includes(type), message);
    assert(message.includes("application/json"), message);
    assert(!message.includes("expected a JSON object"), message);
  }
  // A parameter and any case are fine.
  for (const type of ["application/json; charset=utf-8", "Application/JSON"]) {
    const res = await mock.fetch(`${URL_}/chat/completions`, {
      method: "POST",
      headers: { ...AUTH, "content-type": type },
      body,
    });
    assertEquals(res.status, 200, type);
    await res.body?.cancel();
  }
});

Deno.test("deleteModel: 404 unknown, 403 base models, fine-tuned ones once", async () => {
  const mock = new MockOpenAI();
  const del = async (id: string, method = "DELETE") => {
    const res = await mock.fetch(`${URL_}/models/${encodeURIComponent(id)}`, {
      method,
      headers: AUTH,
    });
    return [res.status, await res.json()];
  };
  const [baseStatus, base] = await del("gpt-4");
  assertEquals([baseStatus, base.error.param], [403, "model"]);
  const [missingStatus, missing] = await del("no-such-model");
  assertEquals([missingStatus, missing.error.code], [404, "model_not_found"]);
  const id = "ft:gpt-3.5-turbo:acme::abc123";
  assertEquals(await del(id), [200, { id, object: "model", deleted: true }]);
  assertEquals((await del(id))[0], 404);
  assertEquals((await del(id, "GET"))[0], 404);
  assertEquals((await del("gpt-4", "GET"))[0], 200);
  // A deleted model can no longer be used either.
  const res = await mock.fetch(`${URL_}/chat/completions`, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/json" },
    body: JSON.stringify({
      model: id,
      messages: [{ role: "user", content: "hi" }],
    }),
  });
  assertEquals([res.status, (await res.json()).error.code], [
    404,
    "model_not_found",
  ]);
});

Deno.test("paths outside /v1 are 404, so a baseURL without /v1 fails", async () => {
  const mock = new MockOpenAI();
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: "http://mock.local",
    fetch: mock.fetch,
    maxRetries: 0,
  });
  mock.fault({ status: 500 });
  const error = await client.models.list().then(() => undefined, (e) => e);
  assertEquals(error?.status, 404);
  assertEquals(error.error.type, "invalid_request_error");
  assert(error.message.includes("baseURL"), error.message);
  const good = new OpenAI({
    apiKey: "sk-test",
    baseURL: URL_,
    fetch: mock.fetch,
    maxRetries: 0,
  });
  // The fault was not used up by a request outside the API.
  const failed = await good.models.list().then(() => undefined, (e) => e);
  assertEquals(failed?.status, 500);
  assertEquals((await good.models.list()).data.length > 0, true);
});
