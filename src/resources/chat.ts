/**
 * `client.chat.completions`: chat completions, plain or streamed.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Stream } from "../core/stream.ts";
import type { Requester } from "../core/transport.ts";
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsBase,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
} from "./chat_types.ts";
import * as Types from "./chat_types.ts";

export type * from "./chat_types.ts";

/**
 * `POST /chat/completions`.
 *
 * @example
 * ```ts
 * import { Chat, Transport } from "@webstd/openai/chat";
 * const chat = new Chat(new Transport({ apiKey: "sk-test" }));
 * const completion = await chat.completions.create({
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Hello" }],
 * });
 * console.log(completion.choices[0].message.content);
 * ```
 */
export class ChatCompletions {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  // The official SDK's order: a body whose type says nothing (`any`, such as
  // `await request.json()`) takes the first overload, a plain completion.
  /** Creates a chat completion. */
  create(
    body: ChatCompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion>;
  /** Creates a chat completion; with `stream: true`, resolves to a {@link Stream} of chunks. */
  create(
    body: ChatCompletionCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<ChatCompletionChunk>>;
  /** Creates a chat completion, streamed when `body.stream` is true. */
  create(
    body: ChatCompletionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | Stream<ChatCompletionChunk>>;
  create(
    body: ChatCompletionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<ChatCompletion | Stream<ChatCompletionChunk>> {
    return this.#t.request({
      method: "POST",
      path: "/chat/completions",
      body,
      stream: body?.stream === true,
    }, options);
  }
}

/**
 * The chat types again, where the official SDK also puts them: under
 * `OpenAI.Chat.Completions`, so that annotations such as
 * `OpenAI.Chat.Completions.ChatCompletionMessageParam` port unchanged.
 */
export declare namespace ChatCompletions {
  /** See {@link Types.ChatCompletion}. */
  export import ChatCompletion = Types.ChatCompletion;
  /** See {@link Types.ChatCompletionAssistantMessageParam}. */
  export import ChatCompletionAssistantMessageParam = Types.ChatCompletionAssistantMessageParam;
  /** See {@link Types.ChatCompletionChunk}. */
  export import ChatCompletionChunk = Types.ChatCompletionChunk;
  /** See {@link Types.ChatCompletionCreateParams}. */
  export import ChatCompletionCreateParams = Types.ChatCompletionCreateParams;
  /** See {@link Types.ChatCompletionCreateParamsBase}. */
  export import ChatCompletionCreateParamsBase = Types.ChatCompletionCreateParamsBase;
  /** See {@link Types.ChatCompletionCreateParamsNonStreaming}. */
  export import ChatCompletionCreateParamsNonStreaming = Types.ChatCompletionCreateParamsNonStreaming;
  /** See {@link Types.ChatCompletionCreateParamsStreaming}. */
  export import ChatCompletionCreateParamsStreaming = Types.ChatCompletionCreateParamsStreaming;
  /** See {@link Types.ChatCompletionFunctionCallOption}. */
  export import ChatCompletionFunctionCallOption = Types.ChatCompletionFunctionCallOption;
  /** See {@link Types.ChatCompletionFunctionMessageParam}. */
  export import ChatCompletionFunctionMessageParam = Types.ChatCompletionFunctionMessageParam;
  /** See {@link Types.ChatCompletionMessage}. */
  export import ChatCompletionMessage = Types.ChatCompletionMessage;
  /** See {@link Types.ChatCompletionMessageParam}. */
  export import ChatCompletionMessageParam = Types.ChatCompletionMessageParam;
  /** See {@link Types.ChatCompletionRole}. */
  export import ChatCompletionRole = Types.ChatCompletionRole;
  /** See {@link Types.ChatCompletionSystemMessageParam}. */
  export import ChatCompletionSystemMessageParam = Types.ChatCompletionSystemMessageParam;
  /** See {@link Types.ChatCompletionUserMessageParam}. */
  export import ChatCompletionUserMessageParam = Types.ChatCompletionUserMessageParam;
  /** See {@link Types.CreateChatCompletionRequestMessage}. */
  export import CreateChatCompletionRequestMessage = Types.CreateChatCompletionRequestMessage;
  /** The official SDK's short name for {@link Types.ChatCompletionCreateParams}. */
  export import CompletionCreateParams = Types.ChatCompletionCreateParams;
  /** The official SDK's short name for {@link Types.ChatCompletionCreateParamsNonStreaming}. */
  export import CompletionCreateParamsNonStreaming = Types.ChatCompletionCreateParamsNonStreaming;
  /** The official SDK's short name for {@link Types.ChatCompletionCreateParamsStreaming}. */
  export import CompletionCreateParamsStreaming = Types.ChatCompletionCreateParamsStreaming;
}

/**
 * `client.chat`: holds `completions`.
 *
 * @example
 * ```ts
 * import { Chat, Transport } from "@webstd/openai/chat";
 * const chat = new Chat(new Transport({ apiKey: "sk-test" }));
 * const stream = await chat.completions.create({
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Hello" }],
 *   stream: true,
 * });
 * for await (const chunk of stream) console.log(chunk.choices[0]?.delta.content ?? "");
 * ```
 */
export class Chat {
  /** Chat completions. */
  readonly completions: ChatCompletions;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.completions = new ChatCompletions(transport);
  }
}
