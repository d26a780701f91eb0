// The official SDK's comparison Worker (scripts/bench/bundle.ts) must be
// bundled the way a user's esbuild build gets it: `openai` resolved by name
// through the package's `exports` to its ES modules, not through `main` to
// its CommonJS build, which is about 35 KB larger gzipped. Its size is not
// checked. Needs esbuild's permissions: `deno task bundle-check`.

import * as esbuild from "esbuild";
import { OFFICIAL_BUNDLE, officialPlugin } from "../../scripts/bench/bundle.ts";
import { assert } from "../_assert.ts";

Deno.test("bundle: the official SDK's Worker is built from the package's ES modules", async () => {
  const official = await officialPlugin();
  try {
    const result = await esbuild.build({
      entryPoints: [OFFICIAL_BUNDLE.entry],
      bundle: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [official.plugin],
    });
    // The Worker's own input names the file its `openai` import became.
    const [, worker] = Object.entries(result.metafile.inputs)
      .find(([path]) => path.endsWith("official_worker.ts"))!;
    const target = worker.imports.find((i) => i.original === "openai")?.path;
    assert(
      target?.endsWith("/index.mjs"),
      `openai resolved to ${target}, not the package's index.mjs`,
    );
    // The package's CommonJS build would bring in its index.js.
    const cjs = Object.keys(result.metafile.inputs)
      .filter((path) => /\/openai\/[^/]+\/index\.js$/.test(path));
    assert(cjs.length === 0, `The bundle includes ${cjs.join(", ")}`);
  } finally {
    await official.dispose();
    await esbuild.stop();
  }
});
