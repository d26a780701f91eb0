/**
 * An OpenAI API client built only on Web standards — `fetch`, `Request`,
 * `Response`, `FormData`, `ReadableStream`, `AbortSignal` — with zero
 * dependencies. It runs unchanged on Deno, Cloudflare Workers, Vercel Edge,
 * Bun, Node and (opt-in) browsers.
 *
 * @example Quick start
 * ```ts
 * import OpenAI from "@webstd/openai";
 *
 * const client = new OpenAI(); // reads OPENAI_API_KEY
 * const stream = await client.chat.completions.create({
 *   model: "gpt-3.5-turbo",
 *   messages: [{ role: "user", content: "Write a haiku about the edge" }],
 *   stream: true,
 * });
 * for await (const chunk of stream) {
 *   console.log(chunk.choices[0]?.delta.content ?? "");
 * }
 * ```
 *
 * @module
 */

import { OpenAI } from "./src/client.ts";

export { OpenAI };
export default OpenAI;

export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  type APIErrorBody,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  type ErrorInit,
  InternalServerError,
  makeAPIError,
  NotFoundError,
  OpenAIError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./src/core/errors.ts";
export type {
  ClientOptions,
  Fetch,
  FetchOptions,
  HeadersLike,
  QueryValues,
  RequestOptions,
} from "./src/core/options.ts";
export { APIPromise, type PreparedResponse } from "./src/core/api_promise.ts";
export type { CustomRequestOptions } from "./src/core/custom.ts";
export { Stream, type StreamOptions } from "./src/core/stream.ts";
export {
  type ServerSentEvent,
  SSEEventTooLargeError,
  type SSEOptions,
  SSEParser,
} from "./src/core/sse.ts";
export { SSEDecoderStream } from "./src/core/sse_decoder_stream.ts";
export {
  CursorPage,
  type ListEnvelope,
  Page,
  PagePromise,
} from "./src/core/pagination.ts";
export {
  toFile,
  type ToFileInput,
  type ToFileOptions,
  type Uploadable,
} from "./src/core/uploads.ts";
export {
  type PageConstructor,
  type Requester,
  type RequestSpec,
  Transport,
  VERSION,
} from "./src/core/transport.ts";
export type * from "./src/resources/shared.ts";
export * from "./src/resources/chat.ts";
export * from "./src/resources/completions.ts";
export * from "./src/resources/models.ts";
export * from "./src/resources/audio.ts";
export * from "./src/resources/files.ts";
export * from "./src/resources/edits.ts";
export * from "./src/resources/embeddings.ts";
export * from "./src/resources/moderations.ts";
export * from "./src/resources/images.ts";
export * from "./src/resources/engines.ts";
export * from "./src/resources/answers.ts";
export * from "./src/resources/classifications.ts";
export * from "./src/resources/fine_tunes.ts";
export * from "./src/resources/fine_tuning.ts";
