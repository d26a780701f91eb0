/**
 * Client-wide and per-request options.
 *
 * @module
 */

/**
 * A `fetch`-compatible function: the client calls it for every request, with
 * the full URL as a string and a `RequestInit`. Its input is typed as v4 of
 * the official SDK typed it (a `RequestInfo`), so a function typed for v4, one
 * typed for newer SDKs (`string | URL | Request`) and `typeof fetch` all fit,
 * and one that takes only a `Request` or a `URL` does not.
 *
 * @example Time every request
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({
 *   apiKey: "sk-test",
 *   fetch: async (url, init) => {
 *     const started = performance.now();
 *     try {
 *       return await fetch(url, init);
 *     } finally {
 *       const ms = Math.round(performance.now() - started);
 *       console.debug(`${init?.method} ${url}: ${ms} ms`);
 *     }
 *   },
 * });
 * ```
 */
export type Fetch = (
  input: string | Request,
  init?: RequestInit,
) => Promise<Response>;

/**
 * Extra `fetch` options passed through on every request, as the official
 * SDK's `fetchOptions`: `cache`, `keepalive`, `redirect`, `priority`, or a
 * runtime's own (Deno's `client`, Node's `dispatcher`, Bun's `proxy`,
 * Cloudflare's `cf`). `method`, `headers`, `body` and `signal` are the
 * client's own: use the `headers` and `signal` options for those.
 *
 * @example Send every request through a proxy in Deno
 * ```ts ignore
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({
 *   fetchOptions: { client: Deno.createHttpClient({ proxy: { url: "http://proxy:8080" } }) },
 * });
 * ```
 */
export type FetchOptions =
  & Omit<RequestInit, "method" | "headers" | "body" | "signal">
  & {
    /** The client's own: not allowed here. */
    method?: never;
    /** Use the `headers` or `defaultHeaders` option. */
    headers?: never;
    /** The client's own: not allowed here. */
    body?: never;
    /** Use the `signal` request option. */
    signal?: never;
    /** Whatever else the runtime's `fetch` takes. */
    // `any`, not `unknown`: a value typed by an interface (which has no
    // implicit index signature) must still be accepted, as it is by the
    // official SDK's types.
    // deno-lint-ignore no-explicit-any
    [key: string]: any;
  };

/**
 * Headers to send, in any of the shapes the official SDK takes: a record, a
 * `Headers` object, or `[name, value]` pairs. A `null` value removes a header
 * the client would send (such as `User-Agent`), `undefined` is skipped, and
 * a name given twice (in any case) keeps its last value.
 *
 * @example
 * ```ts
 * import OpenAI, { type HeadersLike } from "@webstd/openai";
 * const headers: HeadersLike = new Headers({ "X-Team": "search" });
 * const client = new OpenAI({ apiKey: "sk-test", defaultHeaders: headers });
 * await client.models.list({ headers: [["X-Trace", "1"], ["User-Agent", null]], maxRetries: 0, timeout: 1 })
 *   .catch(() => {});
 * ```
 */
export type HeadersLike =
  | Record<string, string | readonly string[] | null | undefined>
  | Headers
  | Iterable<readonly (string | null | undefined)[]>;

/** Query-string values; `undefined` and `null` entries are left out. */
export type QueryValues = Record<
  string,
  string | number | boolean | null | undefined
>;

/**
 * Options of `new OpenAI(options)`.
 *
 * @example
 * ```ts
 * import OpenAI, { type ClientOptions } from "@webstd/openai";
 * const options: ClientOptions = { apiKey: "sk-test", maxRetries: 5, timeout: 30_000 };
 * const client = new OpenAI(options);
 * ```
 */
export interface ClientOptions {
  /** The API key; defaults to the `OPENAI_API_KEY` environment variable. */
  apiKey?: string;
  /** Sent as `OpenAI-Organization`; defaults to `OPENAI_ORG_ID`. */
  organization?: string | null;
  /** Sent as `OpenAI-Project`; defaults to `OPENAI_PROJECT_ID`. */
  project?: string | null;
  /** Defaults to `OPENAI_BASE_URL`, else `https://api.openai.com/v1`. */
  baseURL?: string;
  /** Milliseconds a request may take up to the end of its body; for streams, up to the headers, then the longest silence between events. Default 600000. */
  timeout?: number;
  /** How many times a failed request is retried. Default 2. */
  maxRetries?: number;
  /** Headers sent with every request (see {@link HeadersLike}); `null` removes one of ours (e.g. `User-Agent`). */
  defaultHeaders?: HeadersLike;
  /** Query parameters sent with every request. */
  defaultQuery?: QueryValues;
  /** The `fetch` to use; defaults to `globalThis.fetch`, looked up at call time. */
  fetch?: Fetch;
  /** Extra `fetch` options for every request (see {@link FetchOptions}). */
  fetchOptions?: FetchOptions;
  /** Allow running in a web page, where the key is visible to its users. Default false. */
  dangerouslyAllowBrowser?: boolean;
}

/**
 * Options accepted as the last argument of every method.
 *
 * @example
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const controller = new AbortController();
 * const models = client.models.list({ signal: controller.signal, timeout: 5_000, maxRetries: 0 });
 * controller.abort();
 * await models.catch(() => {});
 * ```
 */
export interface RequestOptions {
  /** Aborts the request (and its stream) when it fires. */
  signal?: AbortSignal | null;
  /** Overrides the client's `timeout` for this request. */
  timeout?: number;
  /** Overrides the client's `maxRetries` for this request. */
  maxRetries?: number;
  /** Extra headers (see {@link HeadersLike}); a `null` value removes a default header. */
  headers?: HeadersLike;
  /** Extra query parameters. */
  query?: QueryValues;
  /** Extra `fetch` options, laid over the client's (see {@link FetchOptions}). */
  fetchOptions?: FetchOptions;
}
