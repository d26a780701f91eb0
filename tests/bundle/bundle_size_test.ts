// Bundle budgets for the benchmark Worker (scripts/bench/bundle/): the
// minified, gzipped esbuild output must stay within budget. Needs esbuild's
// permissions, so it runs apart from the main suite: `deno task bundle-check`.

import { BUNDLES, measureBundles } from "../../scripts/bench/bundle.ts";
import { ciLimit } from "../../scripts/bench/limit.ts";
import { assert } from "../_assert.ts";

for (const bundle of BUNDLES) {
  const limit = ciLimit(bundle)!;
  Deno.test(`bundle: ${bundle.name} Worker is at most ${limit} B gzipped`, async () => {
    const [size] = await measureBundles([bundle]);
    console.log(
      `${size.name}: ${size.minified} B minified, ${size.gzipped} B gzipped` +
        (size.gzipped > bundle.budget!
          ? ` (${
            size.gzipped - bundle.budget!
          } B over the ${bundle.budget} B target)`
          : ""),
    );
    assert(
      size.gzipped <= limit,
      `${size.name} is ${size.gzipped} B gzipped, ${
        size.gzipped - limit
      } B over its ${limit} B limit`,
    );
  });
}
