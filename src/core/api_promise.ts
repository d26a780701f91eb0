/**
 * `APIPromise<T>`: what every method returns.
 *
 * @module
 */

/** A response whose body has not been read yet, with the way to read it. */
export interface PreparedResponse<T> {
  /** The HTTP response, body unread. */
  response: Response;
  /** Reads and parses the body (once). */
  parse(): Promise<T>;
}

/**
 * A `Promise` of the parsed result that also gives access to the raw
 * `Response`. The request starts at once; the body is read only when the
 * promise itself is awaited.
 *
 * @example Get the parsed data and the response headers
 * ```ts
 * import OpenAI from "@webstd/openai";
 * const client = new OpenAI({ apiKey: "sk-test" });
 * const { data, response } = await client.models.list().withResponse();
 * console.log(response.headers.get("x-request-id"), data.data.length);
 * ```
 */
export class APIPromise<T> extends Promise<T> {
  #prepared: Promise<PreparedResponse<T>>;
  #parsed: Promise<T> | undefined;
  #demand: { wanted?: boolean } | undefined;

  /**
   * Wraps a pending response; used by the transport. `demand.wanted` is set
   * once the parsed result is asked for, so the transport knows the caller
   * is already waiting for the body.
   */
  constructor(
    prepared: Promise<PreparedResponse<T>>,
    demand?: { wanted?: boolean },
  ) {
    super(settled);
    this.#prepared = prepared;
    this.#demand = demand;
  }

  /** `then`, `catch` and `finally` produce plain promises. */
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #result(): Promise<T> {
    if (this.#demand) this.#demand.wanted = true;
    return this.#parsed ??= this.#prepared.then(parse);
  }

  /**
   * Resolves to the `Response` with its body unread. The body is then the
   * caller's: the client's timeout no longer runs on it, while the request's
   * `signal` still aborts it.
   */
  asResponse(): Promise<Response> {
    return this.#prepared.then((p) => p.response);
  }

  /** Resolves to the parsed data, the `Response` and its `x-request-id`. */
  async withResponse(): Promise<
    { data: T; response: Response; request_id: string | null }
  > {
    const data = await this.#result();
    const { response } = await this.#prepared;
    return { data, response, request_id: response.headers.get("x-request-id") };
  }

  // `reason: any` as in Promise's own signatures, so a typed handler such as
  // `.catch((err: APIError) => ...)` compiles exactly as on a plain Promise.
  /** Attaches callbacks to the parsed result. */
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    // deno-lint-ignore no-explicit-any
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result().then(onfulfilled, onrejected);
  }

  /** Attaches a rejection handler to the parsed result. */
  override catch<B = never>(
    // deno-lint-ignore no-explicit-any
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<T | B> {
    return this.#result().catch(onrejected);
  }

  /** Runs a callback once the parsed result settles. */
  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#result().finally(onfinally);
  }
}

// Module-level so no closure is allocated per request.
function settled(resolve: (value: never) => void): void {
  resolve(undefined as never);
}

function parse<T>(prepared: PreparedResponse<T>): Promise<T> {
  return prepared.parse();
}
