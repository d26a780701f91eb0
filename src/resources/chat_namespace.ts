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
import type * as Types from "./chat_types.ts";

export * from "./chat.ts";
export { ChatCompletions as Completions };

// The official SDK's short names, here only: as exports of the chat module
// they would clash with the legacy completions' names in the bundle.

/** The official SDK's short name for {@link Types.ChatCompletionCreateParams}. */
export type CompletionCreateParams = Types.ChatCompletionCreateParams;
/** The official SDK's short name for {@link Types.ChatCompletionCreateParamsNonStreaming}. */
export type CompletionCreateParamsNonStreaming =
  Types.ChatCompletionCreateParamsNonStreaming;
/** The official SDK's short name for {@link Types.ChatCompletionCreateParamsStreaming}. */
export type CompletionCreateParamsStreaming =
  Types.ChatCompletionCreateParamsStreaming;
