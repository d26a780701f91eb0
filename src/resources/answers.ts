/**
 * `client.answers`: the deprecated question-answering endpoint.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import type { AnyString, LogitBias, RequestID, Stop } from "./shared.ts";

/** The search models the legacy endpoints accept. */
export type LegacySearchModel =
  | AnyString
  | "ada"
  | "babbage"
  | "curie"
  | "davinci";

/**
 * The body of `answers.create`: give `documents` or `file`, not both.
 *
 * @deprecated The answers endpoint was removed upstream.
 */
export interface CreateAnswerRequest {
  /** The completion model: `"ada"`, `"babbage"`, `"curie"` or `"davinci"`. */
  model: LegacySearchModel;
  /** The question to answer. */
  question: string;
  /** Question and answer pairs that show the expected style (1 to 200). */
  examples: [question: string, answer: string][];
  /** Background text for the examples. */
  examples_context: string;
  /** Up to 200 documents to draw the answer from. */
  documents?: string[] | null;
  /** The id of an uploaded file of documents, instead of `documents`. */
  file?: string | null;
  /** The model that searches the documents (default `"ada"`). */
  search_model?: LegacySearchModel | null;
  /** With `file`: how many documents to rerank (default 200). */
  max_rerank?: number | null;
  /** Sampling temperature (default 0). */
  temperature?: number | null;
  /** Return log probabilities of this many top tokens (0 to 5). */
  logprobs?: number | null;
  /** The most tokens in the answer (default 16). */
  max_tokens?: number | null;
  /** Up to four stop sequences. */
  stop?: Stop;
  /** Answers to generate, 1 to 10. */
  n?: number | null;
  /** Token id to bias, -100 to 100. */
  logit_bias?: LogitBias | null;
  /** With `file`: include each document's metadata. */
  return_metadata?: boolean | null;
  /** Include the prompt that was built in the response. */
  return_prompt?: boolean | null;
  /** Objects to expand in the response: `"completion"`, `"file"`. */
  expand?: unknown[] | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** A document the answer was drawn from. */
export interface SelectedDocument {
  /** Its index among the documents. */
  document?: number;
  /** Its text. */
  text?: string;
}

/**
 * The result of `answers.create`; the schema makes every field optional.
 *
 * @deprecated The answers endpoint was removed upstream.
 */
export interface CreateAnswerResponse extends RequestID {
  /** Always `"answer"`. */
  object?: "answer" | AnyString;
  /** The completion model used. */
  model?: string;
  /** The search model used. */
  search_model?: string;
  /** The id of the completion behind the answer. */
  completion?: string;
  /** The answers, `n` of them. */
  answers?: string[];
  /** The documents the answer used. */
  selected_documents?: SelectedDocument[];
  /** The prompt, when `return_prompt` was set. */
  prompt?: string;
}

/**
 * `POST /answers`.
 *
 * @deprecated The answers endpoint was removed upstream; use chat
 * completions with the documents in the prompt.
 *
 * @example
 * ```ts
 * import { Answers, Transport } from "@webstd/openai/answers";
 * const answers = new Answers(new Transport({ apiKey: "sk-test" }));
 * const result = await answers.create({
 *   model: "curie",
 *   question: "Which puppy is happy?",
 *   documents: ["Puppy A is happy.", "Puppy B is sad."],
 *   examples_context: "In 2017, U.S. life expectancy was 78.6 years.",
 *   examples: [["What is human life expectancy in the United States?", "78 years."]],
 * });
 * console.log(result.answers?.[0]);
 * ```
 */
export class Answers {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Answers a question from documents and examples.
   *
   * @deprecated Removed upstream; use `chat.completions.create`.
   */
  create(
    body: CreateAnswerRequest,
    options?: RequestOptions,
  ): APIPromise<CreateAnswerResponse> {
    return this.#t.request({ method: "POST", path: "/answers", body }, options);
  }
}
