/**
 * `deno task demo`: streams a chat completion to the terminal through the
 * public API. By default it talks to the bundled mock server on 127.0.0.1, so
 * it needs no key and no network. `deno task demo --live` talks to the real
 * API with `OPENAI_API_KEY`.
 *
 * @module
 */

import OpenAI, { APIError } from "../mod.ts";
import { serveMock } from "../testing.ts";

const live = Deno.args.includes("--live");
const prompt = Deno.args.filter((arg) => arg !== "--live").join(" ") ||
  "Tell me, in one sentence, why streaming matters at the edge.";

if (live && !Deno.env.get("OPENAI_API_KEY")) {
  console.error("The --live demo needs OPENAI_API_KEY to be set");
  Deno.exit(2);
}

await using server = live ? undefined : await serveMock({ chunkSize: 5 });
const client = live
  ? new OpenAI()
  : new OpenAI({ apiKey: "sk-demo", baseURL: server!.url });

console.log(
  `%c${live ? "Live API" : `Mock server at ${client.baseURL}`}`,
  "color: gray",
);
console.log(`%c> ${prompt}`, "font-weight: bold");

const encoder = new TextEncoder();
try {
  const stream = await client.chat.completions.create({
    model: "gpt-3.5-turbo",
    messages: [{ role: "user", content: prompt }],
    stream: true,
  });
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    await Deno.stdout.write(
      encoder.encode(chunk.choices[0]?.delta.content ?? ""),
    );
  }
  console.log(`\n%c(${chunks} chunks)`, "color: gray");
} catch (err) {
  if (err instanceof APIError) console.error(`\n${err.name}: ${err.message}`);
  else throw err;
  Deno.exitCode = 1;
}
