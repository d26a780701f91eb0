// A path parameter can never leave its segment: fuzzed ids are checked on
// the URL that fetch receives, and over HTTP on the path the server sees.
import OpenAI from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { KEY, served, test } from "../faults/_helpers.ts";
import { mulberry32 } from "../_random.ts";

const PIECES = [
  "/",
  "?",
  "#",
  "%",
  "%2e",
  "%2E%2e",
  "%2F",
  "..",
  ".",
  "\\",
  " ",
  "+",
  "&",
  "=",
  ";",
  ":",
  "@",
  "~",
  "\t",
  "é",
  "😀",
  "中",
  "\u202e",
  "\uFF0E",
  "a",
  "gpt-4",
  "x=1",
  "%00",
  "../",
  "..\\",
  "//",
  "?a=b#c",
];

function hostileId(r: () => number): string {
  let id = "";
  const n = 1 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) id += PIECES[Math.floor(r() * PIECES.length)];
  return id;
}

const FIXED = [
  "../files",
  "..%2Ffiles",
  "%2e%2e",
  "a/../../b",
  "?stream=true",
  "#frag",
  "x?y#z",
  "\\..\\admin",
  " spaced id ",
  "ü/😀",
  "%",
  "%zz",
  ".../",
  "..;/",
];

type Call = (client: OpenAI, id: string) => Promise<unknown>;
const METHODS: [string, string, Call][] = [
  ["/models/", "", (c, id) => c.models.retrieve(id)],
  ["/models/", "", (c, id) => c.models.delete(id)],
  ["/files/", "", (c, id) => c.files.retrieve(id)],
  ["/files/", "/content", (c, id) => c.files.content(id)],
  ["/fine_tuning/jobs/", "/cancel", (c, id) => c.fineTuning.jobs.cancel(id)],
  ["/fine-tunes/", "/events", (c, id) => c.fineTunes.listEvents(id)],
];

test("fuzzed ids stay in their segment of the URL fetch receives", async () => {
  const urls: string[] = [];
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/base/v1",
    maxRetries: 0,
    fetch: (input) => {
      urls.push(String(input));
      return Promise.resolve(Response.json({}));
    },
  });
  const r = mulberry32(0xfa11);
  const ids = [...FIXED];
  for (let i = 0; i < 300; i++) ids.push(hostileId(r));
  for (const id of ids) {
    if (id === "." || id === "..") continue;
    for (const [prefix, suffix, call] of METHODS) {
      urls.length = 0;
      await call(client, id);
      const url = new URL(urls[0]);
      const context = `${JSON.stringify(id)} → ${urls[0]}`;
      assertEquals(url.origin, "http://stub.local", context);
      assertEquals(url.search, "", context);
      assertEquals(url.hash, "", context);
      const expectedPrefix = "/base/v1" + prefix;
      assert(url.pathname.startsWith(expectedPrefix), context);
      assert(url.pathname.endsWith(suffix), context);
      const segment = url.pathname.slice(
        expectedPrefix.length,
        url.pathname.length - suffix.length,
      );
      assert(!segment.includes("/"), context);
      assertEquals(decodeURIComponent(segment), id, context);
    }
  }
});

test("'', '.', '..' and non-strings are refused before anything is sent", async () => {
  let sent = 0;
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/v1",
    fetch: () => {
      sent++;
      return Promise.resolve(Response.json({}));
    },
  });
  for (
    const id of ["", ".", "..", 7, null, undefined, { toString: () => "/" }]
  ) {
    await assertRejects(
      () => client.models.retrieve(id as string),
      TypeError,
      "Invalid path parameter",
    );
  }
  assertEquals(sent, 0);
});

test("hostile ids over HTTP: the server sees one encoded segment and no query", async () => {
  await using s = await served();
  const r = mulberry32(0xbad1d);
  const ids = [...FIXED, ...Array.from({ length: 40 }, () => hostileId(r))];
  for (const id of ids) {
    if (id === "." || id === "..") continue;
    await s.client.models.retrieve(id).catch(() => {});
    const seen = s.mock.requests.at(-1)!;
    assertEquals(seen.method, "GET");
    assertEquals(seen.path, "/models/" + encodeURIComponent(id), id);
    assertEquals(seen.query, {}, id);
  }
});
