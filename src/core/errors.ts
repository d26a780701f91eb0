/**
 * The error hierarchy. Every API, connection, timeout and abort failure is an
 * {@link OpenAIError}; an invalid argument (a bad header, path id or file) is
 * a `TypeError`, thrown before anything is sent.
 *
 * @module
 */

import { mask, preview } from "./preview.ts";

/**
 * The base class of every error thrown by this client.
 *
 * @example Catch anything the client throws
 * ```ts
 * import { OpenAIError } from "@webstd/openai";
 * try {
 *   throw new OpenAIError("Something failed");
 * } catch (err) {
 *   if (err instanceof OpenAIError) console.log(err.message);
 * }
 * ```
 */
export class OpenAIError extends Error {}

/** The `error` object the API sends in an error body. */
export interface APIErrorBody {
  /** A human-readable description. */
  message?: string;
  /** The error category, e.g. `"invalid_request_error"`. */
  type?: string;
  /** The request parameter the error is about, if any. */
  param?: string | null;
  /** A machine-readable code, e.g. `"invalid_api_key"`. */
  code?: string | null;
  /** Any other field the server sent. */
  [key: string]: unknown;
}

/**
 * The API answered with an error status, or sent an error event in a stream.
 *
 * @example Inspect a failed request
 * ```ts
 * import OpenAI, { APIError } from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * try {
 *   await client.models.retrieve("no-such-model");
 * } catch (err) {
 *   if (err instanceof APIError) console.log(err.status, err.code, err.requestID);
 * }
 * ```
 */
export class APIError extends OpenAIError {
  /** The HTTP status, or `undefined` for an error event inside a stream. */
  declare readonly status: number | undefined;
  /** The response headers, if there was a response. */
  declare readonly headers: Headers | undefined;
  /** The parsed `error` object of the body, if the body had one. */
  declare readonly error: APIErrorBody | undefined;
  /** `error.code` from the body. */
  declare readonly code: string | null | undefined;
  /** `error.param` from the body. */
  declare readonly param: string | null | undefined;
  /** `error.type` from the body. */
  declare readonly type: string | undefined;
  /** The `x-request-id` response header, for support requests. */
  declare readonly requestID: string | null | undefined;

  /**
   * Builds an error from a status, the parsed error object, a message and the
   * headers. As in the official SDK, the message it shows is the status and
   * the error's own message, else `message` (`429 Rate limit reached`).
   * Prefer {@link makeAPIError}, which picks the subclass for the status.
   */
  constructor(
    status: number | undefined,
    error: APIErrorBody | undefined,
    message: string | undefined,
    headers?: Headers,
    options?: ErrorOptions,
  ) {
    super(wording(status, error?.message || message), options);
    this.status = status;
    this.headers = headers;
    this.error = error;
    this.code = error?.code;
    this.param = error?.param;
    this.type = error?.type;
    this.requestID = headers?.get("x-request-id");
  }
}

/** HTTP 400. See {@link APIError}. @example `if (err instanceof BadRequestError) fixInput();` */
export class BadRequestError extends APIError {
  /** Always 400, as in the official SDK's types. */
  declare readonly status: 400;
}
/** HTTP 401: the API key is missing or wrong. @example `if (err instanceof AuthenticationError) askForKey();` */
export class AuthenticationError extends APIError {
  /** Always 401, as in the official SDK's types. */
  declare readonly status: 401;
}
/** HTTP 403. @example `if (err instanceof PermissionDeniedError) report(err.message);` */
export class PermissionDeniedError extends APIError {
  /** Always 403, as in the official SDK's types. */
  declare readonly status: 403;
}
/** HTTP 404. @example `if (err instanceof NotFoundError) return undefined;` */
export class NotFoundError extends APIError {
  /** Always 404, as in the official SDK's types. */
  declare readonly status: 404;
}
/** HTTP 409. @example `if (err instanceof ConflictError) retryLater();` */
export class ConflictError extends APIError {
  /** Always 409, as in the official SDK's types. */
  declare readonly status: 409;
}
/** HTTP 422. @example `if (err instanceof UnprocessableEntityError) fixInput();` */
export class UnprocessableEntityError extends APIError {
  /** Always 422, as in the official SDK's types. */
  declare readonly status: 422;
}
/** HTTP 429: rate limited (retried automatically first). @example `if (err instanceof RateLimitError) backOff();` */
export class RateLimitError extends APIError {
  /** Always 429, as in the official SDK's types. */
  declare readonly status: 429;
}
/** HTTP 500 and above (retried automatically first). @example `if (err instanceof InternalServerError) retryLater();` */
export class InternalServerError extends APIError {
  /** 500 or above. */
  declare readonly status: number;
}

/**
 * How the connection errors can be built: a message and options, or, as with
 * the official SDK, one `{ message, cause }` object.
 */
export type ErrorInit = string | { message?: string; cause?: unknown };

// Splits an ErrorInit into the message (or `fallback`) and Error options.
function init(
  message: ErrorInit | undefined,
  options: ErrorOptions | undefined,
  fallback: string,
): [string, ErrorOptions | undefined] {
  return typeof message == "object"
    ? [message.message ?? fallback, message]
    : [message ?? fallback, options];
}

/**
 * No usable response arrived: the connection failed, was reset, or a stream
 * ended before `[DONE]`. The underlying error, if any, is in `cause`. As in
 * the official SDK it is an {@link APIError} without a status, so one
 * `instanceof APIError` branch sees every failure of a call.
 *
 * @example
 * ```ts
 * import { APIConnectionError } from "@webstd/openai";
 * const err = new APIConnectionError("Connection error", { cause: new TypeError("reset") });
 * console.log(err.cause, err.status); // TypeError: reset, undefined
 * ```
 */
export class APIConnectionError extends APIError {
  /** Always `undefined`: no response arrived. */
  declare readonly status: undefined;
  /** Builds the error; `cause` keeps the underlying failure. */
  constructor(message?: ErrorInit, options?: ErrorOptions) {
    const [text, opts] = init(message, options, "Connection error");
    super(undefined, undefined, text, undefined, opts);
  }
}

/**
 * The request, or the silence between two stream events, outlasted `timeout`.
 *
 * @example
 * ```ts
 * import { APIConnectionTimeoutError } from "@webstd/openai";
 * console.log(new APIConnectionTimeoutError().message);
 * ```
 */
export class APIConnectionTimeoutError extends APIConnectionError {
  /** Builds the error with a default message. */
  constructor(message?: ErrorInit, options?: ErrorOptions) {
    super(...init(message, options, "Request timed out"));
  }
}

/**
 * The caller's `AbortSignal` fired. Like the official SDK's, an
 * {@link APIError} without a status.
 *
 * @example
 * ```ts
 * import { APIUserAbortError } from "@webstd/openai";
 * console.log(new APIUserAbortError().message);
 * ```
 */
export class APIUserAbortError extends APIError {
  /** Always `undefined`: no response arrived. */
  declare readonly status: undefined;
  /** Builds the error with a default message. */
  constructor(message?: ErrorInit, options?: ErrorOptions) {
    const [text, opts] = init(message, options, "Request was aborted");
    super(undefined, undefined, text, undefined, opts);
  }
}

// Names are set on the prototypes, not read from `constructor.name`, which a
// minifying bundler would mangle.
for (
  const [name, Class] of Object.entries({
    OpenAIError,
    APIError,
    BadRequestError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitError,
    InternalServerError,
    APIConnectionError,
    APIConnectionTimeoutError,
    APIUserAbortError,
  })
) {
  Class.prototype.name = name;
}

const byStatus: Record<number, typeof APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/**
 * Builds the {@link APIError} subclass that matches `status` from a response
 * body that may be JSON, text or empty.
 *
 * @example
 * ```ts
 * import { makeAPIError, RateLimitError } from "@webstd/openai";
 * const err = makeAPIError(429, '{"error":{"message":"Slow down"}}', new Headers());
 * console.log(err instanceof RateLimitError, err.message); // true "429 Slow down"
 * ```
 */
export function makeAPIError(
  status: number | undefined,
  body: unknown,
  headers?: Headers,
  suffix = "",
): APIError {
  let value = body;
  try {
    if (typeof body == "string") value = JSON.parse(body);
  } catch {
    // Not JSON: the text itself is the detail.
  }
  // Some compatible servers send a list of one error (Gemini's), or the
  // error's fields at the top (vLLM's, Mistral's): its `message` is then the
  // detail, and `err.error` stays the body's `error` member.
  if (Array.isArray(value)) value = value[0];
  const { error: member, message } = (value ?? {}) as {
    error?: unknown;
    message?: unknown;
  };
  let error = member as APIErrorBody | string | undefined;
  if (typeof error == "string") error = { message: error };
  else if (typeof error != "object" || !error) error = undefined;
  // A copy with every secret the server echoed masked (preview.ts; masks
  // keep JSON valid); one JSON cannot hold, or that is no plain object (an
  // Error of the caller's), stays as it is.
  try {
    if (error?.constructor == Object) {
      error = JSON.parse(mask(JSON.stringify(error)));
    }
  } catch { /* kept as it is */ }
  // Without an error message the raw body is the most useful detail.
  const err =
    new (status === undefined
      ? APIError
      : byStatus[status] ?? (status >= 500 ? InternalServerError : APIError))(
      status,
      error as APIErrorBody | undefined,
      typeof message == "string"
        ? preview(message, 500)
        : status === undefined
        ? "Stream error"
        : typeof body == "string"
        ? preview(body, 500)
        : "",
      headers,
    );
  err.message += suffix;
  return err;
}

// Worded as the official SDK words them: `404 Not found`, `404 status code
// (no body)`, an object message as JSON.
function wording(status: number | undefined, detail: unknown): string {
  if (typeof detail != "string") detail = JSON.stringify(detail);
  return status === undefined
    ? (detail as string) || "(no status code or body)"
    : status + " " + (detail || "status code (no body)");
}
