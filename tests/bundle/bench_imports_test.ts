// A benchmark child process (scripts/bench/child.ts) must load only the SDK
// it measures, so that one contender's memory figures carry no other's code:
// neither SDK may be reachable from child.ts through static imports (each is
// imported dynamically when its contender is built). Reads the module graph
// with `deno info`, so it needs --allow-run and runs with the bundle checks
// (`deno task bundle-check`).

import { assert, assertEquals } from "../_assert.ts";

interface Dependency {
  code?: { specifier: string };
  isDynamic?: boolean;
}
interface Info {
  roots: string[];
  modules: { specifier: string; dependencies?: Dependency[] }[];
  redirects: Record<string, string>;
}

const root = new URL("../../", import.meta.url);

async function moduleGraph(path: string): Promise<Info> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL(path, root).pathname],
    cwd: root.pathname,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert(out.success, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

// The modules reached from the roots through static imports only.
function staticReach(info: Info): Set<string> {
  const bySpecifier = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const visit = (specifier: string) => {
    const resolved = info.redirects[specifier] ?? specifier;
    if (seen.has(resolved)) return;
    seen.add(resolved);
    for (const dep of bySpecifier.get(resolved)?.dependencies ?? []) {
      if (dep.code && !dep.isDynamic) visit(dep.code.specifier);
    }
  };
  info.roots.forEach(visit);
  return seen;
}

Deno.test("bench: a child process imports no SDK statically, only the one it measures when it runs", async () => {
  const info = await moduleGraph("scripts/bench/child.ts");
  const reached = [...staticReach(info)];
  assertEquals(
    reached.filter((s) => s.includes("openai@") || s.includes("/dist/")),
    [],
  );
  // Both are still in the graph, behind the dynamic imports.
  const all = info.modules.map((m) => m.specifier);
  assert(all.some((s) => s.endsWith("/dist/mod.js")), "No @webstd/openai");
  assert(all.some((s) => s.includes("openai@")), "No openai npm package");
});
