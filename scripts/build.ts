/**
 * Builds `dist/`, the JavaScript the package's `exports` point at: every
 * entry point bundled by esbuild into a few plain modules, each typed by its
 * TypeScript source through `@ts-self-types`.
 *
 * Why: Deno loads a module graph one file at a time, and a TypeScript file
 * also goes through its emit cache, so the ~30 source modules cost a fresh
 * process ~2.5 ms before any code runs (see docs/benchmarks.md, cold start).
 * The bundle loads as three. Types, docs and `deno doc` still come from the
 * sources, which are published beside it.
 *
 * Layout: `mod.js` (the client) and `_all.js` (everything the per-resource
 * entry points export) share one chunk, so a class is the same object
 * whichever entry point it is imported from; each per-resource entry point
 * is a one-line re-export from `_all.js`, which a bundler tree-shakes down
 * to what it uses; `testing.js` is the mock.
 *
 * Usage: `deno task build` (writes `dist/`), or `build(dir)` from a test.
 *
 * @module
 */

import * as esbuild from "esbuild";

const root = new URL("../", import.meta.url);
const rootPath = root.pathname;

/** One published entry point: its `exports` key, output and source. */
export interface Entry {
  /** The key in deno.json's `exports`, such as `"."` or `"./chat"`. */
  key: string;
  /** The output file, relative to the package root (`./dist/chat.js`). */
  output: string;
  /** The TypeScript source that types it, relative to the package root. */
  source: string;
}

/**
 * The entry points, read from deno.json: `"."` is built from `mod.ts`,
 * `"./testing"` from `testing.ts`, and `"./x"` from `src/entry/x.ts`.
 *
 * @example
 * ```ts
 * import { entries } from "./build.ts";
 * for (const e of await entries()) console.log(e.key, e.output, e.source);
 * ```
 */
export async function entries(): Promise<Entry[]> {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", root)),
  ) as { exports: Record<string, string> };
  return Object.entries(config.exports).map(([key, output]) => {
    const name = key === "." ? "mod" : key.slice(2);
    if (output !== `./dist/${name}.js`) {
      throw new Error(`deno.json exports ${key}: expected ./dist/${name}.js`);
    }
    const source = key === "."
      ? "./mod.ts"
      : key === "./testing"
      ? "./testing.ts"
      : `./src/entry/${name}.ts`;
    return { key, output, source };
  });
}

// The per-resource entry points as one module, so that they and mod.ts
// split into a single shared chunk instead of one chunk per resource.
function allEntries(sources: string[]): esbuild.Plugin {
  return {
    name: "all-entries",
    setup(build) {
      build.onResolve({ filter: /^all-entries$/ }, () => ({
        path: "all-entries",
        namespace: "all-entries",
      }));
      build.onLoad({ filter: /.*/, namespace: "all-entries" }, () => ({
        contents: sources.map((s) => `export * from ${JSON.stringify(s)};`)
          .join("\n"),
        resolveDir: rootPath,
        loader: "ts",
      }));
    },
  };
}

const selfTypes = (source: string) =>
  `// @ts-self-types="${source.replace("./", "../")}"\n`;

/**
 * Writes the bundle into `outdir` (emptied first) and returns the files
 * written, relative to it.
 *
 * @example
 * ```ts
 * import { build } from "./build.ts";
 * console.log(await build(new URL("../dist/", import.meta.url).pathname));
 * ```
 */
export async function build(outdir: string): Promise<string[]> {
  const all = await entries();
  const resources = all.filter((e) => e.source.startsWith("./src/entry/"));
  await Deno.remove(outdir, { recursive: true }).catch(() => {});
  try {
    const result = await esbuild.build({
      absWorkingDir: rootPath,
      entryPoints: [
        { in: "./mod.ts", out: "mod" },
        { in: "./testing.ts", out: "testing" },
        { in: "all-entries", out: "_all" },
      ],
      plugins: [allEntries(resources.map((e) => e.source))],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      outdir,
      chunkNames: "_shared-[hash]",
      legalComments: "none",
      sourcemap: "linked",
      sourcesContent: false,
      write: false,
      logLevel: "silent",
    });
    const files = new Map<string, string>();
    for (const file of result.outputFiles) {
      const name = file.path.slice(outdir.replace(/\/?$/, "/").length);
      const own = all.find((e) => e.output === `./dist/${name}`);
      files.set(name, (own ? selfTypes(own.source) : "") + file.text);
    }
    // The @ts-self-types line shifts its file down one line: so must its map
    // (an empty first line of mappings), or stack traces name the line above.
    for (const entry of all) {
      const name = entry.output.slice("./dist/".length) + ".map";
      const map = files.get(name);
      if (!map) continue;
      const json = JSON.parse(map) as { mappings: string };
      json.mappings = ";" + json.mappings;
      files.set(name, JSON.stringify(json, null, 2) + "\n");
    }
    for (const entry of resources) {
      const names = Object.keys(await import(new URL(entry.source, root).href));
      files.set(
        entry.output.slice("./dist/".length),
        selfTypes(entry.source) +
          `export { ${names.sort().join(", ")} } from "./_all.js";\n`,
      );
    }
    await Deno.mkdir(outdir, { recursive: true });
    for (const [name, text] of files) {
      await Deno.writeTextFile(`${outdir}/${name}`, text);
    }
    return [...files.keys()].sort();
  } finally {
    await esbuild.stop();
  }
}

if (import.meta.main) {
  const files = await build(new URL("dist", root).pathname);
  console.log(`dist/: ${files.join(", ")}`);
}
