// workerd: the Worker that runs the bundled smoke scenario against the mock
// Worker (binding MOCK), then calls the Cloudflare example Worker (binding
// EXAMPLE), and answers with one JSON object.
import { smoke } from "../bundle_entry.ts";

export default {
  async fetch(_request, env) {
    try {
      const probe = {
        process: typeof globalThis.process,
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
