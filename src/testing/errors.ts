/**
 * OpenAI-shaped error bodies and responses for the mock server.
 *
 * @module
 */

/**
 * The JSON body the OpenAI API sends with an error status.
 *
 * @example
 * ```ts
 * import type { MockErrorBody } from "@webstd/openai/testing";
 * const body: MockErrorBody = {
 *   error: { message: "Not found", type: "invalid_request_error", param: null, code: null },
 * };
 * ```
 */
export interface MockErrorBody {
  /** What went wrong. */
  error: {
    message: string;
    type: string;
    param: string | null;
    code: string | null;
  };
}

const DEFAULTS: Record<number, [message: string, code: string | null]> = {
  400: ["Bad request", null],
  401: ["Incorrect API key provided", "invalid_api_key"],
  403: ["You are not allowed to sample from this model", null],
  404: ["Not found", null],
  405: ["Method not allowed", null],
  409: ["Conflict", null],
  422: ["Unprocessable entity", null],
  429: ["Rate limit reached for requests", "rate_limit_exceeded"],
  500: ["The server had an error while processing your request", null],
  502: ["Bad gateway", null],
  503: ["The server is overloaded or not ready yet", null],
};

function errorType(status: number): string {
  if (status === 429) return "requests";
  return status >= 500 ? "server_error" : "invalid_request_error";
}

/**
 * Builds the body OpenAI sends for `status`, with a default message and code
 * per status unless given.
 *
 * @example Default body for a rate limit
 * ```ts
 * import { errorBody } from "@webstd/openai/testing";
 * errorBody(429).error.code; // "rate_limit_exceeded"
 * ```
 */
export function errorBody(
  status: number,
  message?: string,
  options: { param?: string | null; code?: string | null } = {},
): MockErrorBody {
  const [fallback, code] = DEFAULTS[status] ?? [`Mock error ${status}`, null];
  return {
    error: {
      message: message ?? fallback,
      type: errorType(status),
      param: options.param ?? null,
      code: options.code === undefined ? code : options.code,
    },
  };
}

/**
 * Builds a JSON error `Response` shaped like the OpenAI API's.
 *
 * @example A 404 for an unknown model
 * ```ts
 * import { errorResponse } from "@webstd/openai/testing";
 * const res = errorResponse(404, "The model 'nope' does not exist", {
 *   param: "model",
 * });
 * await res.body?.cancel();
 * ```
 */
export function errorResponse(
  status: number,
  message?: string,
  options: {
    param?: string | null;
    code?: string | null;
    headers?: HeadersInit;
  } = {},
): Response {
  return Response.json(errorBody(status, message, options), {
    status,
    headers: options.headers,
  });
}

/**
 * A 400 for a field whose value is not one of `allowed`, naming the field.
 *
 * @example
 * ```ts
 * import { invalidChoice } from "./errors.ts";
 * const res = invalidChoice("size", "1x1", ["256x256", "512x512"]);
 * await res.body?.cancel();
 * ```
 */
export function invalidChoice(
  param: string,
  value: unknown,
  allowed: readonly string[],
): Response {
  return errorResponse(
    400,
    `Invalid ${param}: ${JSON.stringify(value)} (expected ${
      allowed.join(", ")
    })`,
    { param },
  );
}
