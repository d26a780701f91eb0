/**
 * `client.classifications`: the deprecated classification endpoint.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import type { LegacySearchModel } from "./answers.ts";
import type { AnyString, LogitBias, RequestID } from "./shared.ts";

/**
 * The body of `classifications.create`: give `examples` or `file`, not both.
 *
 * @deprecated The classifications endpoint was removed upstream.
 */
export interface CreateClassificationRequest {
  /** The completion model, e.g. `"curie"`. */
  model: LegacySearchModel;
  /** The text to label. */
  query: string;
  /** Labelled examples as `[text, label]` pairs (2 to 200). */
  examples?: [text: string, label: string][] | null;
  /** The id of an uploaded file of labelled examples, instead of `examples`. */
  file?: string | null;
  /** The allowed labels (2 to 200); by default those of the examples. */
  labels?: string[] | null;
  /** The model that picks relevant examples (default `"ada"`). */
  search_model?: LegacySearchModel | null;
  /** Sampling temperature, 0 to 2 (default 0). */
  temperature?: number | null;
  /** Return log probabilities of this many top tokens (0 to 5). */
  logprobs?: number | null;
  /** How many examples to consider (default 200). */
  max_examples?: number | null;
  /** Token id to bias, -100 to 100. */
  logit_bias?: LogitBias | null;
  /** Include the prompt that was built in the response. */
  return_prompt?: boolean | null;
  /** With `file`: include each example's metadata. */
  return_metadata?: boolean | null;
  /** Objects to expand in the response: `"completion"`, `"file"`. */
  expand?: unknown[] | null;
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** An example the label was drawn from. */
export interface SelectedExample {
  /** Its index among the examples. */
  document?: number;
  /** Its text. */
  text?: string;
  /** Its label. */
  label?: string;
}

/**
 * The result of `classifications.create`; the schema makes every field
 * optional.
 *
 * @deprecated The classifications endpoint was removed upstream.
 */
export interface CreateClassificationResponse extends RequestID {
  /** Always `"classification"`. */
  object?: "classification" | AnyString;
  /** The completion model used. */
  model?: string;
  /** The search model used. */
  search_model?: string;
  /** The id of the completion behind the label. */
  completion?: string;
  /** The chosen label. */
  label?: string;
  /** The examples the label used. */
  selected_examples?: SelectedExample[];
  /** The prompt, when `return_prompt` was set. */
  prompt?: string;
}

/**
 * `POST /classifications`.
 *
 * @deprecated The classifications endpoint was removed upstream; use chat
 * completions with the labels in the prompt.
 *
 * @example
 * ```ts
 * import { Classifications, Transport } from "@webstd/openai/classifications";
 * const classifications = new Classifications(new Transport({ apiKey: "sk-test" }));
 * const result = await classifications.create({
 *   model: "curie",
 *   query: "It is a raining day :(",
 *   examples: [["A happy moment", "Positive"], ["I am sad.", "Negative"]],
 *   labels: ["Positive", "Negative"],
 * });
 * console.log(result.label);
 * ```
 */
export class Classifications {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Labels a query using labelled examples.
   *
   * @deprecated Removed upstream; use `chat.completions.create`.
   */
  create(
    body: CreateClassificationRequest,
    options?: RequestOptions,
  ): APIPromise<CreateClassificationResponse> {
    return this.#t.request(
      { method: "POST", path: "/classifications", body },
      options,
    );
  }
}
