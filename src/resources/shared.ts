/**
 * Types shared by several resources.
 *
 * @module
 */

/** Token counts of a request. */
export interface CompletionUsage {
  /** Tokens in the prompt. */
  prompt_tokens: number;
  /** Tokens generated. */
  completion_tokens: number;
  /** The sum of both. */
  total_tokens: number;
}

/** A stop condition: one sequence or up to four. */
export type Stop = string | string[] | null;

/**
 * A JSON Schema object describing a function's arguments (the official SDK's
 * name for it).
 *
 * @example
 * ```ts
 * import type { FunctionParameters } from "@webstd/openai";
 * const args: FunctionParameters = {
 *   type: "object",
 *   properties: { city: { type: "string" } },
 *   required: ["city"],
 * };
 * ```
 */
export type FunctionParameters = Record<string, unknown>;

/** Per-token bias, keyed by token id as a string, from -100 to 100. */
export type LogitBias = Record<string, number>;

/** Turns a request type's `stream` field into `true` or `false | null | undefined`. */
export type Streaming<T> = T & { stream: true };
/** The non-streaming variant of a request type. */
export type NonStreaming<T> = T & { stream?: false | null };

/**
 * What a parsed result carries besides its JSON, as with the official SDK:
 * `_request_id`, the response's `x-request-id` (quote it to OpenAI support).
 * It is not enumerable, so it stays out of `JSON.stringify` and spreads.
 */
export interface RequestID {
  /** The `x-request-id` of the response this result came from. */
  _request_id?: string | null;
}

/** Any string, written so that editors still suggest the known literals beside it. */
export type AnyString = string & Record<never, never>;
