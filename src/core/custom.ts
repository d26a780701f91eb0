/**
 * Requests to a path of the caller's choosing (`client.post("/path", ...)`),
 * for endpoints this client has no method for, with the client's key,
 * headers, retries, timeouts and typed errors.
 *
 * @module
 */

import type { APIPromise } from "./api_promise.ts";
import type { RequestOptions } from "./options.ts";
import type { Requester, RequestSpec } from "./transport.ts";

/**
 * The options of `client.get`, `post`, `put`, `patch` and `delete`: a
 * request's options, plus its body and whether it answers with a stream.
 *
 * @example
 * ```ts
 * import type { CustomRequestOptions } from "@webstd/openai";
 * const options: CustomRequestOptions = {
 *   body: { model: "gpt-4o-mini", input: "Hello" },
 *   query: { include: "usage" },
 *   timeout: 30_000,
 * };
 * ```
 */
export interface CustomRequestOptions extends RequestOptions {
  /** An object sent as JSON, or a `FormData` sent as multipart. */
  body?: unknown;
  /** The answer is server-sent events: resolve to a `Stream` of their parsed data. */
  stream?: boolean;
}

/**
 * Sends `method` to `path` below the base URL. The answer is parsed as JSON
 * (a stream with `stream: true`); `.asResponse()` gives any other kind.
 *
 * @example
 * ```ts ignore
 * const models = await customRequest(transport, "GET", "/models");
 * ```
 */
export function customRequest<T>(
  requester: Requester,
  method: RequestSpec["method"],
  path: string,
  options: CustomRequestOptions = {},
): APIPromise<T> {
  // Below the base URL only: another origin (`//host`, `https://…`) would
  // get the key. Never the value itself: a string in the wrong place may be
  // a key.
  if (typeof path != "string" || path[0] != "/" || path[1] == "/") {
    throw new TypeError(
      'Invalid path: expected a path below the base URL, starting with one "/"',
    );
  }
  const { body, stream, ...rest } = options ?? {};
  const spec: RequestSpec = { method, path, stream: stream === true };
  if (body !== undefined) spec.body = body;
  return requester.request<T>(spec, rest);
}
