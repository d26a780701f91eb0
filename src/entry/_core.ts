/**
 * What every per-resource entry point shares: the transport, the options,
 * the error classes and the stream type.
 *
 * @module
 */

export {
  type PageConstructor,
  type Requester,
  type RequestSpec,
  Transport,
} from "../core/transport.ts";
export type {
  ClientOptions,
  Fetch,
  FetchOptions,
  HeadersLike,
  QueryValues,
  RequestOptions,
} from "../core/options.ts";
export * from "../core/errors.ts";
export { Stream, type StreamOptions } from "../core/stream.ts";
export { APIPromise, type PreparedResponse } from "../core/api_promise.ts";
export {
  CursorPage,
  type ListEnvelope,
  Page,
  PagePromise,
} from "../core/pagination.ts";
export type * from "../resources/shared.ts";
