/**
 * A Vercel Edge route handler (for example `app/api/chat/route.ts` in a
 * Next.js app) that streams a chat completion back to the browser. The client
 * reads `OPENAI_API_KEY` (and `OPENAI_BASE_URL`, if set) from the
 * environment; the browser reads the reply with `Stream.fromSSEResponse`.
 *
 * @example Call it from the browser
 * ```ts ignore
 * import { Stream } from "@webstd/openai";
 * const response = await fetch("/api/chat", {
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

/** Tells Next.js to run this route on the Edge runtime. */
export const runtime = "edge";

/** Streams the completion of `{ "prompt": string }` as server-sent events. */
export async function POST(request: Request): Promise<Response> {
  const { prompt } = await request.json() as { prompt?: unknown };
  if (typeof prompt !== "string" || prompt === "") {
    return Response.json({ error: "Send a JSON body with a prompt string" }, {
      status: 400,
    });
  }
  const client = new OpenAI();
  const stream = await client.chat.completions.create(
    {
      model: "gpt-3.5-turbo",
      messages: [{ role: "user", content: prompt }],
      stream: true,
    },
    // Stop generating (and paying for tokens) when the browser goes away.
    { signal: request.signal },
  );
  return new Response(stream.toReadableStream(), {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
    },
  });
}
