/**
 * `OpenAI.Chat` as the official SDK shows it: the chat module plus
 * `Completions`, its name for {@link ChatCompletions}. Not an entry point:
 * `@webstd/openai/completions` already exports a `Completions` (the legacy
 * text completions), and the bundle joins the entry points into one module.
 *
 * @example
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
 *   { role: "user", content: "Hello" },
 * ];
 * console.log(OpenAI.Chat.Completions === OpenAI.Chat.ChatCompletions, messages);
 * ```
 *
 * @module
 */

import { ChatCompletions } from "./chat.ts";

export * from "./chat.ts";
export { ChatCompletions as Completions };
