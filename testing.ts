/**
 * Test helpers for `@webstd/openai`: a mock OpenAI API with a deterministic
 * echo model, request recording and fault injection.
 *
 * `MockOpenAI` is runtime-free: pass `mock.fetch` as the client's `fetch`,
 * or use `mock.handle` as a Worker or edge `fetch` handler. `serveMock`
 * serves it over real HTTP on Deno.
 *
 * The mock answers like the API, so a test against it catches requests the
 * API would refuse. It serves only paths under `/v1` (a baseURL
 * without it gets 404) and checks every request body against the spec's
 * request schema: unknown fields, required fields, types, enums and ranges,
 * chat messages' fields, JSON versus multipart. Those answer 400 with an
 * OpenAI error body; a model that is neither in {@linkcode MOCK_MODELS} nor a
 * fine-tuned id answers 404 `model_not_found`.
 *
 * @example Over HTTP with Deno
 * ```ts
 * import { serveMock } from "@webstd/openai/testing";
 * await using server = await serveMock({ apiKey: "sk-test" });
 * const res = await fetch(`${server.url}/models`, {
 *   headers: { authorization: "Bearer sk-test" },
 * });
 * (await res.json()).object; // "list"
 * ```
 *
 * @module
 */

import { MockOpenAI, type MockOptions } from "./src/testing/mock.ts";

export {
  type Fault,
  MockOpenAI,
  type MockOptions,
  type RecordedRequest,
} from "./src/testing/mock.ts";
export type { MockContext, Route } from "./src/testing/route.ts";
export {
  errorBody,
  errorResponse,
  type MockErrorBody,
} from "./src/testing/errors.ts";
export { routes } from "./src/testing/routes/mod.ts";
export { MOCK_MODELS } from "./src/testing/routes/models.ts";

/**
 * A running mock server.
 *
 * @example
 * ```ts
 * import { serveMock } from "@webstd/openai/testing";
 * const server = await serveMock();
 * console.log(server.url); // http://127.0.0.1:PORT/v1
 * await server.close();
 * ```
 */
export interface MockServer {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** The mock behind the server, for faults and recorded requests. */
  mock: MockOpenAI;
  /**
   * Stops the server at once and waits until it has finished. Connections
   * still open are cut, not ended cleanly: a response body still being sent
   * (a stream the test stopped reading, say after a failed assertion) errors
   * in the client, so it never looks complete, and a request body still
   * being uploaded is dropped; neither holds the close up.
   */
  close(): Promise<void>;
  /** Same as `close`, for `await using`. */
  [Symbol.asyncDispose](): Promise<void>;
}

// Just the part of Deno this file uses, so it type-checks without Deno's types.
interface DenoServe {
  serve(
    options: {
      hostname: string;
      port: number;
      signal: AbortSignal;
      onListen(): void;
    },
    handler: (request: Request) => Promise<Response>,
  ): {
    addr: { port: number };
    finished: Promise<void>;
  };
}

/**
 * Serves a new {@linkcode MockOpenAI} on 127.0.0.1 at a free port (Deno only).
 *
 * @example
 * ```ts
 * import { serveMock } from "@webstd/openai/testing";
 * await using server = await serveMock();
 * server.mock.fault({ status: 500 });
 * const res = await fetch(`${server.url}/models`, {
 *   headers: { authorization: "Bearer sk-test" },
 * });
 * await res.body?.cancel(); // res.status === 500
 * ```
 */
export async function serveMock(options?: MockOptions): Promise<MockServer> {
  const deno = (globalThis as { Deno?: DenoServe }).Deno;
  if (typeof deno?.serve !== "function") {
    throw new Error(
      "Cannot serve the mock: Deno.serve is missing (use mock.handle instead)",
    );
  }
  const mock = new MockOpenAI(options);
  // Aborted on close: Deno.serve then stops without grace, cutting every
  // connection, so a client reading a body sees an error rather than a clean
  // end (erroring the body stream instead would make Deno print the error).
  const stop = new AbortController();
  // Aborted once the connections are cut: the signal the mock's waits
  // (delayMs, a stalled stream) listen to. Reading Deno.serve's own
  // request.signal would print a warning in users' tests.
  const closed = new AbortController();
  const server = deno.serve(
    {
      hostname: "127.0.0.1",
      port: 0,
      signal: stop.signal,
      onListen() {},
    },
    (request) =>
      mock.handle(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          body: request.body,
          signal: closed.signal,
          duplex: "half",
        } as RequestInit),
      ),
  );
  let closing: Promise<void> | undefined;
  const close = () =>
    closing ??= (async () => {
      stop.abort();
      await server.finished;
      closed.abort();
    })();
  return await Promise.resolve({
    url: `http://127.0.0.1:${server.addr.port}/v1`,
    mock,
    close,
    [Symbol.asyncDispose]: close,
  });
}
