/**
 * The `answers` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Answers, Transport } from "@webstd/openai/answers";
 * const answers = new Answers(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/answers.ts";
export * from "./_core.ts";
