/**
 * The `engines` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Engines, Transport } from "@webstd/openai/engines";
 * const engines = new Engines(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/engines.ts";
export * from "./_core.ts";
