/**
 * The `embeddings` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Embeddings, Transport } from "@webstd/openai/embeddings";
 * const embeddings = new Embeddings(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/embeddings.ts";
export * from "./_core.ts";
