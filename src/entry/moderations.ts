/**
 * The `moderations` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Moderations, Transport } from "@webstd/openai/moderations";
 * const moderations = new Moderations(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/moderations.ts";
export * from "./_core.ts";
