/**
 * Request and response types of chat completions.
 *
 * @module
 */

import type {
  AnyString,
  CompletionUsage,
  FunctionParameters,
  LogitBias,
  RequestID,
  Stop,
} from "./shared.ts";

/** Who wrote a message. */
export type ChatRole = "system" | "user" | "assistant" | "function";

/** A function call the model asked for: its name and JSON arguments (unvalidated). */
export interface ChatCompletionFunctionCall {
  /** The function's name. */
  name: string;
  /** The arguments as JSON text; the model may produce invalid JSON, so validate it. */
  arguments: string;
}

/** One message of the conversation sent to the model. */
export interface ChatCompletionMessageParam {
  /** The author's role. */
  role: ChatRole;
  /** The text; `null` only for an assistant message that carries `function_call`. */
  content: string | null;
  /** For role `function`: the function whose result `content` holds. Otherwise an optional author name. */
  name?: string;
  /** For role `assistant`: the function call the model made earlier. */
  function_call?: ChatCompletionFunctionCall;
}

/** A function the model may call, described by a JSON Schema. */
export interface ChatCompletionFunction {
  /** Letters, digits, underscores and dashes, at most 64 characters. */
  name: string;
  /** What the function does, for the model. */
  description?: string;
  /** A JSON Schema object describing the arguments. */
  parameters?: FunctionParameters;
}

/**
 * The fields every body of `chat.completions.create` shares, whatever its
 * `stream`. Annotate a body with {@link ChatCompletionCreateParams} instead:
 * that union lets TypeScript tell a streamed call from a plain one.
 *
 * @example
 * ```ts
 * import type { ChatCompletionCreateParamsBase } from "@webstd/openai";
 * const base: ChatCompletionCreateParamsBase = {
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Hello" }],
 *   stream: Math.random() < 0.5,
 * };
 * ```
 */
export interface ChatCompletionCreateParamsBase {
  /** The model id, e.g. `"gpt-3.5-turbo"`. */
  model:
    | AnyString
    | "gpt-4"
    | "gpt-4-0314"
    | "gpt-4-0613"
    | "gpt-4-32k"
    | "gpt-4-32k-0314"
    | "gpt-4-32k-0613"
    | "gpt-3.5-turbo"
    | "gpt-3.5-turbo-16k"
    | "gpt-3.5-turbo-0301"
    | "gpt-3.5-turbo-0613"
    | "gpt-3.5-turbo-16k-0613";
  /** The conversation so far. */
  messages: ChatCompletionMessageParam[];
  /** Functions the model may call. */
  functions?: ChatCompletionFunction[];
  /** `"none"`, `"auto"`, or `{ name }` to force a call. */
  function_call?: "none" | "auto" | ChatCompletionFunctionCallOption;
  /** Sampling temperature, 0 to 2. */
  temperature?: number | null;
  /** Nucleus sampling mass, 0 to 1. */
  top_p?: number | null;
  /** How many choices to generate. */
  n?: number | null;
  /** Stream partial deltas as server-sent events. */
  stream?: boolean | null;
  /** Up to four stop sequences. */
  stop?: Stop;
  /** The most tokens to generate; `null` for no limit beyond the context. */
  max_tokens?: number | null;
  /** -2 to 2: penalise tokens already present. */
  presence_penalty?: number | null;
  /** -2 to 2: penalise frequent tokens. */
  frequency_penalty?: number | null;
  /** Token id to bias, -100 to 100. */
  logit_bias?: LogitBias | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** A message the model wrote. */
export interface ChatCompletionMessage {
  /** Always `"assistant"` in practice. */
  role: ChatRole;
  /** The text, or `null` when the model called a function. */
  content: string | null;
  /** The function the model wants called. */
  function_call?: ChatCompletionFunctionCall;
}

/** The result of a non-streamed chat completion. */
export interface ChatCompletion extends RequestID {
  /** The completion's id. */
  id: string;
  /** Always `"chat.completion"`. */
  object: "chat.completion" | AnyString;
  /** Unix time in seconds. */
  created: number;
  /** The model that answered. */
  model: string;
  /** The generated choices. */
  choices: ChatCompletionChoice[];
  /** Token counts. */
  usage?: CompletionUsage;
}

/** One generated choice. */
export interface ChatCompletionChoice {
  /** Position among the choices. */
  index: number;
  /** The message. */
  message: ChatCompletionMessage;
  /** Why generation stopped. */
  finish_reason: "stop" | "length" | "function_call" | AnyString | null;
}

/** One chunk of a streamed chat completion. */
export interface ChatCompletionChunk {
  /** The completion's id (the same for every chunk). */
  id: string;
  /** Always `"chat.completion.chunk"`. */
  object: "chat.completion.chunk" | AnyString;
  /** Unix time in seconds. */
  created: number;
  /** The model that answers. */
  model: string;
  /** The deltas of each choice. */
  choices: ChatCompletionChunkChoice[];
}

/** The delta of one choice within a chunk. */
export interface ChatCompletionChunkChoice {
  /** Which choice this delta extends. */
  index: number;
  /** What to append. */
  delta: {
    role?: ChatRole;
    content?: string | null;
    function_call?: Partial<ChatCompletionFunctionCall>;
  };
  /** Set on the last chunk of the choice. */
  finish_reason: "stop" | "length" | "function_call" | AnyString | null;
}

/** The official SDK's nested names for a completion's parts. */
export declare namespace ChatCompletion {
  /** See {@link ChatCompletionChoice}. */
  export type Choice = ChatCompletionChoice;
}

/** The official SDK's nested names for a chunk's parts. */
export declare namespace ChatCompletionChunk {
  /** See {@link ChatCompletionChunkChoice}. */
  export type Choice = ChatCompletionChunkChoice;
  /** The official SDK's nested names for a choice's parts. */
  export namespace Choice {
    /** What a chunk appends to its choice. */
    export type Delta = ChatCompletionChunkChoice["delta"];
    /** The official SDK's nested names for a delta's parts. */
    export namespace Delta {
      /** A piece of a function call: each chunk adds to `arguments`. */
      export type FunctionCall = Partial<ChatCompletionFunctionCall>;
    }
  }
}

/** The official SDK's nested names for a message's parts. */
export declare namespace ChatCompletionMessage {
  /** See {@link ChatCompletionFunctionCall}. */
  export type FunctionCall = ChatCompletionFunctionCall;
}

/** The official SDK's nested names (before 4.20) for a message's parts. */
export declare namespace ChatCompletionMessageParam {
  /** See {@link ChatCompletionFunctionCall}. */
  export type FunctionCall = ChatCompletionFunctionCall;
}

/**
 * The official SDK's name for {@link ChatRole}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionRole } from "@webstd/openai";
 * const role: ChatCompletionRole = "assistant";
 * ```
 */
export type ChatCompletionRole = ChatRole;

/**
 * The official SDK's name for a system {@link ChatCompletionMessageParam}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionSystemMessageParam } from "@webstd/openai";
 * const m: ChatCompletionSystemMessageParam = { role: "system", content: "Be brief" };
 * ```
 */
export type ChatCompletionSystemMessageParam = ChatCompletionMessageParam & {
  role: "system";
  content: string;
};

/**
 * The official SDK's name for a user {@link ChatCompletionMessageParam}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionUserMessageParam } from "@webstd/openai";
 * const m: ChatCompletionUserMessageParam = { role: "user", content: "Hi" };
 * ```
 */
export type ChatCompletionUserMessageParam = ChatCompletionMessageParam & {
  role: "user";
  content: string;
};

/**
 * The official SDK's name for an assistant {@link ChatCompletionMessageParam}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionAssistantMessageParam } from "@webstd/openai";
 * const m: ChatCompletionAssistantMessageParam = { role: "assistant", content: "Hello" };
 * ```
 */
export type ChatCompletionAssistantMessageParam = ChatCompletionMessageParam & {
  role: "assistant";
};

/** The official SDK's nested names for an assistant message's parts. */
export declare namespace ChatCompletionAssistantMessageParam {
  /** See {@link ChatCompletionFunctionCall}. */
  export type FunctionCall = ChatCompletionFunctionCall;
}

/**
 * The official SDK's name for a function-result {@link ChatCompletionMessageParam}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionFunctionMessageParam } from "@webstd/openai";
 * const m: ChatCompletionFunctionMessageParam = { role: "function", name: "now", content: "12:00" };
 * ```
 */
export type ChatCompletionFunctionMessageParam = ChatCompletionMessageParam & {
  role: "function";
  name: string;
};

/**
 * The body of a plain `chat.completions.create`, which resolves to a
 * {@link ChatCompletion}: `stream` left out, `false` or `null`.
 *
 * @example
 * ```ts
 * import type { ChatCompletionCreateParamsNonStreaming } from "@webstd/openai";
 * const p: ChatCompletionCreateParamsNonStreaming = { model: "gpt-4", messages: [] };
 * ```
 */
export interface ChatCompletionCreateParamsNonStreaming
  extends ChatCompletionCreateParamsBase {
  /** Left out, `false` or `null`: the answer comes in one piece. */
  stream?: false | null;
}

/**
 * The body of a streamed `chat.completions.create`, which resolves to a
 * `Stream` of {@link ChatCompletionChunk}s.
 *
 * @example
 * ```ts
 * import type { ChatCompletionCreateParamsStreaming } from "@webstd/openai";
 * const p: ChatCompletionCreateParamsStreaming = { model: "gpt-4", messages: [], stream: true };
 * ```
 */
export interface ChatCompletionCreateParamsStreaming
  extends ChatCompletionCreateParamsBase {
  /** Always `true`: the answer arrives as server-sent events. */
  stream: true;
}

/**
 * The body of `chat.completions.create`: a plain or a streamed call, as the
 * official SDK types it. A variable annotated with this union and given an
 * object without `stream: true` is narrowed to the plain kind, so the call
 * resolves to a {@link ChatCompletion}.
 *
 * @example
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI();
 * const params: OpenAI.Chat.ChatCompletionCreateParams = {
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Hello" }],
 * };
 * const completion: OpenAI.Chat.ChatCompletion = await client.chat.completions
 *   .create(params);
 * ```
 */
export type ChatCompletionCreateParams =
  | ChatCompletionCreateParamsNonStreaming
  | ChatCompletionCreateParamsStreaming;

/**
 * The official SDK's older name for {@link ChatCompletionMessageParam}.
 *
 * @example
 * ```ts
 * import type { CreateChatCompletionRequestMessage } from "@webstd/openai";
 * const m: CreateChatCompletionRequestMessage = { role: "user", content: "Hi" };
 * ```
 */
export type CreateChatCompletionRequestMessage = ChatCompletionMessageParam;

/**
 * The official SDK's name for {@link ChatCompletionFunction}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { FunctionDefinition } from "@webstd/openai";
 * const f: FunctionDefinition = { name: "now", parameters: { type: "object" } };
 * ```
 */
export type FunctionDefinition = ChatCompletionFunction;

/**
 * The official SDK's name for the `function_call` value that forces one function, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ChatCompletionFunctionCallOption } from "@webstd/openai";
 * const force: ChatCompletionFunctionCallOption = { name: "now" };
 * ```
 */
export type ChatCompletionFunctionCallOption = { name: string };

/**
 * The official SDK's names nested under {@link ChatCompletionCreateParams},
 * so annotations such as `OpenAI.Chat.ChatCompletionCreateParams.Function`
 * port unchanged.
 *
 * @example
 * ```ts
 * import type OpenAI from "@webstd/openai";
 * const now: OpenAI.Chat.ChatCompletionCreateParams.Function = {
 *   name: "now",
 *   parameters: { type: "object", properties: {} },
 * };
 * ```
 */
export declare namespace ChatCompletionCreateParams {
  /** See {@link ChatCompletionFunction}. */
  export type Function = ChatCompletionFunction;
  /** The official SDK's name (before 4.20) for {@link ChatCompletionFunctionCallOption}. */
  export type FunctionCallOption = ChatCompletionFunctionCallOption;
  /** See {@link ChatCompletionCreateParamsNonStreaming}. */
  export type ChatCompletionCreateParamsNonStreaming =
    import("./chat_types.ts").ChatCompletionCreateParamsNonStreaming;
  /** See {@link ChatCompletionCreateParamsStreaming}. */
  export type ChatCompletionCreateParamsStreaming =
    import("./chat_types.ts").ChatCompletionCreateParamsStreaming;
}
