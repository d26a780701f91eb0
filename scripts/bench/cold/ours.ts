// Cold start: import this module as published (deno.json `exports`, built
// into dist/ by `deno task build`) and construct a client.
import OpenAI from "@webstd/openai";

new OpenAI({ apiKey: "sk-bench", baseURL: "http://127.0.0.1:9/v1" });
