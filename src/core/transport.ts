/**
 * The transport: the one place that calls `fetch`. It owns authentication,
 * retries, timeouts and the mapping of failures to error classes.
 *
 * @module
 */

import { APIPromise, type PreparedResponse } from "./api_promise.ts";
import { isBrowser, readEnv } from "./env.ts";
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
  QueryValues,
  RequestOptions,
} from "./options.ts";
import { appendQuery, checkHeader, mergeHeaders } from "./request.ts";
import { retryDelay, shouldRetry } from "./retry.ts";
import { sleep } from "./sleep.ts";
import { Stream } from "./stream.ts";

/** The version sent in the `user-agent` header. */
export const VERSION = "0.1.0";
const DEFAULT_BASE_URL = "https://api.openai.com/v1";

/** What a resource method asks the transport to do. */
export interface RequestSpec {
  /** The HTTP method. */
  method: "GET" | "POST" | "DELETE";
  /** The path below the base URL, built with `path` so parameters are encoded. */
  path: string;
  /** Query parameters; `undefined` values are left out. */
  query?: QueryValues;
  /** A JSON-serialisable body, or a `FormData` sent as multipart. */
  body?: unknown;
  /** The response is a server-sent-event stream: resolve to a {@link Stream}. */
  stream?: boolean;
  /** How to read a non-streamed body: parsed JSON (default), text, or the `Response` itself. */
  as?: "json" | "text" | "response";
  /** Wraps the parsed JSON of a list endpoint in a page. */
  page?: PageConstructor;
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
  readonly baseURL: string;
  /** Default timeout in milliseconds. */
  readonly timeout: number;
  /** Default number of retries. */
  readonly maxRetries: number;
  #headers: Record<string, string>;
  #jsonHeaders: Record<string, string>;
  #query: QueryValues | undefined;
  #fetch: Fetch | undefined;
  #deadlines = new Deadlines();

  /** Resolves options (falling back to the environment) and checks them. */
  constructor(options: ClientOptions = {}) {
    const apiKey = options.apiKey ?? readEnv("OPENAI_API_KEY");
    if (!apiKey) {
      throw new OpenAIError(
        "Cannot create client: no apiKey option and OPENAI_API_KEY is not set",
      );
    }
    const browser = isBrowser();
    if (browser && !options.dangerouslyAllowBrowser) {
      throw new OpenAIError(
        "Cannot create client in a browser: it would expose the API key; pass dangerouslyAllowBrowser: true if that is intended",
      );
    }
    const baseURL = options.baseURL ?? readEnv("OPENAI_BASE_URL") ??
      DEFAULT_BASE_URL;
    if (!/^https?:\/\/[^\s]+$/i.test(baseURL)) {
      throw new TypeError(
        `Invalid baseURL ${JSON.stringify(baseURL)}: expected an http(s) URL`,
      );
    }
    this.baseURL = baseURL.replace(/\/+$/, "");
    this.timeout = check("timeout", options.timeout ?? 600_000, false);
    this.maxRetries = check("maxRetries", options.maxRetries ?? 2, true);
    checkHeader("Authorization", apiKey);
    const headers: Record<string, string> = {
      authorization: "Bearer " + apiKey,
      accept: "application/json",
    };
    // A browser refuses or preflights a custom user-agent; elsewhere it names the client.
    if (!browser) headers["user-agent"] = "webstd-openai/" + VERSION;
    const organization = options.organization === undefined
      ? readEnv("OPENAI_ORG_ID")
      : options.organization;
    if (organization) {
      // Checked here like every other header: otherwise fetch rejects it, which
      // would surface as a retried APIConnectionError echoing the value.
      checkHeader("OpenAI-Organization", organization);
      headers["openai-organization"] = organization;
    }
    mergeHeaders(headers, options.defaultHeaders);
    this.#headers = headers;
    this.#jsonHeaders = { ...headers, "content-type": "application/json" };
    this.#query = options.defaultQuery;
    this.#fetch = options.fetch;
  }

  /** Sends `spec`, retrying as the policy allows; see {@link RequestSpec}. */
  request<T>(spec: RequestSpec, options?: RequestOptions): APIPromise<T> {
    const call = new Call<T>(this, spec, options, this.#deadlines);
    return new APIPromise<T>(this.#send(call, spec, options), call);
  }

  async #send<T>(
    call: Call<T>,
    spec: RequestSpec,
    options: RequestOptions | undefined,
  ): Promise<PreparedResponse<T>> {
    const { method, body } = spec;
    let url = appendQuery(this.baseURL + spec.path, this.#query);
    url = appendQuery(url, spec.query);
    if (options?.query) url = appendQuery(url, options.query);
    const isForm = body instanceof FormData;
    const payload = body === undefined
      ? undefined
      : isForm
      ? body
      : JSON.stringify(body);
    const base = payload === undefined || isForm
      ? this.#headers
      : this.#jsonHeaders;
    const headers = options?.headers
      ? mergeHeaders({ ...base }, options.headers)
      : base;
    const timeout = call.timeout = options?.timeout === undefined
      ? this.timeout
      : check("timeout", options.timeout, false);
    const maxRetries = options?.maxRetries === undefined
      ? this.maxRetries
      : check("maxRetries", options.maxRetries, true);
    const userSignal = call.signal = options?.signal ?? undefined;
    const fetchFn = this.#fetch ?? fetch;

    for (let attempt = 0;; attempt++) {
      if (userSignal?.aborted) {
        throw new APIUserAbortError(undefined, { cause: userSignal.reason });
      }
      const controller = call.controller = new AbortController();
      const started = Date.now();
      call.arm(timeout);
      let response: Response;
      try {
        response = await fetchFn(url, {
          method,
          headers,
          body: payload,
          signal: userSignal
            ? anySignal(userSignal, controller)
            : controller.signal,
        });
      } catch (cause) {
        call.detach();
        const err = call.failure(cause);
        if (err instanceof APIUserAbortError || attempt >= maxRetries) {
          throw attempted(err, attempt);
        }
        await this.#wait(attempt, undefined, userSignal);
        continue;
      }
      if (!response.ok) {
        if (
          attempt < maxRetries && shouldRetry(response.status, response.headers)
        ) {
          call.detach();
          response.body?.cancel().catch(() => {});
          await this.#wait(attempt, response.headers, userSignal);
          continue;
        }
        let text = "";
        try {
          text = await response.text();
        } catch {
          // The status says enough; an unreadable error body is not worth a second error.
        }
        call.detach();
        throw makeAPIError(
          response.status,
          text,
          response.headers,
          suffix(attempt),
        );
      }
      // The clock stops while the body waits for the caller to ask for it
      // (`const a = x(); const b = y(); await a; await b;` must not fail b
      // for a's slowness); reading resumes it with what is left. A caller
      // already waiting keeps the one timer running instead.
      if (!call.wanted) call.pause(timeout - (Date.now() - started));
      call.response = response;
      return call;
    }
  }

  async #wait(
    attempt: number,
    headers: Headers | undefined,
    signal?: AbortSignal,
  ) {
    try {
      await sleep(retryDelay(attempt, headers), signal);
    } catch (cause) {
      throw new APIUserAbortError(undefined, { cause });
    }
  }
}

// One object per request holds its state and serves as its prepared
// response: no per-request closures on the hot path.
class Call<T> implements PreparedResponse<T> {
  /** Set by the APIPromise once the caller asks for the parsed result. */
  wanted = false;
  response!: Response;
  controller!: AbortController;
  signal: AbortSignal | undefined;
  timeout = 0;
  /** When the running clock runs out (`Date.now()` time). */
  deadline = 0;
  #timedOut = false;
  // The budget left while the clock is paused; -1 while it runs.
  #left = -1;
  #parsed: Promise<T> | undefined;
  #requester: Requester;
  #spec: RequestSpec;
  #options: RequestOptions | undefined;
  #deadlines: Deadlines;

  constructor(
    requester: Requester,
    spec: RequestSpec,
    options: RequestOptions | undefined,
    deadlines: Deadlines,
  ) {
    this.#requester = requester;
    this.#spec = spec;
    this.#options = options;
    this.#deadlines = deadlines;
  }

  arm(ms: number): void {
    this.#timedOut = false;
    this.#deadlines.add(this, ms);
  }

  expire(): void {
    this.#timedOut = true;
    this.controller.abort(new APIConnectionTimeoutError());
  }

  pause(left: number): void {
    this.detach();
    this.#left = Math.max(0, left);
  }

  detach(): void {
    this.#deadlines.delete(this);
  }

  failure(cause: unknown): OpenAIError {
    if (this.signal?.aborted) {
      return new APIUserAbortError(undefined, { cause });
    }
    if (this.#timedOut) {
      return new APIConnectionTimeoutError(
        `Request timed out after ${this.timeout} ms`,
      );
    }
    return new APIConnectionError(
      `Connection error: ${(cause as Error)?.message ?? cause}`,
      { cause },
    );
  }

  parse(): Promise<T> {
    return this.#parsed ??= this.#parse();
  }

  async #parse(): Promise<T> {
    const spec = this.#spec, response = this.response;
    if (spec.stream) {
      this.detach();
      return new Stream(response.body, this.controller, {
        idleTimeout: this.timeout,
        signal: this.signal,
      }) as T;
    }
    if (spec.as === "response") {
      this.detach();
      return response as T;
    }
    if (this.#left >= 0) {
      this.arm(this.#left);
      this.#left = -1;
    }
    let value: unknown;
    try {
      value = spec.as === "text"
        ? await response.text()
        : await response.json();
    } catch (cause) {
      if (cause instanceof SyntaxError) {
        throw new APIConnectionError(
          `Invalid JSON in the response body: ${cause.message}`,
          { cause },
        );
      }
      throw this.failure(cause);
    } finally {
      this.detach();
    }
    return (spec.page
      ? new spec.page(this.#requester, spec, this.#options, value)
      : value) as T;
  }
}

// One timer per transport, set for the earliest deadline of the calls in
// flight: a timer per call costs more than the rest of a call's bookkeeping
// at high concurrency. It is cleared whenever no call is in flight, so it
// never outlives the requests (nor keeps a process alive).
class Deadlines {
  #calls = new Set<Call<unknown>>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #at = Infinity;

  add(call: Call<unknown>, ms: number): void {
    if (!(ms < 2 ** 31)) return;
    const at = call.deadline = Date.now() + ms;
    this.#calls.add(call);
    if (at < this.#at) this.#arm(at, ms);
  }

  delete(call: Call<unknown>): void {
    if (this.#calls.delete(call) && this.#calls.size === 0) {
      clearTimeout(this.#timer);
      this.#at = Infinity;
    }
  }

  #arm(at: number, ms: number): void {
    clearTimeout(this.#timer);
    this.#at = at;
    this.#timer = setTimeout(this.#tick, ms);
  }

  #tick = (): void => {
    this.#at = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const call of this.#calls) {
      if (call.deadline <= now) {
        this.#calls.delete(call);
        call.expire();
      } else if (call.deadline < next) next = call.deadline;
    }
    if (next < Infinity) this.#arm(next, next - now);
  };
}

// edge-runtime's AbortSignal has no `any`: there the caller's abort is
// forwarded to the attempt's controller by hand.
function anySignal(
  user: AbortSignal,
  controller: AbortController,
): AbortSignal {
  if (typeof AbortSignal.any === "function") {
    return AbortSignal.any([user, controller.signal]);
  }
  const forward = () => controller.abort(user.reason);
  user.addEventListener("abort", forward, { once: true });
  controller.signal.addEventListener(
    "abort",
    () => user.removeEventListener("abort", forward),
    { once: true },
  );
  return controller.signal;
}

function suffix(attempt: number): string {
  return attempt > 0 ? ` (gave up after ${attempt + 1} attempts)` : "";
}

function attempted(err: OpenAIError, attempt: number): OpenAIError {
  if (attempt > 0) err.message += suffix(attempt);
  return err;
}

function check(name: string, value: number, integer: boolean): number {
  if (
    typeof value !== "number" || !(value >= 0) ||
    (integer && !Number.isInteger(value)) ||
    value === Infinity && integer
  ) {
    throw new TypeError(
      `Invalid ${name} ${String(value)}: expected ${
        integer ? "an integer" : "a number"
      } >= 0`,
    );
  }
  return value;
}
