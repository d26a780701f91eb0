// The API key never shows: not in an error's message, stack, toString or
// JSON, not in Deno.inspect with every option open, not in console output.
import OpenAI from "../../mod.ts";
import { MockOpenAI } from "../../testing.ts";
import { assert, assertEquals } from "../_assert.ts";
import {
  CHAT,
  closedPort,
  drain,
  KEY,
  served,
  test,
} from "../faults/_helpers.ts";

// A fragment catches a truncated or re-encoded key too.
const FRAGMENTS = [KEY, KEY.slice(3, 19), encodeURIComponent(KEY), btoa(KEY)];

function views(value: unknown): string[] {
  const out = [
    Deno.inspect(value, {
      depth: Infinity,
      showHidden: true,
      showProxy: true,
      getters: true,
      iterableLimit: Infinity,
      strAbbreviateSize: Infinity,
    }),
    Deno.inspect(value),
  ];
  if (value instanceof Error) {
    out.push(value.message, String(value.stack), String(value));
    let cause = value.cause;
    for (let depth = 0; cause !== undefined && depth < 5; depth++) {
      out.push(String(cause), Deno.inspect(cause, { depth: Infinity }));
      cause = (cause as Error)?.cause;
    }
  }
  try {
    out.push(JSON.stringify(value) ?? "");
  } catch {
    // A circular value cannot be serialised: nothing to leak that way.
  }
  return out;
}

function assertNoKey(label: string, texts: string[]): void {
  for (const text of texts) {
    for (const fragment of FRAGMENTS) {
      assert(!text.includes(fragment), `${label} shows the key: ${text}`);
    }
  }
}

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** Captures console output (formatted as Deno would print it) while `fn` runs. */
async function captureConsole(fn: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const saved = METHODS.map((m) => console[m]);
  for (const m of METHODS) {
    console[m] = (...args: unknown[]) =>
      void lines.push(
        args.map((a) =>
          typeof a === "string" ? a : Deno.inspect(a, { depth: Infinity })
        ).join(" "),
      );
  }
  try {
    await fn();
  } finally {
    METHODS.forEach((m, i) => console[m] = saved[i] as never);
  }
  return lines;
}

test("the key is absent from every failure, its views and the console", async () => {
  const failures: [string, unknown][] = [];
  const collect = async (label: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      failures.push([label, new Error(`${label} did not fail`)]);
    } catch (error) {
      failures.push([label, error]);
      console.error(error);
      console.log(`${label}: ${error}`);
    }
  };
  const lines = await captureConsole(async () => {
    await using s = await served({ timeout: 100 }, { apiKey: "sk-other-key" });
    await collect("401", () => s.client.models.list());
    s.mock.reset();
    await using ok = await served({ timeout: 100, maxRetries: 1 });
    ok.mock.fault({
      status: 500,
      headers: { "retry-after-ms": "1" },
      times: 2,
    });
    await collect("500 exhausted", () => ok.client.models.list());
    ok.mock.fault({ delayMs: 2_000 });
    await collect("timeout", () => ok.client.models.list({ maxRetries: 0 }));
    ok.mock.fault({ delayMs: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await collect(
      "abort",
      () => ok.client.models.list({ signal: controller.signal }),
    );
    for (
      const fault of [
        { cutAfter: 1 },
        { malformedAt: 1 },
        { errorEventAt: 1 },
        { stallAfter: 1 },
      ]
    ) {
      ok.mock.fault(fault);
      await collect(
        JSON.stringify(fault),
        async () =>
          drain(
            await ok.client.chat.completions.create({ ...CHAT, stream: true }),
          ),
      );
    }
    await collect(
      "bad header",
      () => ok.client.models.list({ headers: { "x-a": "1\r\n" } }),
    );
    await collect("bad id", () => ok.client.models.retrieve(".."));
    const refused = new OpenAI({
      apiKey: KEY,
      baseURL: `http://127.0.0.1:${closedPort()}/v1`,
      maxRetries: 0,
    });
    await collect("refused", () => refused.models.list());
    const mock = new MockOpenAI({ apiKey: "sk-other-key" });
    const local = new OpenAI({
      apiKey: KEY,
      baseURL: "http://mock.local/v1",
      fetch: mock.fetch,
      maxRetries: 0,
    });
    await collect("401 in-process", () => local.models.list());
    // The objects a caller holds on to are inspected and printed as well.
    const stream = await ok.client.chat.completions.create({
      ...CHAT,
      stream: true,
    });
    const page = await ok.client.models.list();
    const pending = ok.client.models.list();
    console.log(ok.client, stream, page, pending);
    assertNoKey("client", views(ok.client));
    assertNoKey("stream", views(stream));
    assertNoKey("page", views(page));
    assertNoKey("APIPromise", views(pending));
    await pending;
    await drain(stream);
  });
  assertEquals(failures.length, 12);
  for (const [label, error] of failures) {
    assert(error instanceof Error, label);
    assert(!error.message.includes("did not fail"), error.message);
    assertNoKey(label, views(error));
  }
  assert(lines.length >= 25, `captured ${lines.length} lines`);
  assertNoKey("console", lines);
});

test("the mock's record of a request never shows the key", async () => {
  const mock = new MockOpenAI();
  const client = new OpenAI({ apiKey: KEY, fetch: mock.fetch, maxRetries: 0 });
  await client.models.list();
  const [record] = mock.requests;
  // Masked as OpenAI's dashboard shows keys; the scheme and other headers kept.
  assertEquals(
    record.headers.authorization,
    `Bearer ${KEY.slice(0, 3)}…${KEY.slice(-4)}`,
  );
  assert(record.headers["user-agent"].startsWith("webstd-openai/"));
  assertNoKey("a recorded request", [
    ...views(record),
    ...views(mock.requests),
    JSON.stringify({ ...record.headers }),
    ...await captureConsole(() => Promise.resolve(console.log(mock.requests))),
  ]);
});
