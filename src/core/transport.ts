/**
 * The transport: the one place that calls `fetch`. It owns authentication,
 * retries, timeouts and the mapping of failures to error classes.
 *
 * @module
 */

import { APIPromise, type PreparedResponse } from "./api_promise.ts";
import { Deadlines, type Timed } from "./deadlines.ts";
import { isBrowser, readEnv, sharesTimers, whenCollected } from "./env.ts";
import { follow, handOff } from "./follow.ts";
import { mask } from "./preview.ts";
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  makeAPIError,
  OpenAIError,
} from "./errors.ts";
import type {
  ClientOptions,
  Fetch,
  FetchOptions,
  QueryValues,
  RequestOptions,
} from "./options.ts";
import { appendQuery, mergeHeaders } from "./request.ts";
import { retryDelay, shouldRetry } from "./retry.ts";
import { sleep } from "./sleep.ts";
import { Stream } from "./stream.ts";

/** The version sent in the `user-agent` header. */
export const VERSION = "0.1.0";

/** What a resource method asks the transport to do. */
export interface RequestSpec {
  /** The HTTP method. */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path below the base URL, built with `path` so parameters are encoded. */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: QueryValues;
  /** A JSON-serialisable body, or a `FormData` sent as multipart. */
  body?: unknown;
  /** Send `body` as it is (a `Blob`, bytes, a string), not as JSON. */
  raw?: boolean;
  /** The response is a server-sent-event stream: resolve to a {@link Stream}. */
  stream?: boolean;
  /** The stream ends without `[DONE]` (see {@link StreamOptions.noDone}). */
  noDone?: boolean;
  /** How to read a non-streamed body: parsed JSON (default), text, or the `Response` itself. */
  as?: "json" | "text" | "response";
  /** Wraps the parsed JSON of a list endpoint in a page. */
  page?: PageConstructor;
  /** The class of the promise returned (a `PagePromise` for lists); `APIPromise` by default. */
  promise?: typeof APIPromise;
}

/** A page class the transport can build from a list body. */
export type PageConstructor = new (
  requester: Requester,
  spec: RequestSpec,
  options: RequestOptions | undefined,
  // deno-lint-ignore no-explicit-any
  body: any,
) => unknown;

/** The one method resources need from a transport. */
export interface Requester {
  /** Sends a request and returns its parsed result. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T>;
  /** The default timeout (ms), also for reading an upload's source first. */
  readonly timeout?: number;
}

/**
 * Sends requests to the OpenAI API. The client builds one and shares it with
 * every resource; a per-resource entry point uses one directly.
 *
 * @example Use one resource without the whole client
 * ```ts
 * import { Models, Transport } from "@webstd/openai/models";
 * const models = new Models(new Transport({ apiKey: "sk-test" }));
 * ```
 */
export class Transport implements Requester {
  /** The base URL, without a trailing slash. */
  declare readonly baseURL: string;
  /** Default timeout in milliseconds. */
  declare readonly timeout: number;
  /** Default number of retries. */
  declare readonly maxRetries: number;
  /** The organization sent as `OpenAI-Organization`, or `null` for none. */
  declare readonly organization: string | null;
  /** The project sent as `OpenAI-Project`, or `null` for none. */
  declare readonly project: string | null;
  #headers: Record<string, string>;
  #json: Record<string, string>;
  #query: QueryValues | undefined;
  #fetch: Fetch | undefined;
  #init: FetchOptions | undefined;
  // Where calls share a timer, every transport shares it: a client made per
  // request, as edge handlers often do, would otherwise leave a timer of its
  // own armed for the rest of its timeout after its call (in Deno ~1 KB each,
  // for 10 minutes). Where each call has its own, nothing is left.
  #deadlines = sharesTimers() ? common ??= new Deadlines() : new Deadlines();

  /** Resolves options (falling back to the environment) and checks them. */
  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("OPENAI_API_KEY");
    // Never shown: whatever it holds may be a secret.
    if (apiKey && typeof apiKey != "string") {
      throw new TypeError("Invalid apiKey: expected a string");
    }
    if (!apiKey) {
      throw new OpenAIError(
        "Cannot create client: no apiKey option, and OPENAI_API_KEY is not set or not readable (--allow-env)",
      );
    }
    const browser = isBrowser();
    if (browser && !options.dangerouslyAllowBrowser) {
      throw new OpenAIError(
        "Cannot create client in a browser: it would expose the API key; pass dangerouslyAllowBrowser: true if that is intended",
      );
    }
    const baseURL = options.baseURL ?? readEnv("OPENAI_BASE_URL") ??
      "https://api.openai.com/v1";
    // A query would end up before the path; it belongs in defaultQuery.
    if (!/^https?:\/\/[^\s?#]+$/i.test(baseURL)) {
      throw new TypeError(
        `Invalid baseURL ${
          JSON.stringify(baseURL)
        }: expected an http(s) URL without a query (use defaultQuery)`,
      );
    }
    this.baseURL = baseURL.replace(/\/+$/, "");
    this.timeout = check("timeout", options.timeout ?? 6e5);
    this.maxRetries = check("maxRetries", options.maxRetries ?? 2, true);
    const organization = this.organization = setting(
      options.organization,
      "OPENAI_ORG_ID",
    );
    const project = this.project = setting(
      options.project,
      "OPENAI_PROJECT_ID",
    );
    // Every header is checked, the key too: a value fetch would reject must
    // fail here, not as a retried connection error.
    const headers = mergeHeaders(
      mergeHeaders({ accept: "application/json" }, {
        Authorization: "Bearer " + apiKey,
        // A browser refuses or preflights a custom user-agent.
        "User-Agent": browser ? undefined : "webstd-openai/" + VERSION,
        "OpenAI-Organization": organization ?? undefined,
        "OpenAI-Project": project ?? undefined,
      }),
      options.defaultHeaders,
    );
    this.#json = { ...headers, "content-type": "application/json" };
    // Bodiless requests need none, and a form's comes from fetch, with the
    // boundary: a default one would break every upload.
    delete headers["content-type"];
    this.#headers = headers;
    this.#query = options.defaultQuery;
    if ((this.#fetch = options.fetch) && typeof options.fetch != "function") {
      throw new TypeError("Invalid fetch: expected a function");
    }
    this.#init = extras(options.fetchOptions);
  }

  /** Sends `spec`, retrying as the policy allows; see {@link RequestSpec}. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    const call = new Call<T>(this.#deadlines, this, spec, options);
    return new (spec.promise ?? APIPromise)<T>(
      this.#send(call, spec, options),
      call,
    );
  }

  async #send<T>(
    call: Call<T>,
    spec: RequestSpec,
    options: RequestOptions | undefined,
  ): Promise<Call<T>> {
    const { method, body } = spec;
    // Later wins: a request's query overrides the client's (`undefined`
    // removes a default), as with the official SDK.
    const base = this.#query, query = options?.query;
    const url = appendQuery(
      this.baseURL + spec.path,
      base || query ? { ...base, ...spec.query, ...query } : spec.query,
    );
    // Sent as it is: a form (multipart), or a custom request's raw body.
    const form = spec.raw || body instanceof FormData;
    // A body is an object of fields: anything else (a plain-JS caller's
    // missing argument, say) fails here, before anything is sent.
    if ("body" in spec && !form && (typeof body != "object" || !body)) {
      // Never the value itself: a string in the wrong place may be a key.
      throw new TypeError(
        `Invalid body: expected an object, got ${
          body == null ? body : typeof body
        }`,
      );
    }
    const payload = body === undefined || form
      ? body as BodyInit | undefined
      : JSON.stringify(body);
    const preset = payload === undefined || form ? this.#headers : this.#json;
    const headers = options?.headers
      ? mergeHeaders({ ...preset }, options.headers)
      : preset;
    const timeout = call.timeout = check(
      "timeout",
      options?.timeout ?? this.timeout,
    );
    const retries = check(
      "maxRetries",
      options?.maxRetries ?? this.maxRetries,
      true,
    );
    const user = call.signal = options?.signal ?? undefined;
    const init = options?.fetchOptions
      ? { ...this.#init, ...extras(options.fetchOptions) }
      : this.#init;
    const deadlines = this.#deadlines, clock = call.clock;

    for (let attempt = 0;; attempt++) {
      if (user?.aborted) {
        throw new APIUserAbortError(undefined, { cause: user.reason });
      }
      const controller = clock.controller = new AbortController();
      if (user) call.link();
      deadlines.add(clock, timeout);
      let response: Response;
      try {
        response = await (this.#fetch ?? fetch)(url, {
          ...init,
          method,
          headers,
          body: payload,
          signal: controller.signal,
        });
      } catch (cause) {
        call.end();
        const err = call.failure(cause);
        // An abort is not a failure that was retried.
        if (err instanceof APIUserAbortError) throw err;
        if (attempt >= retries) {
          err.message += suffix(attempt);
          throw err;
        }
        await wait(attempt, undefined, user);
        continue;
      }
      // A custom fetch (a test stub, say) that resolves to something else is
      // a bug to report at once, not a call left to run out its clock.
      if (typeof response?.headers?.get != "function") {
        call.end();
        throw new TypeError("Invalid fetch: it did not resolve to a Response");
      }
      if (!response.ok) {
        if (
          attempt < retries && shouldRetry(response.status, response.headers)
        ) {
          call.end();
          response.body?.cancel().catch(() => {});
          await wait(attempt, response.headers, user);
          continue;
        }
        // The body is only detail, but an abort or timeout while reading it
        // is still reported as such.
        const text = await response.text().catch((cause) =>
          user?.aborted || clock.timedOut ? call.failure(cause) : ""
        );
        call.end();
        if (typeof text != "string") throw text;
        throw makeAPIError(
          response.status,
          text,
          response.headers,
          suffix(attempt),
        );
      }
      // The clock stops while the body waits for the caller to ask for it
      // (`const a = x(); const b = y(); await a; await b;` must not fail b
      // for a's slowness); parse() resumes it with what is left. A caller
      // already waiting keeps it running: one timer, not two.
      if (!call.wanted) {
        call.left = clock.deadline - Date.now();
        call.pause(response);
      }
      call.response = response;
      return call;
    }
  }
}

// What the deadlines hold of a call: its clock and the controller that
// aborts its current attempt, never its response. When they held the Call
// itself, which later keeps the response, young collections at concurrency 16
// took twice as long (V8 --trace-gc over 40,000 calls: ~190 against ~80 ms for
// a raw fetch; ~100 ms now). Most likely a collection promoted the Call while
// it was in the set, and each response it took afterwards then outlived young
// collections, with its body stream and buffers, until the next full one.
class Clock implements Timed {
  // Deadlines.add sets the first two before anything reads them.
  declare deadline: number;
  declare timedOut: boolean;
  declare timer: ReturnType<typeof setTimeout> | undefined;
  declare clear: typeof clearTimeout | undefined;
  declare controller: AbortController;

  expire(): void {
    this.timedOut = true;
    this.controller.abort(new APIConnectionTimeoutError());
  }
}

// One object per request holds its state and serves as its prepared
// response: no per-request closures on the hot path.
class Call<T> implements PreparedResponse<T> {
  declare response: Response;
  declare signal: AbortSignal | undefined;
  declare timeout: number;
  /** What was left of the budget when the clock stopped at the headers. */
  declare left: number | undefined;
  /** Set by the APIPromise once the caller asks for the parsed result. */
  declare wanted: boolean;
  /** Stops forwarding the caller's abort (see link). */
  declare unlink: (() => void) | undefined;
  readonly clock: Clock = new Clock();
  #parsed: Promise<T> | undefined;

  declare deadlines: Deadlines;
  declare requester: Requester;
  declare spec: RequestSpec;
  declare options: RequestOptions | undefined;

  constructor(
    deadlines: Deadlines,
    requester: Requester,
    spec: RequestSpec,
    options: RequestOptions | undefined,
  ) {
    this.deadlines = deadlines;
    this.requester = requester;
    this.spec = spec;
    this.options = options;
  }

  /**
   * Forwards the caller's abort to the attempt (a method, so that the
   * closure holds the controller and the signal, not the response) until
   * the call is over (end), or its body is handed over and collected
   * (pause). Not `AbortSignal.any`, which edge-runtime lacks and which a
   * long-lived signal shared by every call makes leak (see follow.ts).
   */
  link(): void {
    const user = this.signal!, controller = this.clock.controller;
    this.unlink = follow(user, () => controller.abort(user.reason));
  }

  /**
   * Stops the clock while `response`'s body waits, maybe handed over unread
   * (`asResponse()`, `files.content()`): the caller's abort keeps reaching
   * the body for as long as it lives (a caller may keep only the body), and
   * the forwarding listener goes once it is collected, or at once when there
   * is no body. Where nothing can tell when it is collected (Workers have no
   * FinalizationRegistry), the listener stays for the signal's life, which
   * there is usually one request's. A later parse resumes the clock and ends
   * the call as usual.
   */
  pause({ body }: Response): void {
    this.deadlines.delete(this.clock);
    if (!this.unlink) return;
    if (body) whenCollected(body, this.unlink);
    else this.unlink();
  }

  /** The call is over: its clock stops and the caller's abort is no longer forwarded. */
  end(): void {
    this.deadlines.delete(this.clock);
    this.unlink?.();
  }

  failure(cause: unknown): OpenAIError {
    return this.signal?.aborted
      ? new APIUserAbortError(undefined, { cause })
      : this.clock.timedOut
      ? new APIConnectionTimeoutError(
        `Request timed out after ${this.timeout} ms`,
      )
      : new APIConnectionError(
        // A URL in it may carry a key the caller put in the query.
        `Connection error: ${mask(String((cause as Error)?.message ?? cause))}`,
        { cause },
      );
  }

  parse(): Promise<T> {
    return this.#parsed ??= this.#parse();
  }

  async #parse(): Promise<T> {
    const { spec, response } = this;
    if (spec.stream) {
      // The caller's abort reaches the body until the stream, once read,
      // follows the signal itself, or else for as long as the body lives.
      this.pause(response);
      if (this.unlink) handOff(this.clock.controller, this.unlink);
      return new Stream(response.body, this.clock.controller, {
        idleTimeout: this.timeout,
        signal: this.signal,
        headers: response.headers,
        noDone: spec.noDone,
      }) as T;
    }
    if (spec.as === "response") {
      this.pause(response);
      return response as T;
    }
    // Resumes the clock #send paused.
    if (this.left !== undefined) this.deadlines.add(this.clock, this.left);
    let value: unknown;
    try {
      value = spec.as === "text"
        ? await response.text()
        : await response.json();
    } catch (cause) {
      throw cause instanceof SyntaxError
        ? new APIConnectionError(
          `Invalid JSON in the response body: ${cause.message}`,
          { cause },
        )
        : this.failure(cause);
    } finally {
      this.end();
    }
    value = settle(value, response.headers);
    return spec.page
      ? new spec.page(this.requester, spec, this.options, value) as T
      : value as T;
  }
}

/**
 * What a call resolves to, given the JSON of its 200: a body that holds only
 * an error (OpenRouter's, when a model's provider fails after the request
 * was taken) is thrown, as a stream's is, while an API object's own `error`
 * (a fine-tuning job's, a batch line's) comes with its `object` or `id`; an
 * object gets `_request_id`, as in the official SDK (not enumerable, so JSON
 * output is unchanged).
 *
 * @example
 * ```ts ignore
 * settle({ id: "x" }, response.headers)._request_id; // "req_…"
 * ```
 */
export function settle(value: unknown, headers: Headers): unknown {
  const body = value as { error?: unknown; object?: unknown; id?: unknown };
  if (body?.error && !body.object && !body.id) {
    throw makeAPIError(undefined, body, headers);
  }
  if (value && typeof value == "object") {
    REQUEST_ID.value = headers.get("x-request-id");
    Object.defineProperty(value, "_request_id", REQUEST_ID);
  }
  return value;
}

let common: Deadlines | undefined;

// One descriptor, refilled per result: a fresh one per call measured several
// percent slower over 2,000 small calls (A/B, 15 runs each).
const REQUEST_ID: PropertyDescriptor = { value: null };

async function wait(
  attempt: number,
  headers: Headers | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  try {
    await sleep(retryDelay(attempt, headers), signal);
  } catch (cause) {
    throw new APIUserAbortError(undefined, { cause });
  }
}

function suffix(attempt: number): string {
  return attempt ? ` (gave up after ${attempt + 1} attempts)` : "";
}

// The caller's fetch options, checked: the request itself is the client's.
function extras(init: FetchOptions | undefined): FetchOptions | undefined {
  if (init != null) {
    for (const key of ["", "method", "headers", "body", "signal"]) {
      if (key ? init[key] !== undefined : typeof init != "object") {
        throw new TypeError(
          "Invalid fetchOptions: expected an object" +
            (key && " without " + key),
        );
      }
    }
  }
  return init ?? undefined;
}

/**
 * Returns `value` if it is a number >= 0 (an integer, with `integer`), else
 * throws a `TypeError` naming the option.
 */
export function check(
  name: string,
  value: number,
  integer?: boolean,
): number {
  if (
    typeof value != "number" || !(value >= 0) ||
    integer && !Number.isInteger(value)
  ) {
    throw new TypeError(
      `Invalid ${name} ${String(value)}: expected ${
        integer ? "an integer" : "a number"
      } >= 0`,
    );
  }
  return value;
}

// An option that falls back to an environment variable when undefined; null
// or "" means none.
function setting(value: string | null | undefined, name: string) {
  return (value === undefined ? readEnv(name) : value) || null;
}
