/**
 * Request and response types of (legacy) text completions.
 *
 * @module
 */

import type {
  AnyString,
  CompletionUsage,
  LogitBias,
  NonStreaming,
  RequestID,
  Stop,
  Streaming,
} from "./shared.ts";

/** The body of `completions.create`. */
export interface CompletionCreateParams {
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
  /** Why generation stopped. */
  finish_reason: "stop" | "length" | AnyString | null;
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
 * The official SDK's name for the body of a non-streamed `completions.create`, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { CompletionCreateParamsNonStreaming } from "@webstd/openai";
 * const p: CompletionCreateParamsNonStreaming = { model: "davinci-002", prompt: "Once" };
 * ```
 */
export type CompletionCreateParamsNonStreaming = NonStreaming<
  CompletionCreateParams
>;

/**
 * The official SDK's name for the body of a streamed `completions.create`, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { CompletionCreateParamsStreaming } from "@webstd/openai";
 * const p: CompletionCreateParamsStreaming = { model: "davinci-002", prompt: "Once", stream: true };
 * ```
 */
export type CompletionCreateParamsStreaming = Streaming<CompletionCreateParams>;
