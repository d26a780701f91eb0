/**
 * A runtime-free mock of the OpenAI API: a plain `(Request) => Response`
 * handler with a deterministic echo model, request recording and fault
 * injection. Runs in Deno, workerd, edge runtimes and browsers.
 *
 * @module
 */

import { readBody } from "./body.ts";
import { errorBody, errorResponse } from "./errors.ts";
import { FaultQueue, wait } from "./faults.ts";
import { localFetch } from "./local_fetch.ts";
import type { MockContext } from "./route.ts";
import { routes } from "./routes/mod.ts";
import { apiPath, type RouteMatch, Router } from "./router.ts";
import { sseResponse } from "./sse.ts";
import { REQUEST_SCHEMAS } from "./request_schemas.ts";
import { checkRequest } from "./validate.ts";
import { unknownModel } from "./routes/models.ts";

/**
 * Settings for a {@linkcode MockOpenAI}.
 *
 * @example
 * ```ts
 * import { MockOpenAI } from "@webstd/openai/testing";
 * const mock = new MockOpenAI({ apiKey: "sk-test", chunkSize: 7, crlf: true });
 * ```
 */
export interface MockOptions {
  /** The only accepted key; when unset any non-empty Bearer token passes. */
  apiKey?: string;
  /** Record requests in `mock.requests` (default true). */
  record?: boolean;
  /**
   * Split streamed bodies into pieces of this many bytes (a request's
   * `x-mock-chunk-size` header overrides it; `x-mock-stream-chunks: N` sets
   * the number of content chunks of a streamed completion).
   */
  chunkSize?: number;
  /** Use CRLF line endings in streamed bodies. */
  crlf?: boolean;
  /**
   * More model ids to know besides `MOCK_MODELS` (for example the models
   * your code uses), or `true` to accept any model id.
   */
  models?: readonly string[] | true;
}

/**
 * One request as the mock saw it.
 *
 * @example
 * ```ts
 * import { MockOpenAI } from "@webstd/openai/testing";
 * const mock = new MockOpenAI();
 * await (await mock.fetch("http://mock/v1/models", {
 *   headers: { authorization: "Bearer sk-test" },
 * })).body?.cancel();
 * mock.requests[0].path; // "/models"
 * ```
 */
export interface RecordedRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The full URL as received, with host and query. */
  url: string;
  /**
   * The path without the `/v1` prefix (a path outside `/v1`, which gets a
   * 404, is recorded as it was sent).
   */
  path: string;
  /** Query parameters (the last value wins). */
  query: Record<string, string>;
  /**
   * Headers with lower-case names. The key in `authorization` (maybe a real
   * one, from `OPENAI_API_KEY`) is masked as OpenAI's dashboard shows keys,
   * `Bearer sk-…a1b2`, so a logged record never leaks it; to check the key
   * itself, give the mock an `apiKey`: any other key gets a 401.
   */
  headers: Record<string, string>;
  /** Parsed JSON, a record of multipart fields, raw text, or undefined. */
  body: unknown;
}

/**
 * A misbehaviour for the mock to act out on matching requests.
 *
 * @example Fail the next two chat requests with 429, then stall a stream
 * ```ts
 * import { MockOpenAI } from "@webstd/openai/testing";
 * const mock = new MockOpenAI();
 * mock.fault({ match: { path: "/chat/completions" }, times: 2, status: 429 });
 * mock.fault({ stallAfter: 3 });
 * ```
 */
export interface Fault {
  /**
   * Which requests it applies to (default: the next request). `path` is
   * without `/v1`; a string matches the exact path, as sent or decoded
   * (`"/models/ft:gpt-3.5-turbo:acme::x"`), or the route template
   * (`"/models/{model}"`); a RegExp is tested against both forms. A request
   * takes its fault, and is recorded, as it arrives, before its body is read.
   */
  match?: { method?: string; path?: string | RegExp };
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Reply with this status (body defaults to an OpenAI error for it). */
  status?: number;
  /** Reply with this JSON body (status 200 unless `status` is set). */
  body?: unknown;
  /** Add these headers to the reply. */
  headers?: Record<string, string>;
  /**
   * Wait this long before answering. The wait ends early when the request's
   * signal aborts: the client leaving (in-process) or, under `serveMock`, the
   * server closing.
   */
  delayMs?: number;
  /** Stream: send this many events, then nothing until the client leaves. */
  stallAfter?: number;
  /** Stream: send this many events, then end the body without [DONE]. */
  cutAfter?: number;
  /** Stream: the event at this index carries invalid JSON. */
  malformedAt?: number;
  /** Stream: at this index send an error event and end the body. */
  errorEventAt?: number;
  /** Stream: the event at `index` is padded so its data is `bytes` long. */
  oversizedAt?: { index: number; bytes: number };
}

function positiveInt(name: string, value: string | number | undefined) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || String(value).trim() === "") {
    throw new RangeError(`Invalid ${name}: ${value}`);
  }
  return n;
}

/**
 * The mock OpenAI API. Use `mock.fetch` as a client's `fetch`, or serve
 * `mock.handle` over HTTP (see `serveMock` in `testing.ts`).
 *
 * It serves paths under `/v1` only and rejects what the API rejects: a body
 * that does not fit the operation's request schema in `spec/openapi.yaml`
 * (unknown or missing fields, wrong types, values outside enums and ranges,
 * form data where JSON is due) gets 400 with an OpenAI error body, and an
 * unknown `model` gets 404 `model_not_found`.
 *
 * @example In-process
 * ```ts
 * import { MockOpenAI } from "@webstd/openai/testing";
 * const mock = new MockOpenAI();
 * const res = await mock.fetch("http://mock/v1/chat/completions", {
 *   method: "POST",
 *   headers: { authorization: "Bearer sk-test", "content-type": "application/json" },
 *   body: JSON.stringify({ model: "gpt-4", messages: [{ role: "user", content: "hi" }] }),
 * });
 * (await res.json()).choices[0].message.content; // "Echo: hi"
 * ```
 */
export class MockOpenAI {
  /** Every request handled so far (unless `record: false`). */
  readonly requests: RecordedRequest[] = [];
  /** What stateful routes have stored, by resource (see `MockContext.state`). */
  readonly state: Map<string, unknown> = new Map();
  #options: MockOptions;
  #faults = new FaultQueue();
  #router = new Router(routes);
  #requestIds = 0;

  /** Creates a mock; throws on an invalid `chunkSize`. */
  constructor(options: MockOptions = {}) {
    if (
      options.chunkSize !== undefined &&
      !(positiveInt("chunkSize", options.chunkSize)! > 0)
    ) {
      throw new RangeError(`Invalid chunkSize: ${options.chunkSize}`);
    }
    const models = options.models;
    // A lone string would match by substring ("turbo" in "gpt-3.5-turbo").
    if (
      models !== undefined && models !== true &&
      !(Array.isArray(models) && models.every((m) => typeof m == "string"))
    ) {
      throw new TypeError(
        "Invalid models: expected an array of model ids, or true",
      );
    }
    this.#options = { ...options };
  }

  /** Queues a fault; matching requests consume it in order. */
  fault(fault: Fault): void {
    this.#faults.add(fault);
  }

  /**
   * How many queued faults no request has used up yet: a test can check it
   * is 0 at its end, so a fault whose `match` never fit does not go unseen
   * (or leak into the next test).
   */
  get pendingFaults(): number {
    return this.#faults.size;
  }

  /** Forgets recorded requests, queued faults and stored state. */
  reset(): void {
    this.requests.length = 0;
    this.state.clear();
    this.#faults.clear();
  }

  /** Answers one request; never throws (a failure becomes a 500). */
  readonly handle = async (request: Request): Promise<Response> => {
    try {
      return await this.#handle(request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(500, `Mock handler failed: ${message}`);
    }
  };

  /**
   * Calls `handle` in-process, like `fetch` would over the network: rejects
   * when the request's signal aborts, and then errors the body being read. A
   * URL that is not http(s) (the official SDK's `data:,` probe) goes to the
   * real `fetch`, unrecorded.
   */
  readonly fetch = async (
    input: RequestInfo | URL,
    init?: RequestInit,
  ): Promise<Response> => {
    // async, so an invalid input rejects like fetch instead of throwing
    const request = new Request(input, init);
    // Not an API request: the official SDK fetches `data:,` once to probe
    // fetch's FormData support. The real fetch answers it, unrecorded.
    if (!/^https?:$/.test(new URL(request.url).protocol)) {
      return await fetch(request);
    }
    return await localFetch(this.handle, request);
  };

  async #handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = apiPath(url.pathname);
    const method = request.method.toUpperCase();
    // Outside /v1 nothing matches and no fault is consumed: such a request
    // is a misconfigured baseURL, not an API call.
    const match: RouteMatch = path === undefined
      ? { status: 404 }
      : this.#router.match(method, path);
    // The fault and the record are taken in arrival order; the body, which
    // may take a while to arrive, is filled in once read.
    const fault = path === undefined ? undefined : this.#faults.take(
      method,
      path,
      "route" in match ? match.route.path : undefined,
    );
    const record: RecordedRequest | undefined = this.#options.record === false
      ? undefined
      : {
        method,
        url: request.url,
        path: path ?? url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: recordHeaders(request.headers),
        body: undefined,
      };
    if (record) this.requests.push(record);
    const body = await readBody(request);
    if (record) record.body = body.value;
    const response = await this.#answer(request, url, match, body, fault);
    // Every API response carries one; clients quote it as `_request_id`.
    response.headers.set("x-request-id", `req_mock${++this.#requestIds}`);
    for (const [name, value] of Object.entries(fault?.headers ?? {})) {
      response.headers.set(name, value);
    }
    return response;
  }

  async #answer(
    request: Request,
    url: URL,
    match: RouteMatch,
    body: Awaited<ReturnType<typeof readBody>>,
    fault: Fault | undefined,
  ): Promise<Response> {
    if (fault?.delayMs && !(await wait(fault.delayMs, request.signal))) {
      return errorResponse(499, "The client closed the request");
    }
    if (fault?.status !== undefined || fault?.body !== undefined) {
      const status = fault.status ?? 200;
      // 204, 205 and 304 cannot carry a body.
      if (status === 204 || status === 205 || status === 304) {
        return new Response(null, { status });
      }
      return Response.json(fault.body ?? errorBody(status), { status });
    }
    const auth = this.#checkAuth(request.headers.get("authorization"));
    if (auth) return auth;
    if (body.error) return errorResponse(400, body.error);
    if ("status" in match) {
      if (match.status === 400) return errorResponse(400, match.message);
      if (match.status === 405) {
        return errorResponse(
          405,
          `Method ${request.method} is not allowed for ${url.pathname}`,
          { headers: { allow: match.allow.join(", ") } },
        );
      }
      const hint = apiPath(url.pathname) === undefined
        ? " (the API is served under /v1: does the client's baseURL end in /v1?)"
        : "";
      return errorResponse(
        404,
        `Unknown request URL: ${request.method} ${url.pathname}${hint}`,
      );
    }
    const headers = request.headers;
    const schema = REQUEST_SCHEMAS[match.route.operationId];
    if (schema) {
      const problem = checkRequest(
        schema,
        headers.get("content-type"),
        body.value,
      );
      if (problem) return errorResponse(400, problem.message, problem);
      const model = (body.value as { model?: unknown } | undefined)?.model;
      if (
        typeof model === "string" &&
        unknownModel(model, this.state, this.#options.models)
      ) {
        return errorResponse(404, `The model '${model}' does not exist`, {
          param: "model",
          code: "model_not_found",
        });
      }
    }
    let chunkSize: number | undefined;
    let streamChunks: number | undefined;
    try {
      chunkSize = positiveInt(
        "x-mock-chunk-size",
        headers.get("x-mock-chunk-size") ?? undefined,
      ) ||
        this.#options.chunkSize;
      streamChunks = positiveInt(
        "x-mock-stream-chunks",
        headers.get("x-mock-stream-chunks") ?? undefined,
      );
    } catch (error) {
      return errorResponse(400, (error as Error).message);
    }
    const options = this.#options;
    const ctx: MockContext = {
      request,
      params: match.params,
      query: url.searchParams,
      body: body.value,
      options,
      state: this.state,
      fault,
      streamChunks,
      sse: (events, done = true) =>
        sseResponse(events, done, {
          chunkSize,
          crlf: options.crlf,
          fault,
          get signal() {
            return request.signal;
          },
        }),
    };
    const result = await match.route.handle(ctx);
    return result instanceof Response ? result : Response.json(result);
  }

  #checkAuth(header: string | null): Response | undefined {
    // Auth schemes are case-insensitive (RFC 7235): "bearer" is as good.
    const token = header?.match(/^bearer +(.+)$/i)?.[1]?.trim();
    const key = this.#options.apiKey;
    if (token && (key === undefined || token === key)) return undefined;
    const message = token
      ? "Incorrect API key provided"
      : "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'";
    return errorResponse(401, message, { code: "invalid_api_key" });
  }
}

// The request's headers as a record, with the credential in `authorization`
// masked as OpenAI's dashboard shows keys: `Bearer sk-…a1b2`.
function recordHeaders(headers: Headers): Record<string, string> {
  const record = Object.fromEntries(headers);
  const auth = record.authorization;
  if (auth !== undefined) {
    const [scheme, credential = ""] = auth.split(/ (.*)/s);
    record.authorization = scheme + " " +
      (credential.length > 12
        ? credential.slice(0, 3) + "…" + credential.slice(-4)
        : "…");
  }
  return record;
}
