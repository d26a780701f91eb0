import {
  type ServerSentEvent,
  SSEEventTooLargeError,
  SSEParser,
} from "../../src/core/sse.ts";
import { SSEDecoderStream } from "../../src/core/sse_decoder_stream.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";

type Expected = Partial<ServerSentEvent> & { data: string };
interface Case {
  name: string;
  input: string;
  events: Expected[];
}

const full = (e: Expected): ServerSentEvent => ({
  event: "message",
  id: "",
  ...e,
});

const CASES: Case[] = [
  { name: "simple data", input: "data: hi\n\n", events: [{ data: "hi" }] },
  {
    name: "BOM is stripped",
    input: "\uFEFFdata: a\n\n",
    events: [{ data: "a" }],
  },
  {
    name: "only one BOM is stripped",
    input: "\uFEFF\uFEFFdata: a\n\ndata: b\n\n",
    events: [{ data: "b" }],
  },
  {
    name: "BOM inside the stream is kept",
    input: "data: \uFEFFx\n\n",
    events: [{ data: "\uFEFFx" }],
  },
  { name: "LF", input: "data: a\ndata: b\n\n", events: [{ data: "a\nb" }] },
  { name: "CR", input: "data: a\rdata: b\r\r", events: [{ data: "a\nb" }] },
  {
    name: "CRLF",
    input: "data: a\r\ndata: b\r\n\r\n",
    events: [{ data: "a\nb" }],
  },
  {
    name: "mixed line ends",
    input: "data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r",
    events: [{ data: "a\nb\nc" }, { data: "d" }],
  },
  {
    name: "CR then LF is one break, LF then CR is two",
    input: "data: a\r\n\n\rdata: b\n\r",
    events: [{ data: "a" }, { data: "b" }],
  },
  {
    name: "comments",
    input: ": hi\ndata: a\n:\n\n: x\n\n",
    events: [{ data: "a" }],
  },
  {
    name: "multi-line data",
    input: "data:1\ndata:2\ndata:3\n\n",
    events: [{ data: "1\n2\n3" }],
  },
  { name: "field without colon", input: "data\n\n", events: [{ data: "" }] },
  {
    name: "empty data lines",
    input: "data\ndata:\ndata: \n\n",
    events: [{ data: "\n\n" }],
  },
  { name: "data: only", input: "data:\n\n", events: [{ data: "" }] },
  {
    name: "one leading space stripped",
    input: "data:  two\n\n",
    events: [{ data: " two" }],
  },
  { name: "no space", input: "data:x\n\n", events: [{ data: "x" }] },
  {
    name: "tab is not stripped",
    input: "data:\tx\n\n",
    events: [{ data: "\tx" }],
  },
  {
    name: "colon in value",
    input: "data: a: b:c\n\n",
    events: [{ data: "a: b:c" }],
  },
  {
    name: "event type and reset after dispatch",
    input: "event: add\ndata: 1\n\ndata: 2\n\n",
    events: [{ event: "add", data: "1" }, { data: "2" }],
  },
  {
    name: "empty event type means message",
    input: "event: x\nevent:\ndata: 1\n\n",
    events: [{ data: "1" }],
  },
  {
    name: "event type reset by a blank line without data",
    input: "event: x\n\ndata: 1\n\n",
    events: [{ data: "1" }],
  },
  {
    name: "id persists across events",
    input: "id: 1\ndata: a\n\ndata: b\n\nid: 2\n\ndata: c\n\nid\ndata: d\n\n",
    events: [
      { id: "1", data: "a" },
      { id: "1", data: "b" },
      { id: "2", data: "c" },
      { id: "", data: "d" },
    ],
  },
  {
    name: "id after data in the same event",
    input: "data: a\nid: 7\n\n",
    events: [{ id: "7", data: "a" }],
  },
  {
    name: "id with NUL ignored",
    input: "id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n",
    events: [{ id: "1", data: "a" }, { id: "1", data: "b" }],
  },
  {
    name: "retry digits only",
    input:
      "retry: 1500\ndata: a\n\ndata: b\n\nretry: 12a\ndata: c\n\nretry:\nretry: -1\nretry: 1.5\n" +
      "retry: \uFF11\ndata: d\n\nretry: 7\nretry: 8\n\ndata: e\n\n",
    events: [
      { data: "a", retry: 1500 },
      { data: "b" },
      { data: "c" },
      { data: "d" },
      { data: "e", retry: 8 },
    ],
  },
  {
    name: "retry with leading zeros",
    input: "retry:0010\ndata\n\n",
    events: [{ data: "", retry: 10 }],
  },
  {
    name: "dispatch only on blank line, none at end of stream",
    input: "data: a\n\ndata: b\n",
    events: [{ data: "a" }],
  },
  {
    name: "unterminated last line is dropped",
    input: "data: a\n\ndata: b",
    events: [{ data: "a" }],
  },
  { name: "no blank line at all", input: "data: a\rdata: b\r\n", events: [] },
  {
    name: "unknown fields ignored",
    input:
      "foo: bar\ndata: a\nDATA: b\nData: c\n data: d\nevent : x\nretry2: 1\n\n",
    events: [{ data: "a" }],
  },
  {
    name: "blank lines alone dispatch nothing",
    input: "\n\r\n\r\n\n",
    events: [],
  },
  {
    name: "multi-byte characters",
    input: "data: 😀 中文\nevent: ü\n\n",
    events: [{ event: "ü", data: "😀 中文" }],
  },
  {
    name: "data then comment then blank line",
    input: 'data: {"a":1}\n: keep-alive\n\ndata: [DONE]\n\n',
    events: [{ data: '{"a":1}' }, { data: "[DONE]" }],
  },
];

function parse(chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = new SSEParser((event) => events.push(event));
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return events;
}

for (const c of CASES) {
  Deno.test(`SSEParser: ${c.name}`, () => {
    const expected = c.events.map(full);
    assertEquals(parse([c.input]), expected, "one chunk");
    assertEquals(
      parse([...c.input.split(""), ""]),
      expected,
      "one code unit per chunk",
    );
    for (let i = 0; i <= c.input.length; i++) {
      const split = [c.input.slice(0, i), c.input.slice(i)];
      assertEquals(parse(split), expected, `split at ${i}`);
    }
  });
}

Deno.test("SSEParser: a BOM alone or after an empty chunk is still stripped", () => {
  assertEquals(parse(["", "\uFEFFdata: a\n\n"]), [full({ data: "a" })]);
  assertEquals(parse(["\uFEFF", "data: a\n\n"]), [full({ data: "a" })]);
  // The second BOM is no longer at the start of the stream, so the field name is "\uFEFFdata".
  assertEquals(parse(["\uFEFF", "\uFEFFdata: a\n\n"]), []);
});

Deno.test("SSEParser: a CR at a chunk end with an empty chunk before the LF", () => {
  assertEquals(parse(["data: a\r", "", "\n", "\n"]), [full({ data: "a" })]);
  assertEquals(parse(["data: a\r", "", "\r"]), [full({ data: "a" })]);
});

Deno.test("SSEParser: end() resets state, including the last event ID and the BOM check", () => {
  const events: ServerSentEvent[] = [];
  const parser = new SSEParser((event) => events.push(event));
  parser.feed("id: 1\nevent: x\ndata: a\n\nevent: y\ndata: b\n");
  parser.end();
  parser.feed("\uFEFFdata: c\n\n");
  assertEquals(events, [
    full({ id: "1", event: "x", data: "a" }),
    full({ data: "c" }),
  ]);
});

Deno.test("SSEParser: maxEventSize limits data and unterminated lines", () => {
  const limit = (chunks: string[]) => {
    const parser = new SSEParser(() => {}, { maxEventSize: 8 });
    for (const chunk of chunks) parser.feed(chunk);
  };
  limit([
    "data: 12345678\n\n",
    "data: 1234\ndata: 123\n\n",
    ": a comment longer than eight\n",
  ]);
  const error = assertThrows(
    () => limit(["data: 123456789\n\n"]),
    SSEEventTooLargeError,
    "Server-sent event exceeds 8 characters",
  );
  assertEquals(error.name, "SSEEventTooLargeError");
  assertThrows(
    () => limit(["data: 1234\ndata: 1234\n"]),
    SSEEventTooLargeError,
  );
  assertThrows(
    () => limit(["data: 1234", "56789", "0"]),
    SSEEventTooLargeError,
  );
  assertThrows(() => limit([": 12345678"]), SSEEventTooLargeError);
  assertThrows(
    () => new SSEParser(() => {}, { maxEventSize: 0 }),
    RangeError,
    "0",
  );
});

Deno.test("SSEParser: after an oversized event feed() keeps throwing until end()", () => {
  const events: ServerSentEvent[] = [];
  const parser = new SSEParser((event) => events.push(event), {
    maxEventSize: 4,
  });
  assertThrows(() => parser.feed("data: 12345\n"), SSEEventTooLargeError);
  assertThrows(() => parser.feed("\ndata: ok\n\n"), SSEEventTooLargeError);
  parser.end();
  parser.feed("data: ok\n\n");
  assertEquals(events, [full({ data: "ok" })]);
});

Deno.test("SSEParser: the default limit is 16 MiB", () => {
  assertEquals(
    new SSEEventTooLargeError(16 * 1024 * 1024).message,
    "Server-sent event exceeds 16777216 characters",
  );
  const parser = new SSEParser(() => {});
  const mib = "x".repeat(1024 * 1024);
  // An unterminated line counts whole, field name included.
  parser.feed("data: ");
  parser.feed(mib.slice(6));
  for (let i = 1; i < 16; i++) parser.feed(mib);
  assertThrows(() => parser.feed("x"), SSEEventTooLargeError, "16777216");
});

function bytesStream(
  bytes: Uint8Array,
  cuts: number[],
): ReadableStream<Uint8Array> {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    pieces.push(bytes.slice(from, cut));
    from = cut;
  }
  return new ReadableStream({
    pull(controller) {
      const piece = pieces.shift();
      if (piece) controller.enqueue(piece);
      else controller.close();
    },
  });
}

Deno.test("SSEDecoderStream: bytes split inside characters and CRLF decode end to end", async () => {
  const text =
    "id: 9\r\nevent: delta\r\ndata: 😀中\r\n\r\n: ping\n\ndata: [DONE]\n\ndata: lost";
  const bytes = new TextEncoder().encode(text);
  // All text before the 4-byte emoji is ASCII, so its string index is its byte offset.
  const emoji = text.indexOf("😀") + 2;
  const crlf =
    new TextEncoder().encode(text.slice(0, text.indexOf("\r\n\r\n") + 1))
      .length;
  const events: ServerSentEvent[] = [];
  const stream = bytesStream(bytes, [1, emoji, emoji + 1, crlf, crlf + 2])
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new SSEDecoderStream());
  for await (const event of stream) events.push(event);
  assertEquals(events, [
    { event: "delta", data: "😀中", id: "9" },
    { event: "message", data: "[DONE]", id: "9" },
  ]);
});

Deno.test("SSEDecoderStream: an oversized event errors the stream", async () => {
  const bytes = new TextEncoder().encode(
    "data: ok\n\ndata: " + "x".repeat(100) + "\n\n",
  );
  const stream = bytesStream(bytes, [3, 20])
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new SSEDecoderStream({ maxEventSize: 50 }));
  const events: ServerSentEvent[] = [];
  await assertRejects(
    async () => {
      for await (const event of stream) events.push(event);
    },
    SSEEventTooLargeError,
    "exceeds 50 characters",
  );
  assertEquals(events, [full({ data: "ok" })]);
});

Deno.test("SSEDecoderStream: a bad option throws at construction", () => {
  assertThrows(() => new SSEDecoderStream({ maxEventSize: -1 }), RangeError);
  assert(new SSEDecoderStream() instanceof TransformStream);
});
