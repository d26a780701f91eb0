// workerd: the Worker that runs the bundled smoke scenario against the mock
// Worker (binding MOCK), then calls the Cloudflare example Worker (binding
// EXAMPLE), and answers with one JSON object. Under /shared/ it answers one
// call of a client that every request of the isolate shares.
import { OpenAI, smoke, SMOKE_KEY } from "../bundle_entry.ts";

// Kept at module scope, as a Worker that caches its client does. In workerd a
// timer belongs to the request that set it, so each request's calls must time
// out on timers of their own. `x-hang` calls never get an answer.
let shared;
function sharedClient(env) {
  return shared ??= new OpenAI({
    apiKey: SMOKE_KEY,
    baseURL: "http://mock/v1",
    maxRetries: 0,
    timeout: 1000,
    async fetch(input, init) {
      if (new Headers(init?.headers).has("x-hang")) {
        return await new Promise((_, reject) => {
          init.signal.addEventListener(
            "abort",
            () => reject(init.signal.reason),
          );
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      return env.MOCK.fetch(input, init);
    },
  });
}

async function sharedCall(env, hang) {
  const started = Date.now();
  const outcome = await Promise.race([
    sharedClient(env).models.list({ headers: hang ? { "x-hang": "1" } : {} })
      .then(() => "ok", (error) => error.name),
    new Promise((resolve) =>
      setTimeout(() => resolve("no answer in 5 s"), 5000)
    ),
  ]);
  return Response.json({ outcome, ms: Date.now() - started });
}

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith("/shared/")) {
      return sharedCall(env, pathname === "/shared/hang");
    }
    try {
      const probe = {
        process: typeof globalThis.process,
        weakRef: typeof globalThis.WeakRef,
        document: typeof globalThis.document,
        navigator: globalThis.navigator?.userAgent,
      };
      const steps = await smoke({
        baseURL: "http://mock/v1",
        fetch: (input, init) => env.MOCK.fetch(input, init),
      });
      const response = await env.EXAMPLE.fetch("http://example/", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ prompt: "cloudflare worker" }),
      });
      const example = {
        status: response.status,
        type: response.headers.get("content-type"),
        body: await response.text(),
      };
      return Response.json({ ok: true, steps, probe, example });
    } catch (error) {
      return Response.json({ ok: false, error: String(error?.stack ?? error) });
    }
  },
};
