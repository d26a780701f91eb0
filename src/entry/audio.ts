/**
 * The `audio` resource alone, with the core it needs and `toFile` for
 * uploads: import this entry point where bundle size matters and the whole
 * client is not needed.
 *
 * @example
 * ```ts
 * import { Audio, Transport } from "@webstd/openai/audio";
 * const audio = new Audio(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/audio.ts";
export * from "./_core.ts";
export * from "./_uploads.ts";
