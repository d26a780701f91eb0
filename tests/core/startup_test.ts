import { SSEDecoderStream } from "../../mod.ts";
import { assert, assertEquals } from "../_assert.ts";
import { inWorker } from "./_helpers.ts";

// In Deno, the first read of ReadableStream, TransformStream or Response
// loads the web streams implementation (~1.5 ms of a ~11 ms start-up), and
// the first read of setTimeout or clearTimeout the timers (~4 ms in Deno
// 2.9): the module must not touch them until a request or stream needs them.
// Runs in a fresh Worker (its own module graph): counts reads of the lazily
// loaded globals while mod.ts is imported and a client built.
const WORKER = `
const reads = [];
for (const name of ["ReadableStream", "TransformStream", "WritableStream", "Response", "setTimeout", "clearTimeout"]) {
  const original = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      reads.push(name);
      return original.get ? original.get.call(globalThis) : original.value;
    },
  });
}
const { default: OpenAI } = await import(${
  JSON.stringify(new URL("../../mod.ts", import.meta.url).href)
});
new OpenAI({ apiKey: "sk-test", baseURL: "http://127.0.0.1:9/v1" });
postMessage(reads);
`;

Deno.test("importing mod.ts and building a client reads no lazily loaded global", async () => {
  assertEquals(await inWorker(WORKER), []);
});

Deno.test("SSEDecoderStream is a TransformStream and can be subclassed", async () => {
  class Tagged extends SSEDecoderStream {
    tag = "t";
  }
  const stream = new Tagged();
  assert(stream instanceof TransformStream);
  assert(stream instanceof SSEDecoderStream);
  assertEquals(stream.tag, "t");
  const events = await Array.fromAsync(
    ReadableStream.from(["data: a\n\n", "data: b\n\n"]).pipeThrough(stream),
  );
  assertEquals(events.map((e) => e.data), ["a", "b"]);
});
