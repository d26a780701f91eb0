/**
 * `client.completions`: legacy text completions, plain or streamed.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Stream } from "../core/stream.ts";
import type { Requester } from "../core/transport.ts";
import type {
  Completion,
  CompletionCreateParamsBase,
  CompletionCreateParamsNonStreaming,
  CompletionCreateParamsStreaming,
} from "./completions_types.ts";

export type * from "./completions_types.ts";

/**
 * `POST /completions`.
 *
 * @example
 * ```ts
 * import { Completions, Transport } from "@webstd/openai/completions";
 * const completions = new Completions(new Transport({ apiKey: "sk-test" }));
 * const result = await completions.create({ model: "text-davinci-003", prompt: "Say this is a test" });
 * console.log(result.choices[0].text);
 * ```
 */
export class Completions {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  // The official SDK's order: a body whose type says nothing (`any`) takes
  // the first overload, a plain completion.
  /** Creates a completion. */
  create(
    body: CompletionCreateParamsNonStreaming,
    options?: RequestOptions,
  ): APIPromise<Completion>;
  /** Creates a completion; with `stream: true`, resolves to a {@link Stream} of chunks. */
  create(
    body: CompletionCreateParamsStreaming,
    options?: RequestOptions,
  ): APIPromise<Stream<Completion>>;
  /** Creates a completion, streamed when `body.stream` is true. */
  create(
    body: CompletionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Completion | Stream<Completion>>;
  create(
    body: CompletionCreateParamsBase,
    options?: RequestOptions,
  ): APIPromise<Completion | Stream<Completion>> {
    return this.#t.request({
      method: "POST",
      path: "/completions",
      body,
      stream: body?.stream === true,
    }, options);
  }
}
