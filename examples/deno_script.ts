/**
 * A Deno script: asks for a chat completion, then streams a second one to
 * stdout as it arrives.
 *
 * ```sh
 * OPENAI_API_KEY=sk-... deno run --allow-net=api.openai.com \
 *   --allow-env=OPENAI_API_KEY,OPENAI_BASE_URL,OPENAI_ORG_ID examples/deno_script.ts "Say hello"
 * ```
 *
 * @module
 */

import OpenAI from "@webstd/openai";

const prompt = Deno.args[0] ?? "Write a haiku about rivers";
const client = new OpenAI(); // reads OPENAI_API_KEY and OPENAI_BASE_URL

const completion = await client.chat.completions.create({
  model: "gpt-3.5-turbo",
  messages: [{ role: "user", content: prompt }],
});
console.log(completion.choices[0].message.content);

const stream = await client.chat.completions.create({
  model: "gpt-3.5-turbo",
  messages: [{ role: "user", content: prompt }],
  stream: true,
});
const encoder = new TextEncoder();
for await (const chunk of stream) {
  await Deno.stdout.write(
    encoder.encode(chunk.choices[0]?.delta.content ?? ""),
  );
}
console.log();
