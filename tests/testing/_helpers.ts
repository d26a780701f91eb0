/**
 * Shared helpers for the mock server tests: run a test against the mock over
 * HTTP and in-process, and take SSE bodies apart.
 *
 * @module
 */

import { MockOpenAI, type MockOptions, serveMock } from "../../testing.ts";

/** A mock reached either over HTTP or through `mock.fetch`. */
export interface Target {
  kind: "http" | "local";
  url: string;
  mock: MockOpenAI;
  fetch: typeof fetch;
}

/** Both ways of reaching the mock. */
export const KINDS = ["http", "local"] as const;

/** Headers every authorised JSON request carries. */
export const AUTH = {
  authorization: "Bearer sk-test",
  "content-type": "application/json",
};

/** Runs `fn` against a fresh mock reached the `kind` way. */
export async function withTarget(
  kind: Target["kind"],
  options: MockOptions | undefined,
  fn: (target: Target) => Promise<void>,
): Promise<void> {
  if (kind === "local") {
    const mock = new MockOpenAI(options);
    return await fn({
      kind,
      url: "http://mock.local/v1",
      mock,
      fetch: mock.fetch,
    });
  }
  await using server = await serveMock(options);
  await fn({ kind, url: server.url, mock: server.mock, fetch });
}

/** POSTs `body` as JSON with the test key. */
export function post(
  target: Target,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return target.fetch(`${target.url}${path}`, {
    method: "POST",
    headers: { ...AUTH, ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

/** Reads a whole body as its chunks. */
export async function readChunks(res: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of res.body!) chunks.push(chunk);
  return chunks;
}

/** Decodes chunks with one streaming decoder, as a client would. */
export function decodeChunks(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder();
  return chunks.map((c) => decoder.decode(c, { stream: true })).join("") +
    decoder.decode();
}

/** The `data` payload of every event in an event-stream text. */
export function parseEvents(text: string): string[] {
  const events: string[] = [];
  let data: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === "") {
      if (data.length) events.push(data.join("\n"));
      data = [];
    } else if (line.startsWith("data:")) {
      data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
    }
  }
  return events;
}

/** Reads a streamed body and returns its event payloads. */
export async function readEvents(res: Response): Promise<string[]> {
  return parseEvents(decodeChunks(await readChunks(res)));
}

/** A chat request body with one user message. */
export function chat(content: string, extra: Record<string, unknown> = {}) {
  return {
    model: "gpt-3.5-turbo",
    messages: [{ role: "user", content }],
    ...extra,
  };
}
