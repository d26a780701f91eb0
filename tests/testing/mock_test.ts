import { assert, assertEquals } from "../_assert.ts";
import { errorBody, MOCK_MODELS } from "../../testing.ts";
import { AUTH, chat, KINDS, post, readEvents, withTarget } from "./_helpers.ts";

for (const kind of KINDS) {
  Deno.test(`${kind}: chat completion echoes the last user message`, () =>
    withTarget(kind, undefined, async (t) => {
      const res = await post(t, "/chat/completions", {
        model: "gpt-4",
        messages: [
          { role: "system", content: "be brief" },
          { role: "user", content: "hello there" },
        ],
        n: 2,
      });
      assertEquals(res.status, 200);
      const json = await res.json();
      assertEquals(json.object, "chat.completion");
      assertEquals(json.model, "gpt-4");
      assert(json.id.startsWith("chatcmpl-"));
      assertEquals(json.choices.length, 2);
      assertEquals(json.choices[1], {
        index: 1,
        message: { role: "assistant", content: "Echo: hello there" },
        finish_reason: "stop",
      });
      assertEquals(json.usage, {
        prompt_tokens: 4,
        completion_tokens: 6,
        total_tokens: 10,
      });
    }));

  Deno.test(`${kind}: models list, retrieve, delete with decoded ids`, () =>
    withTarget(kind, undefined, async (t) => {
      const get = (path: string, method = "GET") =>
        t.fetch(`${t.url}${path}`, { method, headers: AUTH });
      const list = await (await get("/models")).json();
      assertEquals(list, { object: "list", data: MOCK_MODELS });
      const gpt4 = await (await get("/models/gpt-4")).json();
      assertEquals(gpt4.id, "gpt-4");
      assertEquals(typeof gpt4.owned_by, "string");
      const ft = "curie:ft-acmeco-2021-03-03-21-44-20";
      const tuned = await (await get(`/models/${encodeURIComponent(ft)}`))
        .json();
      assertEquals(tuned.id, ft);
      const missing = await get("/models/nope");
      assertEquals(missing.status, 404);
      assertEquals((await missing.json()).error.param, "model");
      const id = "ft:gpt-3.5-turbo:acme::a/b c";
      const deleted = await (await get(
        "/models/ft%3Agpt-3.5-turbo%3Aacme%3A%3Aa%2Fb%20c",
        "DELETE",
      )).json();
      assertEquals(deleted, { id, object: "model", deleted: true });
      const bad = await get("/models/%E0%A4%A", "DELETE");
      assertEquals(bad.status, 400);
      await bad.body?.cancel();
    }));

  Deno.test(`${kind}: the Bearer scheme is matched in any case`, () =>
    withTarget(kind, { apiKey: "sk-right" }, async (t) => {
      for (const scheme of ["bearer", "BEARER", "Bearer"]) {
        const res = await t.fetch(`${t.url}/models`, {
          headers: { authorization: `${scheme} sk-right` },
        });
        assertEquals(res.status, 200, scheme);
        await res.body?.cancel();
      }
    }));

  Deno.test(`${kind}: auth failures are 401 with an OpenAI error`, () =>
    withTarget(kind, { apiKey: "sk-right" }, async (t) => {
      for (const authorization of [undefined, "Bearer sk-wrong", "Bearer "]) {
        const res = await t.fetch(`${t.url}/models`, {
          headers: authorization ? { authorization } : {},
        });
        assertEquals(res.status, 401);
        const { error } = await res.json();
        assertEquals(error.type, "invalid_request_error");
        assertEquals(error.param, null);
        assertEquals(error.code, "invalid_api_key");
        assert(!error.message.includes("sk-wrong"));
      }
      const ok = await t.fetch(`${t.url}/models`, {
        headers: { authorization: "Bearer sk-right" },
      });
      assertEquals(ok.status, 200);
      await ok.body?.cancel();
    }));

  Deno.test(`${kind}: unknown path 404, wrong method 405, bad JSON 400`, () =>
    withTarget(kind, undefined, async (t) => {
      const nowhere = await t.fetch(`${t.url}/nowhere`, { headers: AUTH });
      assertEquals(nowhere.status, 404);
      assertEquals((await nowhere.json()).error.type, "invalid_request_error");
      const wrong = await t.fetch(`${t.url}/models`, {
        method: "DELETE",
        headers: AUTH,
      });
      assertEquals(wrong.status, 405);
      assertEquals(wrong.headers.get("allow"), "GET");
      await wrong.body?.cancel();
      const bad = await t.fetch(`${t.url}/chat/completions`, {
        method: "POST",
        headers: AUTH,
        body: "{nope",
      });
      assertEquals(bad.status, 400);
      assert((await bad.json()).error.message.includes("{nope"));
      const noModel = await post(t, "/completions", { prompt: "x" });
      assertEquals(noModel.status, 400);
      assertEquals((await noModel.json()).error.param, "model");
    }));

  Deno.test(`${kind}: requests are recorded, also outside /v1 (404)`, () =>
    withTarget(kind, undefined, async (t) => {
      const root = t.url.slice(0, -3);
      const outside = await t.fetch(`${root}/models?limit=2&after=x`, {
        headers: { ...AUTH, "X-Custom": "Yes" },
      });
      assertEquals(outside.status, 404);
      assert((await outside.json()).error.message.includes("/v1"));
      const body = { model: "text-davinci-003", prompt: "p" };
      await (await post(t, "/completions", body)).body?.cancel();
      const form = new FormData();
      form.set("purpose", "fine-tune");
      form.set("file", new File(["{}\n"], "data.jsonl"));
      await (await t.fetch(`${t.url}/files`, {
        method: "POST",
        headers: { authorization: "Bearer sk-test" },
        body: form,
      })).body?.cancel();

      const [list, completion, upload] = t.mock.requests;
      assertEquals(list.method, "GET");
      assertEquals(list.path, "/models");
      assertEquals(list.query, { limit: "2", after: "x" });
      assertEquals(list.headers["x-custom"], "Yes");
      // A short key is masked whole.
      assertEquals(list.headers.authorization, "Bearer …");
      assertEquals(list.body, undefined);
      assertEquals(completion.body, body);
      const fields = upload.body as Record<string, string | File>;
      assertEquals(upload.path, "/files");
      assertEquals(fields.purpose, "fine-tune");
      assert(fields.file instanceof File);
      assertEquals(fields.file.name, "data.jsonl");
      assertEquals(await fields.file.text(), "{}\n");
      t.mock.reset();
      assertEquals(t.mock.requests.length, 0);
    }));
}

Deno.test("chat forced function_call, max_tokens and a bad n", () =>
  withTarget("local", undefined, async (t) => {
    const fn = await post(
      t,
      "/chat/completions",
      chat("weather?", {
        functions: [{ name: "get_weather", parameters: {} }],
        function_call: { name: "get_weather" },
      }),
    );
    const { choices } = await fn.json();
    assertEquals(choices[0].finish_reason, "function_call");
    assertEquals(choices[0].message, {
      role: "assistant",
      content: null,
      function_call: { name: "get_weather", arguments: "{}" },
    });
    // The seeds make `parameters` optional: a function may take no arguments.
    const bare = await post(
      t,
      "/chat/completions",
      chat("time?", { functions: [{ name: "get_time" }] }),
    );
    assertEquals(bare.status, 200);
    await bare.body?.cancel();
    const cut = await post(
      t,
      "/chat/completions",
      chat("a b c d", {
        max_tokens: 3,
      }),
    );
    const cutJson = await cut.json();
    assertEquals(cutJson.choices[0].message.content, "Echo: a b ");
    assertEquals(cutJson.choices[0].finish_reason, "length");
    const badN = await post(t, "/chat/completions", chat("x", { n: 0 }));
    assertEquals(badN.status, 400);
    assertEquals((await badN.json()).error.param, "n");
  }));

Deno.test("completions echo each prompt n times", () =>
  withTarget("local", undefined, async (t) => {
    const res = await post(t, "/completions", {
      model: "text-davinci-003",
      prompt: ["one two", "three"],
      n: 2,
    });
    const json = await res.json();
    assertEquals(json.object, "text_completion");
    assertEquals(
      json.choices.map((
        c: { text: string; index: number },
      ) => [c.index, c.text]),
      [[0, "Echo: one two"], [1, "Echo: one two"], [2, "Echo: three"], [
        3,
        "Echo: three",
      ]],
    );
    assertEquals(json.usage.prompt_tokens, 3);
  }));

Deno.test("completions answer logprobs when asked, streamed or not", () =>
  withTarget("local", undefined, async (t) => {
    const body = { model: "text-davinci-003", prompt: "one two", echo: true };
    type Choice = {
      text: string;
      logprobs: {
        tokens: string[];
        token_logprobs: number[];
        top_logprobs: Record<string, number>[];
        text_offset: number[];
      } | null;
    };
    const plain = await (await post(t, "/completions", body)).json();
    assertEquals(plain.choices[0].logprobs, null);
    const json = await (await post(t, "/completions", { ...body, logprobs: 2 }))
      .json();
    const { text, logprobs } = json.choices[0] as Choice;
    assertEquals(text, "one twoEcho: one two");
    assertEquals(logprobs!.tokens.join(""), text);
    assertEquals(
      logprobs!.text_offset,
      logprobs!.tokens.map((_, i) =>
        logprobs!.tokens.slice(0, i).join("").length
      ),
    );
    for (const [i, top] of logprobs!.top_logprobs.entries()) {
      // The sampled token and `logprobs` alternatives, all below zero.
      assertEquals(Object.keys(top).length, 3);
      assertEquals(top[logprobs!.tokens[i]], logprobs!.token_logprobs[i]);
      assert(Object.values(top).every((p) => p < 0));
    }
    // Streamed: each piece's logprobs, offsets counted in the whole text.
    const streamed = await readEvents(
      await post(t, "/completions", { ...body, logprobs: 0, stream: true }),
    );
    const pieces = streamed.filter((e) => e !== "[DONE]")
      .map((e) => JSON.parse(e).choices[0] as Choice)
      .filter((c) => c.text);
    assertEquals(pieces.flatMap((c) => c.logprobs!.tokens).join(""), text);
    assertEquals(
      pieces.flatMap((c) => c.logprobs!.text_offset),
      logprobs!.text_offset,
    );
    assert(
      pieces.every((c) =>
        Object.keys(c.logprobs!.top_logprobs[0]).length === 1
      ),
    );
  }));

Deno.test("record: false keeps no requests", () =>
  withTarget("local", { record: false }, async (t) => {
    await (await t.fetch(`${t.url}/models`, { headers: AUTH })).body?.cancel();
    assertEquals(t.mock.requests.length, 0);
  }));

Deno.test("errorBody has the OpenAI shape", () => {
  assertEquals(errorBody(401).error.code, "invalid_api_key");
  assertEquals(errorBody(503).error.type, "server_error");
  assertEquals(errorBody(418, "teapot").error, {
    message: "teapot",
    type: "invalid_request_error",
    param: null,
    code: null,
  });
});
