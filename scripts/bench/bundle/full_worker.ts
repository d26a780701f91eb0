/**
 * The same Worker as `chat_worker.ts`, importing the full client (`@webstd/openai`).
 *
 * @module
 */

import OpenAI from "@webstd/openai";

/** The Worker's bindings. */
export interface Env {
  /** The API key, from a Worker secret. */
  OPENAI_API_KEY: string;
}

export default {
  /** Streams the completion of the request's text back to the caller. */
  async fetch(request: Request, env: Env): Promise<Response> {
    const client = new OpenAI({ apiKey: env.OPENAI_API_KEY });
    const stream = await client.chat.completions.create({
      model: "gpt-3.5-turbo",
      messages: [{ role: "user", content: await request.text() }],
      stream: true,
    });
    return new Response(stream.toReadableStream(), {
      headers: { "content-type": "text/event-stream" },
    });
  },
};
