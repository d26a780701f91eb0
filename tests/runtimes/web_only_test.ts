/**
 * Keeps the published code Web-only: `mod.ts`, `testing.ts` and everything in
 * `src/` (the mock included) import only relative modules, never `node:` or
 * `npm:`. Only `src/core/env.ts` may touch the `Deno` global, and
 * `testing.ts`, whose `serveMock` is Deno-only by design.
 *
 * @module
 */

import { assertEquals } from "../_assert.ts";

const root = new URL("../../", import.meta.url);
const ENV_MODULE = "src/core/env.ts";
const MAY_USE_DENO = [ENV_MODULE, "testing.ts"];

async function sources(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(new URL(dir, root))) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory) found.push(...await sources(path));
    else if (/\.[cm]?[jt]sx?$/.test(entry.name)) found.push(path);
  }
  return found;
}

// Doc comments hold examples that import "@webstd/openai" and mention Deno;
// only code counts. The `[^:]` keeps URLs such as "http://x" intact.
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bexport\s*\*\s*from\s*)["'`]([^"'`]+)["'`]/g;

/** Every problem in one file, as readable lines. */
function problems(path: string, source: string): string[] {
  const code = stripComments(source);
  const found: string[] = [];
  for (const [, specifier] of code.matchAll(SPECIFIER)) {
    if (!specifier.startsWith("./") && !specifier.startsWith("../")) {
      found.push(`${path} imports ${JSON.stringify(specifier)}`);
    }
  }
  // A string such as "Deno.customInspect" is not a use of the global.
  if (!MAY_USE_DENO.includes(path) && /(?<!["'`])\bDeno\b/.test(code)) {
    found.push(`${path} uses the Deno global (only ${ENV_MODULE} may)`);
  }
  return found;
}

Deno.test("web-only: src/, mod.ts and testing.ts import nothing but relative modules", async () => {
  const files = ["mod.ts", "testing.ts", ...await sources("src")];
  const found: string[] = [];
  for (const path of files) {
    found.push(...problems(path, await Deno.readTextFile(new URL(path, root))));
  }
  assertEquals(found, []);
});

Deno.test("web-only: the scanner catches what it must", () => {
  assertEquals(
    problems(
      "src/x.ts",
      'import fs from "node:fs";\nimport y from "npm:y@1";\n' +
        'const a = Deno.env.get("A");\n// Deno.exit() in a comment\n' +
        'const b = "http://x"; export * from "./ok.ts";\n',
    ),
    [
      'src/x.ts imports "node:fs"',
      'src/x.ts imports "npm:y@1"',
      `src/x.ts uses the Deno global (only ${ENV_MODULE} may)`,
    ],
  );
  assertEquals(problems(ENV_MODULE, "const d = globalThis.Deno;"), []);
});
