/**
 * Shared helpers for the client-core tests: a client over the in-process
 * mock, a client over real HTTP, and tiny fetch stubs.
 *
 * @module
 */

import OpenAI, { type ClientOptions, type Fetch } from "../../mod.ts";
import { MockOpenAI, type MockOptions, serveMock } from "../../testing.ts";
import { realTime } from "../../src/core/deadlines.ts";

/** The key every test client uses; tests check it never leaks. */
export const KEY = "sk-test-SECRET-0123456789abcdef";

/** How the mock records {@link KEY} in `authorization`: masked. */
export const MASKED_KEY = "Bearer sk-…cdef";

/** A client talking to an in-process mock through `mock.fetch`. */
export function inProcess(
  options: ClientOptions = {},
  mockOptions: MockOptions = {},
): { client: OpenAI; mock: MockOpenAI } {
  const mock = new MockOpenAI({ apiKey: KEY, ...mockOptions });
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://mock.local/v1",
    fetch: mock.fetch,
    ...options,
  });
  return { client, mock };
}

/** A client talking to a mock served over HTTP on 127.0.0.1; dispose it with `await using`. */
export async function overHTTP(
  options: ClientOptions = {},
  mockOptions: MockOptions = {},
): Promise<
  {
    client: OpenAI;
    mock: MockOpenAI;
    url: string;
    [Symbol.asyncDispose](): Promise<void>;
  }
> {
  const server = await serveMock({ apiKey: KEY, ...mockOptions });
  const client = new OpenAI({ apiKey: KEY, baseURL: server.url, ...options });
  return {
    client,
    mock: server.mock,
    url: server.url,
    [Symbol.asyncDispose]: server.close,
  };
}

/** One call seen by a {@link stub}. */
export interface StubCall {
  url: string;
  init: RequestInit;
  headers: Headers;
}

/**
 * A fetch stub: each call takes the next answer (a Response factory or a
 * thrown error); the last answer repeats.
 */
export function stub(
  ...answers: ((call: StubCall) => Response | Promise<Response>)[]
): { fetch: Fetch; calls: StubCall[] } {
  const calls: StubCall[] = [];
  const fetch: Fetch = (input, init = {}) => {
    const call = {
      url: String(input instanceof Request ? input.url : input),
      init,
      headers: new Headers(init.headers),
    };
    calls.push(call);
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
    return Promise.resolve().then(() => answer(call));
  };
  return { fetch, calls };
}

/** A client over a {@link stub}, with no retry waits worth mentioning. */
export function stubClient(
  answers: ((call: StubCall) => Response | Promise<Response>)[],
  options: ClientOptions = {},
): { client: OpenAI; calls: StubCall[] } {
  const { fetch, calls } = stub(...answers);
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: "http://stub.local/v1",
    fetch,
    ...options,
  });
  return { client, calls };
}

/** A JSON response with `retry-after-ms: 0`, so retries of it do not wait. */
export function json(body: unknown, status = 200, headers = {}): Response {
  return Response.json(body, {
    status,
    headers: { "retry-after-ms": "0", ...headers },
  });
}

/** A body for `chat.completions.create`. */
export const chatBody = {
  model: "gpt-4",
  messages: [{ role: "user" as const, content: "hello there" }],
};

/**
 * Runs `fn` while counting the timers it arms: how many, how many are still
 * pending when it returns, and how many of those would keep the process alive
 * (not unref'd through `Deno.unrefTimer`).
 */
export async function timers(
  fn: () => Promise<void>,
): Promise<{ armed: number; pending: number; keepAlive: number }> {
  const { setTimeout: set, clearTimeout: clear } = globalThis;
  const { refTimer, unrefTimer } = Deno;
  const refed = new Map<unknown, boolean>();
  let armed = 0;
  // The shared deadline timer keeps to the runtime's own timers (realTime),
  // so both are watched.
  const real = { ...realTime };
  realTime.set = globalThis.setTimeout = ((cb: () => void, ms?: number) => {
    armed++;
    const id = set(() => {
      refed.delete(id);
      cb();
    }, ms);
    refed.set(id, true);
    return id;
  }) as typeof setTimeout;
  realTime.clear = globalThis.clearTimeout = ((id?: number) => {
    refed.delete(id);
    clear(id);
  }) as typeof clearTimeout;
  Deno.refTimer = (id) => {
    if (refed.has(id)) refed.set(id, true);
    refTimer(id);
  };
  Deno.unrefTimer = (id) => {
    if (refed.has(id)) refed.set(id, false);
    unrefTimer(id);
  };
  try {
    await fn();
  } finally {
    Object.assign(globalThis, { setTimeout: set, clearTimeout: clear });
    delete realTime.set;
    delete realTime.clear;
    Object.assign(realTime, real);
    Object.assign(Deno, { refTimer, unrefTimer });
  }
  const states = [...refed.values()];
  return {
    armed,
    pending: states.length,
    keepAlive: states.filter(Boolean).length,
  };
}

/** A body that sends `first` (if any) and then nothing until the signal aborts, like a stalled socket. */
export function stalledBody(
  signal: AbortSignal | null | undefined,
  first?: string,
): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (first) controller.enqueue(new TextEncoder().encode(first));
      signal?.addEventListener(
        "abort",
        () => controller.error(signal.reason),
        { once: true },
      );
    },
  });
}

const ENV = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "OPENAI_ORG_ID",
  "OPENAI_PROJECT_ID",
];

/**
 * Runs `fn` with the client's environment variables set as given (the others
 * unset, whatever the developer's shell exports) and restores them after.
 */
export async function withEnv(
  values: Record<string, string>,
  fn: () => unknown,
): Promise<void> {
  const saved = ENV.map((name) => [name, Deno.env.get(name)] as const);
  try {
    for (const name of ENV) Deno.env.delete(name);
    for (const [name, value] of Object.entries(values)) {
      Deno.env.set(name, value);
    }
    await fn();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) Deno.env.delete(name);
      else Deno.env.set(name, value);
    }
  }
}

/**
 * Runs module `source` in a fresh Worker (its own module graph, so module
 * state such as cached globals starts anew) and resolves to the first
 * message it posts; an uncaught error in it rejects.
 */
export async function inWorker(source: string): Promise<unknown> {
  const url = URL.createObjectURL(
    new Blob([source], { type: "application/javascript" }),
  );
  const worker = new Worker(url, { type: "module" });
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        reject(new Error(e.message));
      };
    });
  } finally {
    worker.terminate();
    URL.revokeObjectURL(url);
  }
}

/** Compile-time equality: `Assert<Equals<A, B>>` fails `deno check` unless A and B are the same type. */
export type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends
  (<X>() => X extends B ? 1 : 2) ? true : false;

/** Accepts only `true`; see {@link Equals}. */
export type Assert<T extends true> = T;
