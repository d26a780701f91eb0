/**
 * The runtime matrix: the same smoke scenario (tests/runtimes/smoke.ts) in
 * Deno, Node, Bun, edge-runtime, workerd and headless Chromium, plus the
 * examples in their runtimes. One Deno test per runtime, so CI's summary
 * counts them. Run with `deno task matrix` after `bash scripts/matrix_tools.sh`.
 *
 * Not named `*_test.ts`: it needs --allow-run and the installed tools, so the
 * normal suite leaves it out.
 *
 * @module
 */

import { assert, assertEquals } from "../_assert.ts";
import {
  bin,
  buildBundles,
  DIST,
  type DriverResult,
  echo,
  lastJson,
  repo,
  run,
  serveHost,
  sseContent,
  TOOLS,
} from "./matrix_lib.ts";
import { smoke } from "./smoke.ts";

let bundles: Promise<string[]> | undefined;
const bundled = () => bundles ??= buildBundles();

// What every runtime must report: all steps, none skipped.
function checkSteps(runtime: string, result: DriverResult): void {
  if (!result.ok) throw new Error(`${runtime}: ${result.error}`);
  const steps = result.steps ?? [];
  assertEquals(steps.length, 8, `${runtime}: steps ${JSON.stringify(steps)}`);
  const skipped = steps.filter((s) => s.includes("SKIPPED"));
  assertEquals(skipped, [], `${runtime}: skipped steps`);
}

function checkExample(
  runtime: string,
  result: DriverResult,
  prompt: string,
): void {
  const example = result.example;
  assert(example, `${runtime}: the example did not run`);
  assertEquals(example.status, 200, `${runtime}: example status`);
  assertEquals(example.type, "text/event-stream", `${runtime}: example type`);
  assertEquals(sseContent(example.body), echo(prompt), `${runtime}: example`);
}

Deno.test("bundle: esbuild, platform neutral, no Node built-ins", async () => {
  assertEquals((await bundled()).length, 4);
});

Deno.test("deno: smoke scenario and examples/deno_script.ts", async () => {
  const server = serveHost();
  try {
    checkSteps("deno", {
      ok: true,
      steps: await smoke({ baseURL: server.baseURL }),
    });
    const out = await run("deno example", Deno.execPath(), [
      "run",
      "--no-lock",
      "--allow-net=127.0.0.1",
      "--allow-env=OPENAI_API_KEY,OPENAI_BASE_URL,OPENAI_ORG_ID",
      "examples/deno_script.ts",
      "deno script",
    ], {
      timeoutMs: 30_000,
      env: { OPENAI_API_KEY: "sk-smoke", OPENAI_BASE_URL: server.baseURL },
    });
    assertEquals(out, `${echo("deno script")}\n${echo("deno script")}\n`);
  } finally {
    await server.close();
  }
});

for (const [runtime, command] of [["node", "node"], ["bun", bin("bun")]]) {
  Deno.test(`${runtime}: bundled smoke scenario`, async () => {
    await bundled();
    const server = serveHost();
    try {
      const version = await run(runtime, command, ["--version"], {
        timeoutMs: 10_000,
      });
      const out = await run(runtime, command, [
        "tests/runtimes/drivers/run_smoke.mjs",
        `${DIST}/matrix.js`,
        server.baseURL,
      ], { timeoutMs: 30_000 });
      checkSteps(`${runtime} ${version.trim()}`, lastJson(runtime, out));
    } finally {
      await server.close();
    }
  });
}

Deno.test("edge-runtime: smoke scenario and the Vercel route", async () => {
  await bundled();
  const server = serveHost();
  try {
    const out = await run("edge-runtime", "node", [
      "tests/runtimes/drivers/edge_runtime.mjs",
      TOOLS,
      DIST,
      server.baseURL,
    ], { timeoutMs: 30_000 });
    const result = lastJson("edge-runtime", out);
    checkSteps("edge-runtime", result);
    checkExample("edge-runtime", result, "vercel edge");
  } finally {
    await server.close();
  }
});

// Plain, and with `enable_weak_ref`, which gives Workers WeakRef and
// FinalizationRegistry: the module's cleanups then run there too.
for (const weakRef of [false, true]) {
  const name = weakRef ? "workerd (enable_weak_ref)" : "workerd";
  Deno.test(`${name}: smoke scenario and the Cloudflare Worker`, () =>
    workerd(name, weakRef));
}

async function workerd(name: string, weakRef: boolean): Promise<void> {
  await bundled();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  let config = (await Deno.readTextFile(
    repo("tests/runtimes/drivers/workerd.capnp"),
  )).replace("127.0.0.1:PORT", `127.0.0.1:${port}`);
  if (weakRef) {
    config = config.replaceAll(
      "compatibilityDate = ",
      'compatibilityFlags = ["enable_weak_ref"],\n  compatibilityDate = ',
    );
  }
  await Deno.writeTextFile(`${DIST}/config.capnp`, config);
  const controller = new AbortController();
  const child = new Deno.Command(bin("workerd"), {
    args: ["serve", `${DIST}/config.capnp`],
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: controller.signal,
  }).spawn();
  const output = child.output();
  const timer = setTimeout(() => controller.abort(), 45_000);
  let result: DriverResult | undefined;
  let shared: string[] | undefined;
  try {
    await until(15_000, async () => {
      const conn = await Deno.connect({ hostname: "127.0.0.1", port });
      conn.close();
    });
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      signal: controller.signal,
    });
    result = await response.json();
    shared = await sharedClientTimeouts(`http://127.0.0.1:${port}`);
  } finally {
    clearTimeout(timer);
    controller.abort();
    const { stderr } = await output;
    if (!result?.ok) {
      console.error(`workerd stderr:\n${new TextDecoder().decode(stderr)}`);
    }
  }
  checkSteps(name, result!);
  checkExample(name, result!, "cloudflare worker");
  const probe = result!.probe as Record<string, unknown>;
  assertEquals(probe.process, "undefined", `${name}: no Node process global`);
  assertEquals(
    probe.weakRef,
    weakRef ? "function" : "undefined",
    `${name}: WeakRef`,
  );
  // A call that never gets an answer times out even when the request that
  // started an earlier call of the same client has ended meanwhile.
  assertEquals(shared, [
    "ok",
    "APIConnectionTimeoutError",
    "APIConnectionTimeoutError",
  ]);
}

// Two overlapping requests to one Worker isolate whose client is shared: a
// slow call, then a call that hangs and must time out after 1 s; then one more
// hanging call alone.
async function sharedClientTimeouts(origin: string): Promise<string[]> {
  const call = async (path: string) => {
    const response = await fetch(origin + path);
    return (await response.json()).outcome as string;
  };
  const slow = call("/shared/slow");
  await new Promise((resolve) => setTimeout(resolve, 50));
  const outcomes = await Promise.all([slow, call("/shared/hang")]);
  return [...outcomes, await call("/shared/hang")];
}

Deno.test("chromium: smoke in a page and a web worker, browser guard", async () => {
  await bundled();
  const server = serveHost();
  try {
    const out = await run("chromium", "node", [
      "tests/runtimes/drivers/chromium.mjs",
      TOOLS,
      `${server.origin}/`,
    ], { timeoutMs: 90_000 });
    const result = lastJson("chromium", out);
    checkSteps("chromium page", result);
    const worker = result.worker as DriverResult & { guard: string };
    checkSteps("chromium web worker", worker);
    const refusal = /^OpenAIError: Cannot create client in a browser/;
    assert(
      refusal.test(result.pageGuard as string),
      `page: ${result.pageGuard}`,
    );
    assert(refusal.test(worker.guard), `web worker: ${worker.guard}`);
  } finally {
    await server.close();
  }
});

async function until(ms: number, attempt: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
