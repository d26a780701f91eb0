/**
 * The contract between the mock server and its per-resource route files.
 *
 * @module
 */

import type { Fault, MockOptions } from "./mock.ts";

/**
 * What a route handler gets for one request.
 *
 * @example A handler that streams two events
 * ```ts
 * import type { MockContext } from "@webstd/openai/testing";
 * const handle = (ctx: MockContext) =>
 *   ctx.sse([{ id: ctx.params.id, step: 1 }, { id: ctx.params.id, step: 2 }]);
 * ```
 */
export interface MockContext {
  /** The incoming request; its body has already been read. */
  request: Request;
  /** Path parameters, percent-decoded, by the names in the route's path. */
  params: Record<string, string>;
  /** The query string. */
  query: URLSearchParams;
  /** Parsed body: JSON value, a record of multipart fields, or undefined. */
  body: unknown;
  /** The options the mock was created with. */
  options: MockOptions;
  /**
   * Per-mock storage for stateful routes (created jobs, uploaded files),
   * keyed by resource; one map per `MockOpenAI`, emptied by `reset()`.
   */
  state: Map<string, unknown>;
  /** The fault that applies to this request, if one was queued. */
  fault?: Fault;
  /**
   * Number of content chunks a streamed reply must have, from the
   * `x-mock-stream-chunks` header; undefined when not set.
   */
  streamChunks?: number;
  /**
   * Builds a `text/event-stream` response from `events` (objects are
   * JSON-encoded, strings sent as they are), then `data: [DONE]` unless
   * `done` is false. Events are encoded lazily, so a generator can produce
   * many of them cheaply. Applies chunking, CRLF and the stream faults.
   */
  sse(events: Iterable<unknown>, done?: boolean): Response;
}

/**
 * One operation the mock serves. A handler that returns something other than
 * a `Response` gets it sent as 200 JSON.
 *
 * @example A route that echoes a path parameter
 * ```ts
 * import type { Route } from "@webstd/openai/testing";
 * const route: Route = {
 *   operationId: "retrieveThing",
 *   method: "GET",
 *   path: "/things/{thing_id}",
 *   handle: ({ params }) => ({ id: params.thing_id, object: "thing" }),
 * };
 * ```
 */
export interface Route {
  /** The OpenAPI operationId. */
  operationId: string;
  /** The HTTP method. */
  method: "GET" | "POST" | "DELETE";
  /** The path without the `/v1` prefix, with `{name}` parameters. */
  path: string;
  /** Answers one request. */
  handle(
    ctx: MockContext,
  ): unknown | Response | Promise<unknown | Response>;
}
