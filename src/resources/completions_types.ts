/**
 * Request and response types of (legacy) text completions.
 *
 * @module
 */

import type {
  AnyString,
  CompletionUsage,
  LogitBias,
  RequestID,
  Stop,
} from "./shared.ts";

export type { CompletionUsage } from "./shared.ts";

/**
 * The fields every body of `completions.create` shares, whatever its
 * `stream`. Annotate a body with {@link CompletionCreateParams} instead: that
 * union lets TypeScript tell a streamed call from a plain one.
 *
 * @example
 * ```ts
 * import type { CompletionCreateParamsBase } from "@webstd/openai";
 * const base: CompletionCreateParamsBase = {
 *   model: "gpt-3.5-turbo-instruct",
 *   prompt: "Once upon a time",
 *   stream: Math.random() < 0.5,
 * };
 * ```
 */
export interface CompletionCreateParamsBase {
  /** The model id, e.g. `"text-davinci-003"`. */
  model:
    | AnyString
    | "babbage-002"
    | "davinci-002"
    | "gpt-3.5-turbo-instruct"
    | "text-davinci-003"
    | "text-davinci-002"
    | "text-davinci-001"
    | "code-davinci-002"
    | "text-curie-001"
    | "text-babbage-001"
    | "text-ada-001";
  /** A string, strings, tokens or token arrays. */
  prompt: string | string[] | number[] | number[][] | null;
  /** Text that follows the inserted completion. */
  suffix?: string | null;
  /** The most tokens to generate (default 16). */
  max_tokens?: number | null;
  /** Sampling temperature, 0 to 2. */
  temperature?: number | null;
  /** Nucleus sampling mass, 0 to 1. */
  top_p?: number | null;
  /** Completions per prompt. */
  n?: number | null;
  /** Stream partial results as server-sent events. */
  stream?: boolean | null;
  /** Return log probabilities of this many top tokens (0 to 5). */
  logprobs?: number | null;
  /** Repeat the prompt before the completion. */
  echo?: boolean | null;
  /** Up to four stop sequences. */
  stop?: Stop;
  /** -2 to 2: penalise tokens already present. */
  presence_penalty?: number | null;
  /** -2 to 2: penalise frequent tokens. */
  frequency_penalty?: number | null;
  /** Generate this many server-side and return the best (not streamable). */
  best_of?: number | null;
  /** Token id to bias, -100 to 100. */
  logit_bias?: LogitBias | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** Log probabilities of a completion choice. */
export interface CompletionLogprobs {
  /** The tokens. */
  tokens?: string[];
  /** Their log probabilities. */
  token_logprobs?: number[];
  /** The most likely alternatives per position. */
  top_logprobs?: Record<string, number>[];
  /** Character offset of each token. */
  text_offset?: number[];
}

/** One generated choice. */
export interface CompletionChoice {
  /** The generated text. */
  text: string;
  /** Position among the choices. */
  index: number;
  /** Present when `logprobs` was requested. */
  logprobs: CompletionLogprobs | null;
  /** Why generation stopped (`content_filter`: text was left out); `null` in a streamed chunk until its choice ends. */
  finish_reason: "stop" | "length" | "content_filter" | AnyString | null;
}

/** A completion, or one chunk of a streamed completion (same shape). */
export interface Completion extends RequestID {
  /** The completion's id. */
  id: string;
  /** Always `"text_completion"`. */
  object: "text_completion" | AnyString;
  /** Unix time in seconds. */
  created: number;
  /** The model that answered. */
  model: string;
  /** The generated choices. */
  choices: CompletionChoice[];
  /** Token counts (not in stream chunks). */
  usage?: CompletionUsage;
}

/**
 * The body of a plain `completions.create`, which resolves to a
 * {@link Completion}: `stream` left out, `false` or `null`.
 *
 * @example
 * ```ts
 * import type { CompletionCreateParamsNonStreaming } from "@webstd/openai";
 * const p: CompletionCreateParamsNonStreaming = { model: "davinci-002", prompt: "Once" };
 * ```
 */
export interface CompletionCreateParamsNonStreaming
  extends CompletionCreateParamsBase {
  /** Left out, `false` or `null`: the answer comes in one piece. */
  stream?: false | null;
}

/**
 * The body of a streamed `completions.create`, which resolves to a `Stream`
 * of {@link Completion} chunks.
 *
 * @example
 * ```ts
 * import type { CompletionCreateParamsStreaming } from "@webstd/openai";
 * const p: CompletionCreateParamsStreaming = { model: "davinci-002", prompt: "Once", stream: true };
 * ```
 */
export interface CompletionCreateParamsStreaming
  extends CompletionCreateParamsBase {
  /** Always `true`: the answer arrives as server-sent events. */
  stream: true;
}

/**
 * The body of `completions.create`: a plain or a streamed call, as the
 * official SDK types it. A variable annotated with this union and given an
 * object without `stream: true` is narrowed to the plain kind, so the call
 * resolves to a {@link Completion}.
 *
 * @example
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI();
 * const params: OpenAI.CompletionCreateParams = {
 *   model: "gpt-3.5-turbo-instruct",
 *   prompt: "Say this is a test",
 * };
 * const completion: OpenAI.Completion = await client.completions.create(params);
 * ```
 */
export type CompletionCreateParams =
  | CompletionCreateParamsNonStreaming
  | CompletionCreateParamsStreaming;

/**
 * The official SDK's names nested under {@link CompletionCreateParams}, so
 * annotations such as
 * `OpenAI.Completions.CompletionCreateParams.CompletionCreateParamsStreaming`
 * port unchanged.
 *
 * @example
 * ```ts
 * import type OpenAI from "@webstd/openai";
 * const p: OpenAI.CompletionCreateParams.CompletionCreateParamsStreaming = {
 *   model: "davinci-002",
 *   prompt: "Once",
 *   stream: true,
 * };
 * ```
 */
export declare namespace CompletionCreateParams {
  /** See {@link CompletionCreateParamsNonStreaming}. */
  export type CompletionCreateParamsNonStreaming =
    import("./completions_types.ts").CompletionCreateParamsNonStreaming;
  /** See {@link CompletionCreateParamsStreaming}. */
  export type CompletionCreateParamsStreaming =
    import("./completions_types.ts").CompletionCreateParamsStreaming;
}

/** The official SDK's nested names for a choice's parts. */
export declare namespace CompletionChoice {
  /** See {@link CompletionLogprobs}. */
  export type Logprobs = CompletionLogprobs;
}
