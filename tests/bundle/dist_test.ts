// The published JavaScript in dist/ (`deno task build`, scripts/build.ts):
// current with the sources, the same API, one class per name whichever entry
// point it comes from, few modules to load, and working end to end. Needs
// esbuild's permissions, so it runs with `deno task bundle-check`, which
// builds dist/ first.

import { build, entries } from "../../scripts/build.ts";
import { assert, assertEquals } from "../_assert.ts";

const root = new URL("../../", import.meta.url);
const ENTRIES = await entries();
const load = (path: string) =>
  import(new URL(path, root).href) as Promise<Record<string, unknown>>;

Deno.test("dist: dist/ is what scripts/build.ts makes of the current sources", async () => {
  // Beside dist/, so that the source maps' relative paths come out the same.
  const dir = await Deno.makeTempDir({
    dir: root.pathname,
    prefix: ".dist-check-",
  });
  try {
    const files = await build(dir);
    for (const name of files) {
      const fresh = await Deno.readTextFile(`${dir}/${name}`);
      const published = await Deno.readTextFile(new URL(`dist/${name}`, root))
        .catch(() => "(missing)");
      assert(
        fresh === published,
        `dist/${name} is stale or missing: run deno task build`,
      );
    }
    const listed = [];
    for await (const e of Deno.readDir(new URL("dist/", root))) {
      listed.push(e.name);
    }
    assertEquals(listed.sort(), files);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("dist: every entry point exports the same runtime names as its source", async () => {
  for (const entry of ENTRIES) {
    assertEquals(
      Object.keys(await load(entry.output)).sort(),
      Object.keys(await load(entry.source)).sort(),
      entry.key,
    );
  }
});

Deno.test("dist: every exported class is named as it is exported, as inspection shows it", async () => {
  for (const entry of ENTRIES) {
    for (const [name, value] of Object.entries(await load(entry.output))) {
      if (typeof value != "function" || !/^[A-Z]/.test(name)) continue;
      // `default` and aliases (OpenAI.Chat.Completions and the like) aside.
      assertEquals(value.name, name, `${entry.key}: ${name}`);
    }
  }
});

Deno.test("dist: each entry point is typed by its own source", async () => {
  for (const entry of ENTRIES) {
    const text = await Deno.readTextFile(new URL(entry.output, root));
    assertEquals(
      text.split("\n", 1)[0],
      `// @ts-self-types="${entry.source.replace("./", "../")}"`,
      entry.key,
    );
  }
});

Deno.test("dist: a class is one object whichever entry point it is imported from", async () => {
  const main = await load("./dist/mod.js");
  let shared = 0;
  for (const entry of ENTRIES) {
    if (entry.key === "." || entry.key === "./testing") continue;
    for (const [name, value] of Object.entries(await load(entry.output))) {
      assert(main[name] === value, `${entry.key} ${name} differs from mod's`);
      shared++;
    }
  }
  assert(shared > 100, `only ${shared} names compared`);
  const OpenAI = main.OpenAI as Record<string, Record<string, unknown>>;
  assert(OpenAI.FineTuning.Jobs === main.Jobs);
  assert(OpenAI.Chat.ChatCompletions === main.ChatCompletions);
});

// esbuild writes every import and re-export at the top level, unindented
// (the doc comments kept in a bundle are indented).
const STATIC_IMPORT = /^(?:import|export)\b[^;]*?["']([^"']+)["'];$/gms;

// The files a dist file loads, itself included, as "./dist/x.js" paths.
async function graph(path: string, seen = new Set<string>()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const text = await Deno.readTextFile(new URL(path, root));
  for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
    // Published code is self-contained: no npm:, jsr:, node: or bare names.
    assert(spec.startsWith("./"), `${path} imports ${spec}`);
    await graph("./dist/" + spec.slice(2), seen);
  }
  return seen;
}

Deno.test("dist: an entry point loads at most three modules", async () => {
  for (const entry of ENTRIES) {
    const modules = await graph(entry.output);
    assert(
      modules.size <= 3,
      `${entry.key} loads ${modules.size}: ${[...modules].join(", ")}`,
    );
    for (const m of modules) assert(m.startsWith("./dist/"), m);
  }
});

Deno.test("dist: a chat stream and a typed error, through the published files", async () => {
  const { OpenAI, APIError } = await load("./dist/mod.js") as {
    OpenAI: typeof import("../../mod.ts").OpenAI;
    APIError: typeof import("../../mod.ts").APIError;
  };
  const { Chat, Transport, NotFoundError } = await load(
    "./dist/chat.js",
  ) as typeof import("../../src/entry/chat.ts");
  const { MockOpenAI } = await load(
    "./dist/testing.js",
  ) as typeof import("../../testing.ts");
  const mock = new MockOpenAI({ apiKey: "sk-dist" });
  const client = new OpenAI({ apiKey: "sk-dist", fetch: mock.fetch });
  const stream = await client.chat.completions.create({
    model: "gpt-3.5-turbo",
    messages: [{ role: "user", content: "hello dist" }],
    stream: true,
  });
  let text = "";
  for await (const chunk of stream) {
    text += chunk.choices[0].delta.content ?? "";
  }
  assert(text.includes("hello dist"), text);

  const chat = new Chat(
    new Transport({ apiKey: "sk-dist", fetch: mock.fetch }),
  );
  const error = await chat.completions.create({
    model: "no-such-model",
    messages: [{ role: "user", content: "hi" }],
  }).catch((e) => e);
  assert(error instanceof NotFoundError, String(error));
  assert(error instanceof APIError, "not an APIError of the main entry point");
});

Deno.test("dist: source maps point at published sources, so stack traces name them", async () => {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", root)),
  ) as { publish: { include: string[] } };
  const published = (path: string) =>
    config.publish.include.some((p) =>
      p.endsWith("/") ? path.startsWith(p) : path === p
    );
  let maps = 0;
  for await (const file of Deno.readDir(new URL("dist/", root))) {
    if (!file.name.endsWith(".js.map")) continue;
    maps++;
    const { sources } = JSON.parse(
      await Deno.readTextFile(new URL(`dist/${file.name}`, root)),
    ) as { sources: string[] };
    for (const source of sources) {
      assert(source.startsWith("../"), source);
      const path = source.slice(3);
      assert(published(path), `${file.name} maps to unpublished ${path}`);
      await Deno.stat(new URL(path, root));
    }
  }
  assert(maps > 0, "no source maps in dist/");

  // A bad baseURL throws in Transport's constructor (the shared chunk),
  // called from OpenAI's (mod.js, whose first line is @ts-self-types): both
  // frames must name the exact source lines.
  const { OpenAI } = await load(
    "./dist/mod.js",
  ) as typeof import("../../mod.ts");
  let error: unknown;
  try {
    new OpenAI({ apiKey: "sk-dist", baseURL: "not a url" });
  } catch (e) {
    error = e;
  }
  assert(error instanceof TypeError, String(error));
  const frames: [string, string][] = [
    ["src/core/transport.ts", "throw new TypeError(\n        `Invalid baseURL"],
    ["src/client.ts", "new Transport(options)"],
  ];
  for (const [file, code] of frames) {
    const text = await Deno.readTextFile(new URL(file, root));
    const line = text.slice(0, text.indexOf(code)).split("\n").length;
    assert(
      error.stack!.includes(`${file}:${line}:`),
      `expected ${file}:${line} in ${error.stack}`,
    );
  }
});
