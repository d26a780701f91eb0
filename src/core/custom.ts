/**
 * Requests to a path of the caller's choosing (`client.post("/path", ...)`),
 * for endpoints this client has no method for, with the client's key,
 * headers, retries, timeouts and typed errors.
 *
 * @module
 */

import { APIPromise, type PreparedResponse } from "./api_promise.ts";
import type { QueryValues, RequestOptions } from "./options.ts";
import { unshared } from "./to_file.ts";
import { APIConnectionError } from "./errors.ts";
import { type RequestSpec, settle, type Transport } from "./transport.ts";

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
export interface CustomRequestOptions extends Omit<RequestOptions, "query"> {
  /**
   * Query parameters, laid over any in the path; an array is sent as
   * repeated `key[]=` pairs, as newer official SDKs send it
   * (`{ include: ["a", "b"] }` → `include[]=a&include[]=b`).
   */
  query?: Record<
    string,
    QueryValues[string] | readonly (string | number | boolean)[]
  >;
  /**
   * An object sent as JSON; or, sent as they are, a `FormData`, `Blob`,
   * `URLSearchParams`, bytes or a string (give a string its
   * `content-type` header). Not a stream: a retry could not send it again.
   */
  body?: unknown;
  /** The answer is server-sent events: resolve to a `Stream` of their parsed data. */
  stream?: boolean;
}

/**
 * Sends `method` to `path` below the base URL. The answer is read as the
 * official SDK reads it: JSON when its content type says so, else text,
 * `null` for a 204 and nothing for an empty body; a stream with
 * `stream: true`.
 *
 * @example
 * ```ts ignore
 * const models = await customRequest(transport, "GET", "/models");
 * ```
 */
export function customRequest<T>(
  transport: Transport,
  method: RequestSpec["method"],
  path: string,
  options: CustomRequestOptions = {},
): APIPromise<T> {
  const { body, stream, query, ...rest } = options ?? {};
  const at = typeof path == "string" ? path.indexOf("?") : -1;
  const route = at < 0 ? path : path.slice(0, at);
  const search = at < 0 ? "" : path.slice(at + 1);
  // Below the base URL only, as the runtime will resolve it: another
  // origin, or a dot segment (`/../`, `/%2e%2e/`) climbing out of `/v1`,
  // would take the key elsewhere. Never the value itself in the message: a
  // string in the wrong place may be a key.
  let url: URL | undefined;
  try {
    url = new URL(transport.baseURL + route);
  } catch { /* refused below */ }
  if (
    typeof path != "string" || path[0] != "/" || path[1] == "/" ||
    path.includes("#") ||
    !url?.href.startsWith(new URL(transport.baseURL + "/").href)
  ) {
    throw new TypeError(
      'Invalid path: expected a path below the base URL, starting with one "/"',
    );
  }
  const [pairs, scalars] = mergeQuery(search, query);
  const spec: RequestSpec = {
    method,
    path: pairs ? route + "?" + pairs : route,
  };
  // Newer endpoints end their streams without `[DONE]`.
  if (stream === true) spec.stream = spec.noDone = true;
  else Object.assign(spec, { as: "text", promise: Lenient });
  const request: RequestOptions = rest;
  // Anything else (a plain-JS caller's string, say) is the transport's to
  // refuse, as for any call.
  if (query === undefined || query && typeof query == "object") {
    request.query = scalars;
  } else request.query = query as QueryValues;
  if (body != null) {
    if (method == "GET") {
      throw new TypeError("Invalid body: a GET request has none");
    }
    if (
      body instanceof ReadableStream || Symbol.asyncIterator in Object(body)
    ) {
      throw new TypeError(
        "Invalid body: a stream cannot be sent again on a retry; read it into a Blob first",
      );
    }
    // fetch refuses shared memory: a copy of it is sent.
    spec.body = unshared(body);
    spec.raw = typeof body == "string" || body instanceof Blob ||
      body instanceof ArrayBuffer || ArrayBuffer.isView(spec.body) ||
      body instanceof URLSearchParams;
  }
  return transport.request<T>(spec, request);
}

// An APIPromise whose result is the answer's text decoded as its content
// type says (see customRequest).
class Lenient<T> extends APIPromise<T> {
  constructor(
    prepared: Promise<PreparedResponse<T>>,
    demand?: { wanted?: boolean },
  ) {
    super(
      prepared.then((call) => ({
        response: call.response,
        parse: () =>
          call.parse().then((text) => decode(text as string, call.response)),
      })),
      demand,
    );
  }
}

// As the official SDK decodes: `null` for a 204, nothing for an empty body,
// JSON for `application/json` or a `+json` type, else the text.
function decode<T>(text: string, response: Response): T {
  const { status, headers } = response;
  if (status == 204) return null as T;
  if (headers.get("content-length") == "0") return undefined as T;
  const type = headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (!type?.includes("application/json") && !type?.endsWith("+json")) {
    return text as T;
  }
  if (!text) return undefined as T;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new APIConnectionError(
      `Invalid JSON in the response body: ${(cause as Error).message}`,
      { cause },
    );
  }
  return settle(value, headers) as T;
}

// A query in the path is sent as written, byte for byte, but for the keys
// the `query` option sets, which override it; an array there goes as `key[]=`
// pairs. Gives the pairs to send in the path and the option's scalars, for
// the transport to append as for any call, with the path's keys undefined
// there: they win over the client's `defaultQuery`, as the path's query did
// when it was parsed into values.
function mergeQuery(
  search: string,
  query: CustomRequestOptions["query"],
): [string, QueryValues] {
  const scalars: QueryValues = Object.create(null);
  // The keys the option sets (an array's also as `key[]`), and its pairs.
  const over = new Set<string>();
  const added: string[] = [];
  for (
    const key of query && typeof query == "object" ? Object.keys(query) : []
  ) {
    const value = query![key];
    over.add(key);
    if (!Array.isArray(value)) {
      scalars[key] = value as QueryValues[string];
      continue;
    }
    over.add(key + "[]");
    // No scalar, and none of the client's defaults, for an array's key.
    scalars[key] = undefined;
    for (const item of value) {
      if (item == null) continue;
      if (typeof item == "object" || typeof item == "function") {
        throw new TypeError(
          `Invalid query value for ${key}: expected strings, numbers or booleans`,
        );
      }
      added.push(
        encodeURIComponent(key + "[]") + "=" + encodeURIComponent(item),
      );
    }
  }
  const kept = search.split("&").filter((pair) => {
    const name = decodeKey(pair.split("=")[0]);
    if (!pair || over.has(name)) return false;
    scalars[name] = undefined;
    return true;
  });
  return [[...kept, ...added].join("&"), scalars];
}

// A query pair's key as the server will read it (`+` is a space).
function decodeKey(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " "));
  } catch {
    return raw;
  }
}
