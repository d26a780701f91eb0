/**
 * The `completions` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Completions, Transport } from "@webstd/openai/completions";
 * const completions = new Completions(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/completions.ts";
export * from "./_core.ts";
