/**
 * The `chat` resource alone, with the core it needs: import this entry point
 * where bundle size matters and the whole client is not needed.
 *
 * @example
 * ```ts
 * import { Chat, Transport } from "@webstd/openai/chat";
 * const chat = new Chat(new Transport({ apiKey: "sk-test" }));
 * ```
 *
 * @module
 */

export * from "../resources/chat.ts";
export * from "./_core.ts";
