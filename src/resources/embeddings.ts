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
  /**
   * `"float"` (the default) returns each vector as numbers; `"base64"` as the
   * base64 of its little-endian float32 bytes, about a quarter of the size on
   * the wire (decode it with {@link decodeEmbedding}).
   */
  encoding_format?: "float" | "base64";
  /** Your end user's id, for abuse monitoring. */
  user?: string;
}

/**
 * One input's vector: `V` is `number[]`, or `string` (base64) when the request
 * asked for `encoding_format: "base64"`.
 */
export interface Embedding<V extends number[] | string = number[]> {
  /** Which input this vector belongs to. */
  index: number;
  /** Always `"embedding"`. */
  object: "embedding" | AnyString;
  /** The vector. */
  embedding: V;
}

/** Token counts of an embedding request (nothing is generated). */
export interface EmbeddingUsage {
  /** Tokens in the input. */
  prompt_tokens: number;
  /** Same as `prompt_tokens`. */
  total_tokens: number;
}

/**
 * The result of `embeddings.create`: `V` is the type of each vector (see
 * {@link Embedding}).
 */
export interface CreateEmbeddingResponse<
  V extends number[] | string = number[],
> extends RequestID {
  /** Always `"list"`. */
  object: "list" | AnyString;
  /** The model that produced the vectors. */
  model: string;
  /** One vector per input, in input order. */
  data: Embedding<V>[];
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

  /** Embeds each input; with `encoding_format: "base64"` each vector is a base64 string. */
  create(
    body: CreateEmbeddingRequest & { encoding_format: "base64" },
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse<string>>;
  /** Embeds each input; each vector is an array of numbers. */
  create(
    body: CreateEmbeddingRequest & { encoding_format?: "float" },
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse>;
  /** Embeds each input; a format chosen at run time may give either. */
  create(
    body: CreateEmbeddingRequest & { encoding_format: "float" | "base64" },
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse<number[] | string>>;
  /**
   * Embeds each input, given params typed as a whole (`EmbeddingCreateParams`),
   * as the official SDK types it: vectors of numbers, the default format.
   */
  create(
    body: CreateEmbeddingRequest,
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse>;
  create(
    body: CreateEmbeddingRequest,
    options?: RequestOptions,
  ): APIPromise<CreateEmbeddingResponse<number[] | string>> {
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

/**
 * Decodes a vector returned with `encoding_format: "base64"`: the base64 of
 * little-endian float32 values.
 *
 * @example
 * ```ts
 * import OpenAI, { decodeEmbedding } from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const result = await client.embeddings.create({
 *   model: "text-embedding-ada-002",
 *   input: "some text",
 *   encoding_format: "base64",
 * });
 * const vector: Float32Array = decodeEmbedding(result.data[0].embedding);
 * ```
 *
 * @throws {TypeError} when `base64` is not base64 of whole float32 values.
 */
export function decodeEmbedding(base64: string): Float32Array {
  let bytes: string | undefined;
  try {
    bytes = atob(base64);
  } catch {
    // Reported below, with the value.
  }
  if (bytes === undefined || bytes.length % 4) {
    const shown = base64.length > 24 ? base64.slice(0, 24) + "…" : base64;
    throw new TypeError(
      `Invalid embedding ${
        JSON.stringify(shown)
      }: expected base64 of little-endian float32 values`,
    );
  }
  const view = new DataView(new ArrayBuffer(bytes.length));
  for (let i = 0; i < bytes.length; i++) view.setUint8(i, bytes.charCodeAt(i));
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The official SDK's nested names for an embedding response's parts. */
export declare namespace CreateEmbeddingResponse {
  /** See {@link EmbeddingUsage}. */
  export type Usage = EmbeddingUsage;
}
