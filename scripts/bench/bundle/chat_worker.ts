/**
 * A minimal Worker that streams a chat completion back as its response,
 * importing only the chat entry point (`@webstd/openai/chat`).
 *
 * @module
 */

import { Chat, Transport } from "@webstd/openai/chat";

/** The Worker's bindings. */
export interface Env {
  /** The API key, from a Worker secret. */
  OPENAI_API_KEY: string;
}

export default {
  /** Streams the completion of the request's text back to the caller. */
  async fetch(request: Request, env: Env): Promise<Response> {
    const chat = new Chat(new Transport({ apiKey: env.OPENAI_API_KEY }));
    const stream = await chat.completions.create({
      model: "gpt-3.5-turbo",
      messages: [{ role: "user", content: await request.text() }],
      stream: true,
    });
    return new Response(stream.toReadableStream(), {
      headers: { "content-type": "text/event-stream" },
    });
  },
};
