/**
 * Helpers for the fault and security tests: a guarded `Deno.test` that fails
 * on any unhandled rejection, a client over the mock served on 127.0.0.1, and
 * raw TCP servers that misbehave below HTTP.
 *
 * @module
 */

import OpenAI, { type ClientOptions } from "../../mod.ts";
import { type MockOpenAI, type MockOptions, serveMock } from "../../testing.ts";
import { AssertionError } from "../_assert.ts";

/** The key every client here uses; the security tests check it never shows. */
export const KEY = "sk-faults-SECRET-4f2a9c7e1b3d";

/** A chat body for `chat.completions.create`. */
export const CHAT = {
  model: "gpt-4",
  messages: [{ role: "user" as const, content: "one two three" }],
};

/** What the mock's echo model streams for {@link CHAT}. */
export const ECHO = "Echo: one two three";

/**
 * `Deno.test` with the sanitizers on, failing if any promise rejection went
 * unhandled while the test ran (a rejection nobody awaits is a lost error).
 */
export function test(
  name: string,
  fn: (t: Deno.TestContext) => Promise<void> | void,
): void {
  Deno.test(name, async (t) => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      event.preventDefault();
      unhandled.push(event.reason);
    };
    globalThis.addEventListener("unhandledrejection", onUnhandled);
    try {
      await fn(t);
      // Rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      globalThis.removeEventListener("unhandledrejection", onUnhandled);
    }
    if (unhandled.length > 0) {
      throw new AssertionError(
        `Unhandled rejection: ${Deno.inspect(unhandled[0])}`,
      );
    }
  });
}

/** A mock served over HTTP and a client for it; dispose with `await using`. */
export async function served(
  options: ClientOptions = {},
  mockOptions: MockOptions = {},
): Promise<{
  client: OpenAI;
  mock: MockOpenAI;
  url: string;
  [Symbol.asyncDispose](): Promise<void>;
}> {
  const server = await serveMock({ apiKey: KEY, ...mockOptions });
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: server.url,
    maxRetries: 0,
    ...options,
  });
  return {
    client,
    mock: server.mock,
    url: server.url,
    [Symbol.asyncDispose]: server.close,
  };
}

/** A port that was just listened on and closed, so connecting is refused. */
export function closedPort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  return port;
}

/**
 * A raw TCP server on 127.0.0.1 that hands each connection to `onConn` and
 * closes it afterwards; `accepted` counts connections.
 */
export function rawServer(
  onConn: (conn: Deno.TcpConn) => Promise<void>,
): {
  url: string;
  readonly accepted: number;
  [Symbol.asyncDispose](): Promise<void>;
} {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const handlers: Promise<void>[] = [];
  let accepted = 0;
  const loop = (async () => {
    for await (const conn of listener) {
      accepted++;
      handlers.push(
        onConn(conn).catch(() => {}).finally(() => {
          try {
            conn.close();
          } catch {
            // Already closed by the handler.
          }
        }),
      );
    }
  })().catch(() => {});
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${listener.addr.port}/v1`,
    get accepted() {
      return accepted;
    },
    [Symbol.asyncDispose]() {
      return closing ??= (async () => {
        listener.close();
        await loop;
        await Promise.all(handlers);
      })();
    },
  };
}

/** Reads from `conn` until the end of the request headers (or EOF). */
export async function readHead(conn: Deno.Conn): Promise<string> {
  const buf = new Uint8Array(4096);
  let head = "";
  while (!head.includes("\r\n\r\n")) {
    const n = await conn.read(buf);
    if (n === null) break;
    head += new TextDecoder().decode(buf.subarray(0, n));
  }
  return head;
}

/** Runs `fn` and returns its result with the milliseconds it took. */
export async function timed<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Collects every chunk's content delta until the stream ends or throws. */
export async function drain(
  stream: AsyncIterable<{ choices: { delta: { content?: string | null } }[] }>,
  seen: string[] = [],
): Promise<string> {
  for await (const chunk of stream) {
    seen.push(chunk.choices[0]?.delta.content ?? "");
  }
  return seen.join("");
}
