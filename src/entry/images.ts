/**
 * The `images` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Images, Transport } from "@webstd/openai/images";
 * const images = new Images(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/images.ts";
export * from "./_core.ts";
export * from "./_uploads.ts";
