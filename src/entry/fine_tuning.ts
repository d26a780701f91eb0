/**
 * The `fine_tuning` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { FineTuning, Transport } from "@webstd/openai/fine_tuning";
 * const fineTuning = new FineTuning(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/fine_tuning.ts";
export * from "./_core.ts";
