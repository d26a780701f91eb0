/**
 * The `models` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Models, Transport } from "@webstd/openai/models";
 * const models = new Models(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/models.ts";
export * from "./_core.ts";
