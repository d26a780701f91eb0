// Fills the gaps left by tests/core/sse_test.ts and sse_oracle_test.ts: the
// oracle (eventsource-parser) compared at EVERY split position, one code
// point and one byte at a time, with CRLF pairs split and empty chunks
// interleaved; and the same splits through Stream<T>, the client's own path.
import { Stream } from "../../mod.ts";
import { assertEquals } from "../_assert.ts";
import { test } from "./_helpers.ts";
import { mulberry32 } from "../_random.ts";
import { oracle, ours } from "../_sse_oracle.ts";

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T =>
  items[Math.floor(r() * items.length)];

const VALUES = ["", "x", " y", "😀", "中文", "é", '{"a":1}', ":", "\uFEFF"];
const LINES = [
  (r: Random) => `data: ${pick(r, VALUES)}`,
  (r: Random) => `data:${pick(r, VALUES)}`,
  (r: Random) => `event: ${pick(r, VALUES)}`,
  (r: Random) => `id: ${pick(r, VALUES)}`,
  (r: Random) => `retry: ${pick(r, ["1", "20", "x"])}`,
  (r: Random) => `: ${pick(r, VALUES)}`,
  () => "",
  () => "",
];
const EOLS = ["\n", "\r", "\r\n"];

function randomStream(r: Random): string {
  let s = r() < 0.2 ? "\uFEFF" : "";
  const n = 2 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) s += pick(r, LINES)(r) + pick(r, EOLS);
  return s;
}

function bytewise(text: string, step = 1): string[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += step) {
    out.push(decoder.decode(bytes.subarray(i, i + step), { stream: true }));
  }
  out.push(decoder.decode());
  return out;
}

test("matches eventsource-parser at every split position, per code point and per byte", () => {
  for (let seed = 1; seed <= 120; seed++) {
    const text = randomStream(mulberry32(seed));
    const expected = oracle(text);
    const where = `seed ${seed}: ${JSON.stringify(text)}`;
    for (let i = 0; i <= text.length; i++) {
      assertEquals(
        ours([text.slice(0, i), text.slice(i)]),
        expected,
        `${where} split at ${i}`,
      );
    }
    assertEquals(ours([...text, ""]), expected, `${where} per code point`);
    assertEquals(ours(text.split("")), expected, `${where} per code unit`);
    assertEquals(ours(bytewise(text)), expected, `${where} per byte`);
    assertEquals(ours(bytewise(text, 3)), expected, `${where} per 3 bytes`);
  }
});

test("every CRLF split between CR and LF, with empty chunks around the cut", () => {
  for (let seed = 1000; seed < 1100; seed++) {
    const text = randomStream(mulberry32(seed));
    const expected = oracle(text);
    for (
      let i = text.indexOf("\r\n");
      i !== -1;
      i = text.indexOf("\r\n", i + 1)
    ) {
      const chunks = [text.slice(0, i + 1), "", "", text.slice(i + 1)];
      assertEquals(ours(chunks), expected, `seed ${seed} CR|LF at ${i}`);
    }
  }
});

function byteStream(
  bytes: Uint8Array,
  cuts: number[],
): ReadableStream<Uint8Array> {
  let at = 0;
  const ends = [...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length];
  return new ReadableStream({
    pull(controller) {
      const end = ends.shift();
      if (end === undefined) return controller.close();
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

test("Stream<T> yields the exact chunks whatever the byte splits and line endings", async () => {
  for (let seed = 1; seed <= 60; seed++) {
    const r = mulberry32(seed);
    const values = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, n) => ({
      n,
      text: pick(r, VALUES) + pick(r, VALUES) + "\n" + pick(r, VALUES),
    }));
    const eol = pick(r, EOLS);
    let body = r() < 0.3 ? "\uFEFF" : "";
    for (const v of values) {
      if (r() < 0.3) body += `: keep-alive${eol}`;
      body += `data: ${JSON.stringify(v)}${eol}${eol}`;
    }
    body += `data: [DONE]${eol}${eol}`;
    const bytes = new TextEncoder().encode(body);
    const cuts = seed % 4 === 0
      ? Array.from({ length: bytes.length }, (_, i) => i)
      : Array.from({ length: 8 }, () => Math.floor(r() * bytes.length)).sort((
        a,
        b,
      ) => a - b);
    const seen: unknown[] = [];
    for await (
      const chunk of Stream.fromReadableStream(byteStream(bytes, cuts))
    ) seen.push(chunk);
    assertEquals(seen, values, `seed ${seed}: ${JSON.stringify(body)}`);
  }
});

test("Stream<T> keeps a U+FEFF that starts a chunk, and strips only the leading BOM", async () => {
  // Regression: a streaming TextDecoder without ignoreBOM dropped the second one.
  const first = new TextEncoder().encode('\uFEFFdata: {"t":"a');
  const second = new TextEncoder().encode('\uFEFFb"}\n\ndata: [DONE]\n\n');
  const body = byteStream(new Uint8Array([...first, ...second]), [
    first.length,
  ]);
  const seen: unknown[] = [];
  for await (const chunk of Stream.fromReadableStream(body)) seen.push(chunk);
  assertEquals(seen, [{ t: "a\uFEFFb" }]);
});
