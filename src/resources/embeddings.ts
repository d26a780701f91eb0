/**
 * `client.embeddings`: vectors that represent text.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import type { AnyString, RequestID } from "./shared.ts";

/** The body of `embeddings.create`. */
export interface CreateEmbeddingRequest {
  /** The model id, e.g. `"text-embedding-ada-002"`. */
  model: AnyString | "text-embedding-ada-002";
  /**
   * What to embed: a string, tokens, or several of either (one vector per
   * item).
   */
  input: string | string[] | number[] | number[][];
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/** One input's vector. */
export interface Embedding {
  /** Which input this vector belongs to. */
  index: number;
  /** Always `"embedding"`. */
  object: "embedding" | AnyString;
  /** The vector. */
  embedding: number[];
}

/** Token counts of an embedding request (nothing is generated). */
export interface EmbeddingUsage {
  /** Tokens in the input. */
  prompt_tokens: number;
  /** Same as `prompt_tokens`. */
  total_tokens: number;
}

/** The result of `embeddings.create`. */
export interface CreateEmbeddingResponse extends RequestID {
  /** Always `"list"`. */
  object: "list" | AnyString;
  /** The model that produced the vectors. */
  model: string;
  /** One vector per input, in input order. */
  data: Embedding[];
  /** Token counts. */
  usage: EmbeddingUsage;
}

/**
 * `POST /embeddings`.
 *
 * @example
 * ```ts
 * import { Embeddings, Transport } from "@webstd/openai/embeddings";
 * const embeddings = new Embeddings(new Transport({ apiKey: "sk-test" }));
 * const result = await embeddings.create({
 *   model: "text-embedding-ada-002",
 *   input: ["first text", "second text"],
 * });
 * console.log(result.data[1].embedding.length);
 * ```
 */
export class Embeddings {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Embeds each input. */
  create(
    body: CreateEmbeddingRequest,
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse> {
    return this.#t.request(
      { method: "POST", path: "/embeddings", body },
      options,
    );
  }
}

/**
 * The official SDK's name for {@link CreateEmbeddingRequest}, the body of `embeddings.create`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { EmbeddingCreateParams } from "@webstd/openai";
 * const params: EmbeddingCreateParams = { model: "text-embedding-ada-002", input: "hi" };
 * ```
 */
export type EmbeddingCreateParams = CreateEmbeddingRequest;
