import OpenAI from "../../mod.ts";
import { isBrowser, readEnv, whenCollected } from "../../src/core/env.ts";
import { assert, assertEquals } from "../_assert.ts";
import { inWorker } from "./_helpers.ts";

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

Deno.test("whenCollected runs its function once the target is collected", async () => {
  const gc = (globalThis as { gc?: () => void }).gc!;
  let ran = 0;
  (() => whenCollected({}, () => ran++))();
  for (let i = 0; i < 5 && !ran; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  assertEquals(ran, 1);
});

// A cleanup that throws would end a Node process (uncaughtException) and
// fail a Bun one; Deno only prints it, so a registry that runs cleanups at
// once, in a fresh Worker, shows whether the error escapes.
const THROWING_CLEANUP = `
let escaped = "none";
globalThis.FinalizationRegistry = class {
  #cleanup;
  constructor(cleanup) { this.#cleanup = cleanup; }
  register(_target, held) {
    try { this.#cleanup(held); } catch (error) { escaped = error.message; }
  }
};
const { whenCollected } = await import(${
  JSON.stringify(new URL("../../src/core/env.ts", import.meta.url).href)
});
whenCollected({}, () => { throw new Error("a cleanup that fails"); });
postMessage(escaped);
`;

Deno.test("an error thrown by a whenCollected function goes nowhere", async () => {
  assertEquals(await inWorker(THROWING_CLEANUP), "none");
});
