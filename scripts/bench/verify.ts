/**
 * Checks that every contender did the work it was measured on, so none can
 * come out ahead by skipping some: each stream's content and each call's
 * result must be what the mock sends. The expected figures come from the
 * mock itself (non-streamed replies and its echo model), not from a
 * contender.
 *
 * @module
 */

import { cyclePieces, splitPieces } from "../../src/testing/echo.ts";
import { type Name, REQUESTS } from "./contenders.ts";

/** What the mock sends the contenders' requests. */
export interface Expected {
  /** Characters of content in one reply to a call. */
  call: number;
  /** Characters of content in one stream of the chunks asked for. */
  stream: number;
}

async function replyText(baseURL: string, body: unknown): Promise<string> {
  const response = await fetch(baseURL + "/chat/completions", {
    method: "POST",
    headers: {
      authorization: "Bearer " + REQUESTS.key,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `The mock answered ${response.status}: ${await response.text()}`,
    );
  }
  const reply = await response.json() as {
    choices: { message: { content: string } }[];
  };
  return reply.choices[0].message.content;
}

/**
 * Asks the mock at `baseURL` what it sends the contenders: the reply to a
 * call, and the full text of the streamed reply, cut into `chunks` pieces
 * the way the mock streams it.
 *
 * @example
 * ```ts ignore
 * const expected = await expectedContent("http://127.0.0.1:4010/v1", 20_000);
 * ```
 */
export async function expectedContent(
  baseURL: string,
  chunks: number,
): Promise<Expected> {
  const call = (await replyText(baseURL, REQUESTS.call)).length;
  const text = await replyText(baseURL, { ...REQUESTS.stream, stream: false });
  let stream = 0;
  for (const piece of cyclePieces(splitPieces(text), chunks)) {
    stream += piece.length;
  }
  return { call, stream };
}

/**
 * Throws unless one child's result (child.ts) holds the content the mock
 * sent: a stream's total for `stream` and `memory`, the sum of `calls` call
 * results for `calls1` and `calls16` (child.ts also checks each call).
 *
 * @example
 * ```ts
 * import { verifyRun } from "./verify.ts";
 * verifyRun("stream", "ours", { content: 9 }, { call: 17, stream: 9 }, 2000);
 * ```
 */
export function verifyRun(
  kind: string,
  name: Name,
  result: Record<string, number>,
  expected: Expected,
  calls: number,
): void {
  const want = kind === "stream" || kind === "memory"
    ? expected.stream
    : kind === "calls1" || kind === "calls16"
    ? expected.call * calls
    : undefined;
  if (want !== undefined && result.content !== want) {
    throw new Error(
      `${name} ${kind}: ${result.content} characters of content, not the ${want} the mock sent`,
    );
  }
}
