/**
 * The `classifications` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Classifications, Transport } from "@webstd/openai/classifications";
 * const classifications = new Classifications(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/classifications.ts";
export * from "./_core.ts";
