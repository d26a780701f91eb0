// Faults inside a streamed response, over HTTP and in-process: each ends the
// iteration with the exact error class, releases the connection, and keeps
// the chunks that arrived before it.
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  OpenAIError,
} from "../../mod.ts";
import { type Fault, MockOpenAI } from "../../testing.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { CHAT, drain, ECHO, KEY, served, test } from "./_helpers.ts";

type ErrorClass = new (...args: never[]) => Error;
interface Case {
  name: string;
  fault: Fault;
  Class: ErrorClass;
  includes: string;
  chunks: number;
}

const CASES: Case[] = [
  {
    name: "stall mid-stream → idle timeout",
    fault: { stallAfter: 2 },
    Class: APIConnectionTimeoutError,
    includes: "no event for 150 ms",
    chunks: 2,
  },
  {
    name: "cut without [DONE]",
    fault: { cutAfter: 2 },
    Class: APIConnectionError,
    includes: "Stream ended before [DONE]",
    chunks: 2,
  },
  {
    name: "malformed JSON chunk",
    fault: { malformedAt: 1 },
    Class: OpenAIError,
    // The message quotes the offending event's data.
    includes: 'Could not parse stream event as JSON: "{\\"id\\":\\"chatcmpl',
    chunks: 1,
  },
  {
    name: "error event mid-stream",
    fault: { errorEventAt: 2 },
    Class: APIError,
    includes: "The mock stream failed on purpose",
    chunks: 2,
  },
];

async function check(client: OpenAI, mock: MockOpenAI, c: Case) {
  mock.fault({ match: { path: "/chat/completions" }, ...c.fault });
  const stream = await client.chat.completions.create({
    ...CHAT,
    stream: true,
  }, { headers: { "x-mock-stream-chunks": "6" } });
  const seen: string[] = [];
  const error = await assertRejects(
    () => drain(stream, seen),
    c.Class,
    c.includes,
  );
  assertEquals(error.constructor, c.Class, `class of ${error}`);
  assertEquals(seen.length, c.chunks);
  if (error instanceof APIError) assertEquals(error.status, undefined);
  // The same client keeps working afterwards.
  const again = await client.chat.completions.create({ ...CHAT, stream: true });
  assertEquals(await drain(again), ECHO);
}

for (const c of CASES) {
  test(`${c.name} → ${c.Class.name} (over HTTP)`, async () => {
    await using s = await served({ timeout: 150 });
    await check(s.client, s.mock, c);
  });
  test(`${c.name} → ${c.Class.name} (in-process)`, async () => {
    const mock = new MockOpenAI({ apiKey: KEY });
    const client = new OpenAI({
      apiKey: KEY,
      baseURL: "http://mock.local/v1",
      fetch: mock.fetch,
      maxRetries: 0,
      timeout: 150,
    });
    await check(client, mock, c);
  });
}

test("a split, CRLF, one-byte-at-a-time stream still gives the exact content", async () => {
  await using s = await served({}, { chunkSize: 1, crlf: true });
  const stream = await s.client.chat.completions.create({
    ...CHAT,
    messages: [{ role: "user", content: "😀 中文 é\r\n end" }],
    stream: true,
  });
  assertEquals(await drain(stream), "Echo: 😀 中文 é\r\n end");
});

test("an event of exactly 16 MiB passes; one byte more → typed error, connection released", async () => {
  const MiB16 = 16 * 1024 * 1024;
  await using s = await served();
  s.mock.fault({ oversizedAt: { index: 1, bytes: MiB16 } });
  const ok = await s.client.chat.completions.create({ ...CHAT, stream: true });
  assertEquals(await drain(ok), ECHO);

  s.mock.fault({ oversizedAt: { index: 1, bytes: MiB16 + 1 } });
  const big = await s.client.chat.completions.create({ ...CHAT, stream: true });
  const seen: string[] = [];
  const error = await assertRejects(
    () => drain(big, seen),
    OpenAIError,
    "Server-sent event exceeds 16777216 characters",
  );
  assertEquals(error.constructor, OpenAIError);
  assertEquals((error.cause as Error).name, "SSEEventTooLargeError");
  assertEquals(seen.length, 1);
});

test("an endless line without a newline is stopped at the limit, not buffered forever", async () => {
  // A server that keeps sending one unterminated line: the parser must give up.
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += chunk.length;
      controller.enqueue(sent === chunk.length ? chunk.slice() : chunk);
    },
  });
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://mock.local/v1",
    fetch: () =>
      Promise.resolve(
        new Response(body, {
          headers: { "content-type": "text/event-stream" },
        }),
      ),
  });
  const stream = await client.chat.completions.create({
    ...CHAT,
    stream: true,
  });
  await assertRejects(() => drain(stream), OpenAIError, "exceeds");
  assert(sent < 17 * 1024 * 1024 + 2 * chunk.length, `read ${sent} bytes`);
});
