/**
 * The `edits` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Edits, Transport } from "@webstd/openai/edits";
 * const edits = new Edits(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/edits.ts";
export * from "./_core.ts";
