import OpenAI from "../../mod.ts";
import { isBrowser, readEnv } from "../../src/core/env.ts";
import { assert, assertEquals } from "../_assert.ts";

// In Deno 2, reading `globalThis.process` loads the Node compatibility layer
// (~10 ms of start-up): the client must read the environment through Deno.
Deno.test("building a client in Deno never touches globalThis.process", () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, "process");
  assert(original, "Deno 2 defines a global process");
  let reads = 0;
  Object.defineProperty(globalThis, "process", {
    configurable: true,
    get() {
      reads++;
      return original.get ? original.get.call(globalThis) : original.value;
    },
  });
  try {
    new OpenAI({ apiKey: "sk-test" });
    readEnv("OPENAI_BASE_URL");
    assertEquals(isBrowser(), false);
  } finally {
    Object.defineProperty(globalThis, "process", original);
  }
  assertEquals(reads, 0);
});
