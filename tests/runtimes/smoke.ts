/**
 * The smoke scenario every runtime of the matrix runs, unchanged: it uses
 * nothing but Web standards and the public module, and throws on the first
 * thing that is wrong. The mock must be a {@linkcode createMockHost} host.
 *
 * @module
 */

import * as api from "../../dist/mod.js";
import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  NotFoundError,
  OpenAI,
  Stream,
} from "../../dist/mod.js";
import type { Fetch } from "../../dist/mod.js";
import { SMOKE_KEY, STALL_HEADER } from "./mock_host.ts";

/** Where the smoke scenario finds the mock. */
export interface SmokeOptions {
  /** The mock's base URL, including `/v1`. */
  baseURL: string;
  /** The `fetch` to reach it with (a Worker service binding, say). */
  fetch?: Fetch;
  /** Needed in a web page. */
  dangerouslyAllowBrowser?: boolean;
}

interface ChatChunk {
  choices: { delta: { content?: string | null } }[];
}

const PROMPT = "hello from the edge";
const EXPECTED = `Echo: ${PROMPT}`;
const MESSAGES = [{ role: "user" as const, content: PROMPT }];
const UPLOAD = '{"prompt":"a","completion":"b"}\n';

/**
 * Runs the scenario; resolves to one line per step that passed.
 *
 * @example
 * ```ts ignore
 * import { smoke } from "./smoke.ts";
 * console.log(await smoke({ baseURL: "http://127.0.0.1:8080/v1" }));
 * ```
 */
export async function smoke(options: SmokeOptions): Promise<string[]> {
  const steps: string[] = [];
  const { baseURL } = options;
  const send: Fetch = (input, init) =>
    options.fetch ? options.fetch(input, init) : fetch(input, init);
  const control = async (name: string) => {
    const res = await send(new URL(`/__smoke/${name}`, baseURL).href);
    return await res.json();
  };
  const client = new OpenAI({
    apiKey: SMOKE_KEY,
    baseURL,
    fetch: options.fetch,
    maxRetries: 0,
    timeout: 10_000,
    dangerouslyAllowBrowser: options.dangerouslyAllowBrowser,
  });
  const model = "gpt-3.5-turbo";

  const completion = await client.chat.completions.create({
    model,
    messages: MESSAGES,
  });
  expect(completion.choices[0].message.content, EXPECTED, "chat content");
  steps.push("chat completion");

  const stream = await client.chat.completions.create({
    model,
    messages: MESSAGES,
    stream: true,
  });
  let chunks = 0;
  let text = "";
  for await (const chunk of stream) {
    chunks++;
    text += chunk.choices[0]?.delta.content ?? "";
  }
  expect(text, EXPECTED, "streamed content");
  if (chunks < 2) throw new Error(`Expected several chunks, got ${chunks}`);
  steps.push(`streamed chat completion (${chunks} chunks)`);

  const upstream = await client.chat.completions.create({
    model,
    messages: MESSAGES,
    stream: true,
  });
  const proxied = new Response(upstream.toReadableStream(), {
    headers: { "content-type": "text/event-stream" },
  });
  text = "";
  for await (const chunk of Stream.fromSSEResponse<ChatChunk>(proxied)) {
    text += chunk.choices[0]?.delta.content ?? "";
  }
  expect(text, EXPECTED, "proxied stream content");
  steps.push("stream proxied through toReadableStream and fromSSEResponse");

  // A call's timeout stops once its headers arrive: a stream read after it
  // has passed is whole (a timer left armed would abort it).
  const brief = new OpenAI({
    apiKey: SMOKE_KEY,
    baseURL,
    fetch: options.fetch,
    maxRetries: 0,
    timeout: 300,
    dangerouslyAllowBrowser: options.dangerouslyAllowBrowser,
  });
  const late = await brief.chat.completions.create({
    model,
    messages: MESSAGES,
    stream: true,
  });
  await new Promise((resolve) => setTimeout(resolve, 600));
  text = "";
  for await (const chunk of late) text += chunk.choices[0]?.delta.content ?? "";
  expect(text, EXPECTED, "stream read after its call's timeout");
  steps.push("a stream read after its call's timeout has passed is whole");

  steps.push(await upload(client, control));

  const missing = await client.models.retrieve("no-such-model").then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(missing instanceof NotFoundError) || missing.status !== 404) {
    throw new Error(`Expected NotFoundError, got ${describe(missing)}`);
  }
  steps.push("unknown model rejects with NotFoundError");

  const before = (await control("released")).released as number;
  const abort = new AbortController();
  const stalled = await client.chat.completions.create(
    { model, messages: MESSAGES, stream: true },
    { signal: abort.signal, headers: { [STALL_HEADER]: "1" } },
  );
  // As in the official SDK, the caller's abort ends the loop quietly.
  const ended = await within(5_000, "the aborted stream to end", async () => {
    let chunks = 0;
    try {
      for await (const _ of stalled) {
        chunks++;
        abort.abort();
      }
    } catch (error) {
      return error;
    }
    return chunks;
  });
  if (ended !== 1) {
    throw new Error(
      `Expected a quiet end after 1 chunk, got ${describe(ended)}`,
    );
  }
  // A re-encoded stream must not look complete: it errors instead.
  const recoded = new AbortController();
  const recoding = await client.chat.completions.create(
    { model, messages: MESSAGES, stream: true },
    { signal: recoded.signal, headers: { [STALL_HEADER]: "1" } },
  );
  const reader = recoding.toReadableStream().getReader();
  await reader.read();
  recoded.abort();
  const failed = await within(
    5_000,
    "the re-encoded stream to fail",
    () => reader.read().then(() => undefined, (error: unknown) => error),
  );
  if (!(failed instanceof APIUserAbortError)) {
    throw new Error(`Expected APIUserAbortError, got ${describe(failed)}`);
  }
  // Headless Chromium sometimes holds an aborted HTTP/1.1 response open for
  // ~5 s before closing the connection (measured: 5,011-5,037 ms in about
  // one run in twelve, with the request aborted before its body is
  // cancelled or after), so the mock may see the client leave only then.
  await within(12_000, "the mock to see the client leave", async () => {
    while ((await control("released")).released < before + 2) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  steps.push(
    "abort mid-stream ends the loop quietly (a re-encoded stream errors) and frees the connection",
  );
  // A server that goes quiet mid-stream is a timeout, not a hang (and the
  // mock, served as a Worker in workerd, keeps a stall alive).
  const quiet = await client.chat.completions.create(
    { model, messages: MESSAGES, stream: true },
    { timeout: 300, headers: { [STALL_HEADER]: "1" } },
  );
  const timedOut = await within(
    5_000,
    "the stalled stream to time out",
    async () => {
      try {
        for await (const _ of quiet) { /* the one event before the stall */ }
      } catch (error) {
        return error;
      }
    },
  );
  if (!(timedOut instanceof APIConnectionTimeoutError)) {
    throw new Error(
      `Expected APIConnectionTimeoutError, got ${describe(timedOut)}`,
    );
  }
  steps.push("a stream that stalls times out");
  return steps;
}

// Runs once `client.files` and `toFile` exist (another change adds them).
async function upload(
  client: OpenAI,
  control: (name: string) => Promise<Record<string, unknown>>,
): Promise<string> {
  const files = (client as unknown as Record<string, unknown>).files as
    | { create(body: unknown): Promise<{ filename?: string; bytes?: number }> }
    | undefined;
  const toFile = (api as Record<string, unknown>).toFile as
    | ((data: unknown, name: string) => Promise<File>)
    | undefined;
  if (!files || !toFile) return "file upload SKIPPED (client.files missing)";
  const bytes = new TextEncoder().encode(UPLOAD);
  const created = await files.create({
    file: await toFile(bytes, "smoke.jsonl"),
    purpose: "fine-tune",
  });
  const last = await control("last");
  const file = last.file as { name?: string; text?: string } | undefined;
  expect(file?.name, "smoke.jsonl", "uploaded file name");
  expect(file?.text, UPLOAD, "uploaded file content");
  expect(last.purpose, "fine-tune", "uploaded purpose");
  expect(created.bytes, bytes.length, "file object bytes");
  return "multipart file upload";
}

function expect(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) {
    throw new Error(
      `Unexpected ${what}: ${JSON.stringify(actual)} (expected ${
        JSON.stringify(expected)
      })`,
    );
  }
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return String(value);
}

async function within<T>(
  ms: number,
  what: string,
  run: () => Promise<T>,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)),
      ms,
    );
  });
  try {
    return await Promise.race([run(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
