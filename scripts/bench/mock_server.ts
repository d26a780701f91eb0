/**
 * The mock API for the benchmarks, in its own process so its work never
 * counts against a client: `deno run --allow-net=127.0.0.1 mock_server.ts`
 * prints `PORT <n>` once it listens on 127.0.0.1.
 *
 * Uploads to `/v1/files` are drained and counted instead of parsed, so a
 * 200 MB body costs the server no memory and the client no waiting.
 *
 * @module
 */

import { MockOpenAI } from "../../testing.ts";

const mock = new MockOpenAI({ record: false });

async function drain(request: Request): Promise<Response> {
  let bytes = 0;
  if (request.body) {
    for await (const chunk of request.body) bytes += chunk.byteLength;
  }
  return Response.json({
    id: "file-bench",
    object: "file",
    bytes,
    created_at: 1_700_000_000,
    filename: "upload.jsonl",
    purpose: "fine-tune",
    status: "uploaded",
  });
}

Deno.serve({
  hostname: "127.0.0.1",
  port: 0,
  onListen({ port }) {
    console.log(`PORT ${port}`);
  },
}, (request) => {
  if (
    request.method === "POST" && new URL(request.url).pathname === "/v1/files"
  ) {
    return drain(request);
  }
  return mock.handle(request);
});
