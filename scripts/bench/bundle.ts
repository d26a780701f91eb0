/**
 * Bundles the benchmark Workers with esbuild (minified ESM, Worker
 * conditions) and measures them gzipped. Used by `deno task bench` and by
 * the bundle-size test behind `deno task bundle-check`. The Workers import
 * `@webstd/openai` by name, which resolves as published: through deno.json's
 * `exports` to the built `dist/` (`deno task build`).
 *
 * @module
 */

import * as esbuild from "esbuild";
import { entries } from "../build.ts";

/** A Worker to bundle, and its gzipped budget in bytes (if any). */
export interface BundleCase {
  /** Short name used in reports. */
  name: string;
  /** The Worker's source file. */
  entry: string;
  /** The target in gzipped bytes, when the bundle has one. */
  budget?: number;
  /**
   * The most gzipped bytes CI allows: the target, or while the target is
   * missed, a ceiling just above the size reached, so the bundle can only
   * shrink.
   */
  ceiling?: number;
}

/** A measured bundle. */
export interface BundleSize extends BundleCase {
  /** Minified bytes. */
  minified: number;
  /** Minified then gzipped bytes. */
  gzipped: number;
}

const here = new URL("./bundle/", import.meta.url);

/** Our two Workers with their budgets; the official SDK's has none. */
export const BUNDLES: BundleCase[] = [
  {
    name: "ours: @webstd/openai/chat",
    entry: new URL("chat_worker.ts", here).pathname,
    budget: 4 * 1024,
    // The target is missed (see docs/benchmarks.md): CI holds the line here.
    // Raised from 4,864 B for the correctness and official-SDK parity fixes
    // of the second session (+306 B), to 5,184 B in the third (+73 B), then
    // to 5,200 B in the fourth for the call clock that keeps responses out of
    // the deadline set (+33 B), then to 5,392 B in the fifth for headers given
    // as `Headers` or pairs and seven more fixes (+192 B), then to 5,504 B
    // in the sixth for stream fixes, the `project` option and a clearer
    // missing-key message (+118 B), to 5,640 B for checks of plain-JS
    // misuse (+132 B), and to 5,712 B for reading streams into a buffer of
    // their own (+69 B, ~3× faster) and header arrays with null elements
    // (+12 B), then to 5,728 B for errors constructed directly worded as the
    // official SDK words them (+20 B), then in the seventh to 5,824 B for
    // the official SDK's `fetchOptions` (+104 B) and to 5,908 B for stream
    // timeouts that keepalive comments cannot defeat and one listener per
    // shared signal (+83 B), then to 5,940 B for a JSON answer to a stream
    // request thrown with what it says (+33 B), and to 6,016 B for fixes a
    // review of those found (+70 B), Workers' lack of a
    // FinalizationRegistry (+20 B) and six more reviews (+309 B), then in
    // the eighth to 6,576 B for a tee() branch dropped unread (+6 B), one
    // timer shared by every client in Deno (+12 B), timeouts that keep
    // working under a test's fake clock (+58 B), a proxied stream stopped
    // by the caller's signal no longer kept (+6 B), an iterator dropped
    // mid-stream no longer kept by the signals (+58 B), timers taken at the
    // first call (−5 B), two regressions of those fixed (+97 B) and a
    // cleanup that throws dropped (+3 B), then in the ninth to 6,672 B for
    // what OpenAI-compatible servers send: errors they word their own way
    // reaching the caller (+85 B), custom requests' raw bodies and
    // answers with fixes reviews found (+20 B), the class names (+7 B), and
    // to 6,736 B for a last review's fixes (+45 B), and to 6,768 B for two
    // regressions in those (+37 B), itemised in scripts/bench/analysis.md.
    ceiling: 6768,
  },
  {
    name: "ours: full client (@webstd/openai)",
    entry: new URL("full_worker.ts", here).pathname,
    budget: 12 * 1024,
  },
];

/** The official SDK's Worker, measured for comparison only. */
export const OFFICIAL_BUNDLE: BundleCase = {
  name: "official: openai",
  entry: new URL("official_worker.ts", here).pathname,
};

async function gzipLength(bytes: Uint8Array): Promise<number> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  return (await new Response(stream).arrayBuffer()).byteLength;
}

// Resolves `@webstd/openai` and its subpaths through deno.json's `exports`,
// as a user's bundler gets the package.
async function packagePlugin(): Promise<esbuild.Plugin> {
  const root = new URL("../../", import.meta.url);
  const outputs = new Map(
    (await entries()).map((e) => [e.key, new URL(e.output, root).pathname]),
  );
  return {
    name: "package-exports",
    setup(build) {
      build.onResolve({ filter: /^@webstd\/openai(\/|$)/ }, (args) => {
        const path = outputs.get(
          "." + args.path.slice("@webstd/openai".length),
        );
        return path
          ? { path }
          : { errors: [{ text: `${args.path} is not exported` }] };
      });
    },
  };
}

/** A plugin that needs cleaning up once the builds using it are done. */
export interface DisposablePlugin {
  /** The esbuild plugin. */
  plugin: esbuild.Plugin;
  /** Removes what the plugin set up. */
  dispose(): Promise<void>;
}

/**
 * Resolves the bare `openai` import to Deno's copy of the pinned npm package
 * by name, so esbuild applies the package's `exports` with the import and
 * Worker conditions (`index.mjs`), as in a user's build. Deno keeps npm
 * packages in `<npmCache>/registry.npmjs.org/openai/<version>/`, not in a
 * `node_modules/openai/` folder where esbuild could find them by name, and a
 * folder given by path is read through `main` (the CommonJS build), not
 * `exports`. So this links a temporary `node_modules/openai` to that folder.
 *
 * @example
 * ```ts ignore
 * const official = await officialPlugin();
 * try {
 *   await esbuild.build({ entryPoints: [OFFICIAL_BUNDLE.entry], bundle: true, plugins: [official.plugin] });
 * } finally {
 *   await official.dispose();
 * }
 * ```
 */
export async function officialPlugin(): Promise<DisposablePlugin> {
  const info = new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
  });
  const { npmCache } = JSON.parse(
    new TextDecoder().decode((await info.output()).stdout),
  ) as { npmCache: string };
  const version = (await import("../../deno.json", { with: { type: "json" } }))
    .default.imports.openai.replace("npm:openai@", "");
  const dir = await Deno.makeTempDir({ prefix: "bench-openai-" });
  await Deno.mkdir(`${dir}/node_modules`);
  await Deno.symlink(
    `${npmCache}/registry.npmjs.org/openai/${version}`,
    `${dir}/node_modules/openai`,
  );
  return {
    plugin: {
      name: "deno-npm-openai",
      setup(build) {
        build.onResolve({ filter: /^openai$/ }, async (args) => {
          if (args.pluginData === "deno-npm-openai") return undefined;
          const result = await build.resolve("openai", {
            kind: args.kind,
            resolveDir: dir,
            // Keeps this resolve from coming back to this callback.
            pluginData: "deno-npm-openai",
          });
          return { path: result.path, errors: result.errors };
        });
      },
    },
    dispose: () => Deno.remove(dir, { recursive: true }),
  };
}

/**
 * Bundles each case and returns its sizes; stops esbuild's service after.
 *
 * @example
 * ```ts
 * import { BUNDLES, measureBundles } from "./bundle.ts";
 * for (const b of await measureBundles(BUNDLES)) console.log(b.name, b.gzipped);
 * ```
 */
export async function measureBundles(
  cases: BundleCase[],
): Promise<BundleSize[]> {
  const plugins = [await packagePlugin()];
  const official = cases.includes(OFFICIAL_BUNDLE)
    ? await officialPlugin()
    : undefined;
  if (official) plugins.push(official.plugin);
  try {
    const sizes: BundleSize[] = [];
    for (const c of cases) {
      const result = await esbuild.build({
        entryPoints: [c.entry],
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        conditions: ["workerd", "worker", "browser"],
        target: "es2022",
        write: false,
        logLevel: "silent",
        plugins,
      });
      const bytes = result.outputFiles[0].contents;
      sizes.push({
        ...c,
        minified: bytes.byteLength,
        gzipped: await gzipLength(bytes),
      });
    }
    return sizes;
  } finally {
    await official?.dispose();
    await esbuild.stop();
  }
}

if (import.meta.main) {
  for (const b of await measureBundles([...BUNDLES, OFFICIAL_BUNDLE])) {
    console.log(
      `${b.name}: ${b.minified} B minified, ${b.gzipped} B gzipped` +
        (b.budget ? ` (budget ${b.budget} B)` : ""),
    );
  }
}
