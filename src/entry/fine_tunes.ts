/**
 * The legacy `fineTunes` resource alone (deprecated: see `./fine_tuning`), with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { FineTunes, Transport } from "@webstd/openai/fine_tunes";
 * const fineTunes = new FineTunes(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/fine_tunes.ts";
export type { FileObject } from "../resources/file_object.ts";
export * from "./_core.ts";
