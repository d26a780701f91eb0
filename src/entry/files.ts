/**
 * The `files` resource alone, with the core it needs and `toFile` for
 * uploads: import this entry point where bundle size matters and the whole
 * client is not needed.
 *
 * @example
 * ```ts
 * import { Files, Transport } from "@webstd/openai/files";
 * const files = new Files(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/files.ts";
export * from "./_core.ts";
export * from "./_uploads.ts";
