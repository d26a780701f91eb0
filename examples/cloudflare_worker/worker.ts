/**
 * A Cloudflare Worker that proxies a streamed chat completion to the browser,
 * keeping the API key on the server. Deploy with `wrangler deploy` after
 * `wrangler secret put OPENAI_API_KEY`.
 *
 * @example Call it from the browser
 * ```ts ignore
 * import { Stream } from "@webstd/openai";
 * const response = await fetch("https://my-worker.example.workers.dev", {
 *   method: "POST",
 *   body: JSON.stringify({ prompt: "Say hello" }),
 * });
 * for await (const chunk of Stream.fromSSEResponse(response)) {
 *   console.log(chunk);
 * }
 * ```
 *
 * @module
 */

import OpenAI from "@webstd/openai";

/** The bindings this Worker reads (set in wrangler.toml or as secrets). */
export interface Env {
  /** The OpenAI API key, stored as a secret. */
  OPENAI_API_KEY: string;
  /** Optional: another OpenAI-compatible server. */
  OPENAI_BASE_URL?: string;
}

/** The Worker: `POST {"prompt": "..."}` answers with an event stream. */
const worker = {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (request.method !== "POST") {
      return new Response('Send a POST with {"prompt": "..."}', {
        status: 405,
        headers: { allow: "POST" },
      });
    }
    const { prompt } = await request.json() as { prompt?: unknown };
    if (typeof prompt !== "string" || prompt === "") {
      return Response.json({ error: "Send a JSON body with a prompt string" }, {
        status: 400,
      });
    }
    // Workers have no process.env: the key comes from the bindings.
    const client = new OpenAI({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL || undefined,
    });
    const stream = await client.chat.completions.create(
      {
        model: "gpt-3.5-turbo",
        messages: [{ role: "user", content: prompt }],
        stream: true,
      },
      // Fires when the caller leaves only with the enable_request_signal
      // compatibility flag; the runtime cancels the returned stream anyway.
      { signal: request.signal },
    );
    return new Response(stream.toReadableStream(), {
      headers: {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        "access-control-allow-origin": "*",
      },
    });
  },
};

export default worker;
