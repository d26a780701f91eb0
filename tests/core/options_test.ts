import OpenAI, { OpenAIError } from "../../mod.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import {
  inProcess,
  json,
  KEY,
  overHTTP,
  stubClient,
  timers,
  withEnv,
} from "./_helpers.ts";

Deno.test("apiKey: the option wins over OPENAI_API_KEY", async () => {
  await withEnv({ OPENAI_API_KEY: "sk-from-env" }, async () => {
    const { client, calls } = stubClient([() => json({ id: "m" })], {
      apiKey: "sk-from-option",
    });
    await client.models.retrieve("m");
    assertEquals(
      calls[0].headers.get("authorization"),
      "Bearer sk-from-option",
    );
  });
});

Deno.test("apiKey: falls back to OPENAI_API_KEY", async () => {
  await withEnv({ OPENAI_API_KEY: "sk-from-env" }, async () => {
    const { client, calls } = stubClient([() => json({ id: "m" })], {
      apiKey: undefined,
    });
    await client.models.retrieve("m");
    assertEquals(calls[0].headers.get("authorization"), "Bearer sk-from-env");
  });
});

Deno.test("apiKey: missing everywhere throws an OpenAIError naming both", async () => {
  await withEnv({}, () => {
    const err = assertThrows(() => new OpenAI(), OpenAIError);
    assert(err.message.includes("apiKey"), err.message);
    assert(err.message.includes("OPENAI_API_KEY"), err.message);
  });
});

Deno.test({
  name: "env permission denied: no crash, no prompt, falls back to defaults",
  permissions: { env: false, net: ["127.0.0.1"] },
  fn() {
    const err = assertThrows(() => new OpenAI(), OpenAIError);
    // Deno says nothing of the permission: the message must.
    assert(err.message.includes("OPENAI_API_KEY"));
    assert(err.message.includes("--allow-env"), err.message);
    const client = new OpenAI({ apiKey: KEY });
    assertEquals(client.baseURL, "https://api.openai.com/v1");
  },
});

Deno.test("OPENAI_BASE_URL and OPENAI_ORG_ID are read from the environment", async () => {
  await withEnv({
    OPENAI_BASE_URL: "http://env.local/v1/",
    OPENAI_ORG_ID: "org-env",
  }, async () => {
    const { client, calls } = stubClient([() => json({ id: "m" })], {
      baseURL: undefined,
    });
    assertEquals(client.baseURL, "http://env.local/v1");
    await client.models.retrieve("m");
    assertEquals(calls[0].url, "http://env.local/v1/models/m");
    assertEquals(calls[0].headers.get("openai-organization"), "org-env");
  });
});

Deno.test("organization option is sent as OpenAI-Organization; null disables the env one", async () => {
  await withEnv({ OPENAI_ORG_ID: "org-env" }, async () => {
    const { client, mock } = inProcess({ organization: "org-123" });
    await client.models.retrieve("gpt-4");
    assertEquals(mock.requests[0].headers["openai-organization"], "org-123");
    const none = inProcess({ organization: null });
    await none.client.models.retrieve("gpt-4");
    assertEquals(
      none.mock.requests[0].headers["openai-organization"],
      undefined,
    );
  });
});

Deno.test("project option is sent as OpenAI-Project; OPENAI_PROJECT_ID is the default, null disables it", async () => {
  await withEnv({ OPENAI_PROJECT_ID: "proj_env" }, async () => {
    const fromEnv = inProcess();
    assertEquals(fromEnv.client.project, "proj_env");
    await fromEnv.client.models.retrieve("gpt-4");
    assertEquals(
      fromEnv.mock.requests[0].headers["openai-project"],
      "proj_env",
    );
    const given = inProcess({ project: "proj_123" });
    await given.client.models.retrieve("gpt-4");
    assertEquals(given.mock.requests[0].headers["openai-project"], "proj_123");
    const none = inProcess({ project: null });
    assertEquals(none.client.project, null);
    await none.client.models.retrieve("gpt-4");
    assertEquals(none.mock.requests[0].headers["openai-project"], undefined);
  });
  await withEnv({}, () => assertEquals(inProcess().client.project, null));
});

Deno.test("baseURL: trailing slashes are dropped, path joins cleanly", async () => {
  await using http = await overHTTP();
  const client = new OpenAI({ apiKey: KEY, baseURL: http.url + "//" });
  assertEquals(client.baseURL, http.url);
  const model = await client.models.retrieve("gpt-4");
  assertEquals(model.id, "gpt-4");
  assertEquals(http.mock.requests[0].path, "/models/gpt-4");
});

Deno.test("defaultHeaders, defaultQuery, per-request headers and query", async () => {
  const { client, mock } = inProcess({
    defaultHeaders: { "X-Team": "core", "X-Drop": "me" },
    defaultQuery: { "api-version": "1", skip: undefined },
  });
  await client.models.retrieve("gpt-4", {
    headers: { "X-Drop": null, "X-Extra": "yes", "x-team": "override" },
    query: { trace: true, n: 2 },
  });
  const seen = mock.requests[0];
  assertEquals(seen.headers["x-team"], "override");
  assertEquals(seen.headers["x-extra"], "yes");
  assertEquals(seen.headers["x-drop"], undefined);
  assertEquals(seen.query, { "api-version": "1", trace: "true", n: "2" });
  // Defaults are untouched by a request's overrides.
  await client.models.retrieve("gpt-4");
  assertEquals(mock.requests[1].headers["x-drop"], "me");
  assertEquals(mock.requests[1].headers["x-team"], "core");
});

Deno.test("a content-type in defaultHeaders does not break uploads", async () => {
  const { client, mock } = inProcess({
    defaultHeaders: { "Content-Type": "application/json" },
  });
  const file = new File(['{"prompt":"a","completion":"b"}\n'], "t.jsonl");
  const uploaded = await client.files.create({ file, purpose: "fine-tune" });
  assertEquals(uploaded.filename, "t.jsonl");
  assert(
    mock.requests[0].headers["content-type"].startsWith("multipart/form-data"),
  );
  await client.models.list();
  assertEquals(mock.requests[1].headers["content-type"], undefined);
});

Deno.test("headers given as Headers or pairs are sent, not silently dropped", async () => {
  const { client, mock } = inProcess({
    defaultHeaders: new Headers({ "X-Team": "core", "X-Drop": "me" }),
  });
  await client.models.retrieve("gpt-4", {
    headers: [
      ["X-Drop", null],
      ["X-Extra", "a"],
      ["x-extra", "b"],
      ["User-Agent", "mine/1"],
      // Skipped, as in a record: not an erasure of the value before it.
      ["X-Extra", undefined],
    ],
  });
  await client.models.retrieve("gpt-4", {
    headers: new Headers({ "x-team": "override" }),
  });
  const [first, second] = mock.requests.map((r) => r.headers);
  assertEquals(first["x-team"], "core");
  assertEquals(first["x-drop"], undefined);
  // A name given twice keeps its last value, whatever its case.
  assertEquals(first["x-extra"], "b");
  assertEquals(first["user-agent"], "mine/1");
  assertEquals(second["x-team"], "override");
  assertEquals(second["x-drop"], "me");
  // Pairs typed as the official SDK's `string[][]` are taken too.
  const ported: string[][] = [["X-Ported", "1"]];
  await client.models.retrieve("gpt-4", { headers: ported });
  assertEquals(mock.requests[2].headers["x-ported"], "1");
  // Checked like a record's: a bad value in a Headers-like input is refused.
  await assertRejects(
    () => client.models.retrieve("gpt-4", { headers: [["X-Bad", "a\nb"]] }),
    TypeError,
    "X-Bad",
  );
  assertEquals(mock.requests.length, 3);
});

Deno.test("a request's query overrides the client's default, once, and undefined removes it", async () => {
  const { client, calls } = stubClient([
    () => json({ object: "list", data: [] }),
  ], {
    defaultQuery: { "api-version": "2023-05-15", keep: "yes" },
  });
  await client.fineTuning.jobs.list({ limit: 5 }, {
    query: { "api-version": "2024-02-01", limit: 20 },
  });
  await client.fineTuning.jobs.list(undefined, {
    query: { "api-version": undefined },
  });
  const [first, second] = calls.map((call) => new URL(call.url));
  assertEquals(
    [...first.searchParams],
    [["api-version", "2024-02-01"], ["keep", "yes"], ["limit", "20"]],
  );
  assertEquals([...second.searchParams], [["keep", "yes"]]);
});

Deno.test("a null per-request header can remove the Authorization default", async () => {
  const { client, mock } = inProcess();
  const err = await assertRejects(
    () => client.models.retrieve("gpt-4", { headers: { Authorization: null } }),
    OpenAI.AuthenticationError,
  );
  assertEquals((err as InstanceType<typeof OpenAI.APIError>).status, 401);
  assertEquals(mock.requests[0].headers.authorization, undefined);
});

Deno.test("timeout and maxRetries: defaults and getters", () => {
  const client = new OpenAI({ apiKey: KEY });
  assertEquals(client.timeout, 600_000);
  assertEquals(client.maxRetries, 2);
  const custom = new OpenAI({ apiKey: KEY, timeout: 5, maxRetries: 0 });
  assertEquals(custom.timeout, 5);
  assertEquals(custom.maxRetries, 0);
});

Deno.test("invalid options throw TypeError naming the value", () => {
  const bad: [Record<string, unknown>, string][] = [
    [{ timeout: -1 }, "timeout"],
    [{ timeout: NaN }, "timeout"],
    [{ timeout: "5" }, "timeout"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: Infinity }, "maxRetries"],
    [{ baseURL: "ftp://x" }, "baseURL"],
    [{ baseURL: "not a url" }, "baseURL"],
    // A query in the base URL would land before the path.
    [{ baseURL: "https://x.local/v1?api-version=1" }, "defaultQuery"],
    [{ defaultHeaders: { "bad name": "x" } }, "bad name"],
    // Found at construction, not retried as a connection error on each call.
    [{ fetch: "not a function" }, "fetch"],
  ];
  for (const [options, word] of bad) {
    assertThrows(
      () => new OpenAI({ apiKey: KEY, ...options }),
      TypeError,
      word,
    );
  }
});

Deno.test("invalid per-request options reject with TypeError before sending", async () => {
  const { client, calls } = stubClient([() => json({})]);
  await assertRejects(
    () => client.models.retrieve("m", { timeout: -5 }),
    TypeError,
    "timeout",
  );
  await assertRejects(
    () => client.models.retrieve("m", { maxRetries: 0.5 }),
    TypeError,
    "maxRetries",
  );
  assertEquals(calls.length, 0);
});

Deno.test("an aborted signal rejects with APIUserAbortError without sending", async () => {
  const { client, calls } = stubClient([() => json({})]);
  await assertRejects(
    () =>
      client.models.retrieve("m", {
        signal: AbortSignal.abort(new Error("x")),
      }),
    OpenAI.APIUserAbortError,
  );
  assertEquals(calls.length, 0);
});

Deno.test("the client's fetch option is used, and globalThis.fetch is looked up at call time", async () => {
  const original = globalThis.fetch;
  let used = 0;
  const client = new OpenAI({ apiKey: KEY, baseURL: "http://late.local/v1" });
  globalThis.fetch = () => {
    used++;
    return Promise.resolve(json({ id: "m" }));
  };
  try {
    assertEquals((await client.models.retrieve("m")).id, "m");
    assertEquals(used, 1);
  } finally {
    globalThis.fetch = original;
  }
});

Deno.test("a fetch option resolving to something other than a Response fails at once, holding no timer", async () => {
  for (const result of [undefined, {}, { ok: true, status: 200 }]) {
    let calls = 0;
    const client = new OpenAI({
      apiKey: KEY,
      fetch: () => (calls++, Promise.resolve(result as Response)),
    });
    const { keepAlive } = await timers(async () => {
      await assertRejects(
        () => client.models.list(),
        TypeError,
        "did not resolve to a Response",
      );
    });
    assertEquals(calls, 1, "not retried");
    // Before: the call's clock held the process for the 10-minute timeout.
    assertEquals(keepAlive, 0);
  }
});

Deno.test("an abort while waiting for headers → APIUserAbortError, not retried (over HTTP)", async () => {
  await using http = await overHTTP({ maxRetries: 3 });
  http.mock.fault({ delayMs: 2000, times: 4 });
  const controller = new AbortController();
  const started = Date.now();
  const pending = http.client.models.list({ signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assertRejects(() => pending, OpenAI.APIUserAbortError);
  assert(Date.now() - started < 500);
  assertEquals(http.mock.requests.length, 1);
});
