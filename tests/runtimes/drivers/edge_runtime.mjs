// edge-runtime driver, run by Node:
//   node edge_runtime.mjs <toolsDir> <distDir> <baseURL>
// Runs the bundled smoke scenario inside an EdgeRuntime VM (Vercel's Edge
// primitives), then sends one request to the Vercel route example loaded in
// the same VM, and prints one JSON line: the smoke steps and the text the
// route streamed back.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import process from "node:process";

const [tools, dist, baseURL] = process.argv.slice(2);
const require = createRequire(join(tools, "package.json"));
const { EdgeRuntime } = require("edge-runtime");

try {
  const runtime = new EdgeRuntime({
    // Vercel's Edge runtime exposes process.env; the route reads its key there.
    extend(context) {
      context.process = {
        env: { OPENAI_API_KEY: "sk-smoke", OPENAI_BASE_URL: baseURL },
      };
      return context;
    },
    initialCode: [
      readFileSync(join(dist, "matrix.iife.js"), "utf8"),
      readFileSync(join(dist, "vercel_route.iife.js"), "utf8"),
      "addEventListener('fetch', (event) => event.respondWith(Route.POST(event.request)));",
    ].join("\n;\n"),
  });
  const probe = runtime.evaluate(
    "({ edge: typeof EdgeRuntime, deno: typeof Deno, bun: typeof Bun })",
  );
  if (probe.edge !== "string" || probe.deno !== "undefined") {
    throw new Error(`Not an edge VM: ${JSON.stringify(probe)}`);
  }
  const steps = await runtime.evaluate(
    `Matrix.smoke({ baseURL: ${JSON.stringify(baseURL)} })`,
  );
  const response = await runtime.dispatchFetch("http://localhost/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ prompt: "vercel edge" }),
  });
  const example = {
    status: response.status,
    type: response.headers.get("content-type"),
    body: await response.text(),
  };
  console.log(JSON.stringify({ ok: true, steps, example }));
} catch (error) {
  console.log(
    JSON.stringify({ ok: false, error: String(error?.stack ?? error) }),
  );
  process.exitCode = 1;
}
