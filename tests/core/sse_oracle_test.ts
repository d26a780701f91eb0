// Compares SSEParser with eventsource-parser, an independent implementation of
// the same WHATWG rules, on random streams split at random places.
import { assertEquals } from "../_assert.ts";
import { mulberry32 } from "../_random.ts";
import { oracle, ours } from "../_sse_oracle.ts";

type Random = () => number;
const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, items: readonly T[]): T =>
  items[int(r, items.length)];

const ATOMS = [
  "a",
  "b",
  "z",
  " ",
  ":",
  "{",
  "}",
  '"',
  "0",
  "7",
  "é",
  "😀",
  "中",
  "文",
  "\0",
  "\t",
  "\uFEFF",
];
const BREAKS = ["\n", "\r", "\r\n"];

function value(r: Random, digits = false): string {
  let s = "";
  const n = int(r, 6);
  for (let i = 0; i < n; i++) s += digits ? String(int(r, 10)) : pick(r, ATOMS);
  return s;
}

function line(r: Random): string {
  const sep = pick(r, [":", ": ", ":  ", ":"]);
  switch (int(r, 14)) {
    case 0:
    case 1:
    case 2:
      return `data${sep}${value(r)}`;
    case 3:
      return pick(r, ["data", "data:", "data: "]);
    case 4:
      return `event${sep}${pick(r, ["", "add", "ü", value(r)])}`;
    case 5:
      return `id${sep}${value(r)}`;
    case 6:
      return pick(r, ["id", "id:"]);
    case 7:
      return `retry${sep}${r() < 0.7 ? value(r, true) : value(r)}`;
    case 8:
      return `:${value(r)}`;
    case 9:
      return `${pick(r, ["foo", "Data", " data", "event ", "ret", "😀"])}${
        r() < 0.5 ? sep : ""
      }${value(r)}`;
    default:
      return "";
  }
}

function stream(r: Random): string {
  let s = r() < 0.2 ? "\uFEFF" : "";
  const n = 1 + int(r, 25);
  for (let i = 0; i < n; i++) s += line(r) + pick(r, BREAKS);
  // Sometimes leave an unfinished line or event at the end.
  if (r() < 0.3) s += line(r);
  return s;
}

function cuts(r: Random, length: number): number[] {
  const points = new Set<number>();
  const n = int(r, 8);
  for (let i = 0; i < n; i++) points.add(int(r, length + 1));
  return [...points].sort((a, b) => a - b);
}

function splitString(text: string, at: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const cut of [...at, text.length]) {
    out.push(text.slice(from, cut));
    from = cut;
  }
  return out;
}

/** Splits the UTF-8 bytes (also inside characters) and decodes them as a stream would. */
function splitBytes(r: Random, text: string): string[] {
  const bytes = new TextEncoder().encode(text);
  // ignoreBOM keeps a leading BOM in the text, so the parser must strip it.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts(r, bytes.length), bytes.length]) {
    out.push(decoder.decode(bytes.subarray(from, cut), { stream: true }));
    from = cut;
  }
  out.push(decoder.decode());
  return out;
}

const SEEDS = 400;

Deno.test("SSEParser matches eventsource-parser on random streams", () => {
  const base = 0x5eed;
  for (let seed = base; seed < base + SEEDS; seed++) {
    const r = mulberry32(seed);
    const text = stream(r);
    try {
      const expected = oracle(text);
      assertEquals(ours([text]), expected, "one chunk");
      assertEquals(
        ours(splitString(text, cuts(r, text.length))),
        expected,
        "string split",
      );
      assertEquals(ours(splitBytes(r, text)), expected, "byte split");
    } catch (error) {
      throw new Error(`Mismatch for seed ${seed} on ${JSON.stringify(text)}`, {
        cause: error,
      });
    }
  }
});
