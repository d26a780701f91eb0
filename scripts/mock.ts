/**
 * Serves the mock OpenAI API by hand: `deno task mock [--port N]`
 * (default port 4010), on 127.0.0.1 only.
 *
 * @example
 * ```sh
 * deno task mock --port 4010
 * ```
 *
 * @module
 */

import { MockOpenAI } from "../testing.ts";

function portArg(args: string[]): number {
  const at = args.findIndex((a) => a === "--port" || a.startsWith("--port="));
  if (at < 0) return 4010;
  const raw = args[at].includes("=") ? args[at].split("=")[1] : args[at + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port: ${raw}`);
  }
  return port;
}

if (import.meta.main) {
  const mock = new MockOpenAI({ record: false });
  Deno.serve({
    hostname: "127.0.0.1",
    port: portArg(Deno.args),
    onListen({ port }) {
      const url = `http://127.0.0.1:${port}/v1`;
      console.log(`Mock OpenAI API listening on ${url}`);
      console.log(`Try:
  curl -N ${url}/chat/completions \\
    -H "Authorization: Bearer sk-test" -H "Content-Type: application/json" \\
    -H "x-mock-stream-chunks: 5" \\
    -d '{"model":"gpt-3.5-turbo","stream":true,"messages":[{"role":"user","content":"Hello there"}]}'`);
    },
  }, mock.handle);
}
