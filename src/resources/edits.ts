/**
 * `client.edits`: the legacy edits endpoint.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import type { AnyString, CompletionUsage, RequestID } from "./shared.ts";
import type { CompletionLogprobs } from "./completions_types.ts";

/**
 * The body of `edits.create`.
 *
 * @deprecated The edits endpoint was retired upstream; use chat completions.
 */
export interface CreateEditRequest {
  /** The model id, e.g. `"text-davinci-edit-001"`. */
  model: AnyString | "text-davinci-edit-001" | "code-davinci-edit-001";
  /** The text to start from (default empty). */
  input?: string | null;
  /** What to change, e.g. `"Fix the spelling mistakes"`. */
  instruction: string;
  /** Edits to generate, 1 to 20. */
  n?: number | null;
  /** Sampling temperature, 0 to 2. */
  temperature?: number | null;
  /** Nucleus sampling mass, 0 to 1. */
  top_p?: number | null;
}

/** One edited text. */
export interface EditChoice {
  /** The edited text. */
  text: string;
  /** Position among the choices. */
  index: number;
  /** Log probabilities, when the server sends them. */
  logprobs?: CompletionLogprobs | null;
  /** Why generation stopped. */
  finish_reason?: "stop" | "length" | AnyString;
}

/**
 * The result of `edits.create`. It has no `id` and no `model`.
 *
 * @deprecated The edits endpoint was retired upstream; use chat completions.
 */
export interface CreateEditResponse extends RequestID {
  /** Always `"edit"`. */
  object: "edit" | AnyString;
  /** Unix time in seconds. */
  created: number;
  /** The edited texts. */
  choices: EditChoice[];
  /** Token counts. */
  usage: CompletionUsage;
}

/**
 * `POST /edits`.
 *
 * @deprecated The edits endpoint was retired upstream; use chat completions.
 *
 * @example
 * ```ts
 * import { Edits, Transport } from "@webstd/openai/edits";
 * const edits = new Edits(new Transport({ apiKey: "sk-test" }));
 * const edit = await edits.create({
 *   model: "text-davinci-edit-001",
 *   input: "What day of the wek is it?",
 *   instruction: "Fix the spelling mistakes",
 * });
 * console.log(edit.choices[0].text);
 * ```
 */
export class Edits {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /**
   * Rewrites `input` following `instruction`.
   *
   * @deprecated The edits endpoint was retired upstream; use
   * `chat.completions.create` instead.
   */
  create(
    body: CreateEditRequest,
    options?: RequestOptions,
  ): APIPromise<CreateEditResponse> {
    return this.#t.request({ method: "POST", path: "/edits", body }, options);
  }
}

/**
 * The official SDK's name for {@link CreateEditRequest}, the body of `edits.create`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { EditCreateParams } from "@webstd/openai";
 * const params: EditCreateParams = { model: "text-davinci-edit-001", instruction: "Fix it" };
 * ```
 */
export type EditCreateParams = CreateEditRequest;

/**
 * The official SDK's name for {@link CreateEditResponse}, the result of `edits.create`, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { Edit } from "@webstd/openai";
 * const text = (e: Edit) => e.choices[0].text;
 * ```
 */
export type Edit = CreateEditResponse;

/** The official SDK's nested names for an edit's parts. */
export declare namespace Edit {
  /** See {@link EditChoice}. */
  export type Choice = EditChoice;
}
