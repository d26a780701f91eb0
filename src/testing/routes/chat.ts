/**
 * Mock route for chat completions: replies `Echo: <last user message>`.
 *
 * @module
 */

import { errorResponse } from "../errors.ts";
import {
  checkN,
  contentText,
  countWords,
  cyclePieces,
  limitWords,
  MOCK_CREATED,
  mockId,
  splitPieces,
} from "../echo.ts";
import type { MockContext, Route } from "../route.ts";

interface ChatBody {
  model?: unknown;
  messages?: { role?: string; content?: unknown; name?: unknown }[];
  functions?: { name?: string }[];
  function_call?: unknown;
  n?: number;
  stream?: boolean;
  max_tokens?: number;
}

function forcedFunction(body: ChatBody): string | Response | undefined {
  const call = body.function_call;
  if (!call || typeof call !== "object" || !Array.isArray(body.functions)) {
    return undefined;
  }
  const name = String((call as { name?: unknown }).name);
  if (body.functions.some((f) => f?.name === name)) return name;
  return errorResponse(
    400,
    `Invalid function_call: no function named ${name}`,
    {
      param: "function_call",
    },
  );
}

function* streamEvents(
  base: Record<string, unknown>,
  n: number,
  pieces: Iterable<string>,
  finish: string,
  fn?: string,
): Generator<unknown> {
  const chunk = (choices: unknown[]) => ({ ...base, choices });
  const choices = (delta: (i: number) => unknown, finish: string | null) =>
    Array.from({ length: n }, (_, i) => ({
      index: i,
      delta: delta(i),
      finish_reason: finish,
    }));
  let first = true;
  if (fn) {
    const start = { name: fn, arguments: "" };
    yield chunk(
      choices(
        () => ({ role: "assistant", content: null, function_call: start }),
        null,
      ),
    );
    yield chunk(choices(() => ({ function_call: { arguments: "{}" } }), null));
    first = false;
  } else {
    for (const content of pieces) {
      // One chunk per choice, like the API, each carrying its own index.
      for (let i = 0; i < n; i++) {
        const delta = first ? { role: "assistant", content } : { content };
        yield chunk([{ index: i, delta, finish_reason: null }]);
      }
      first = false;
    }
  }
  yield chunk(choices(() => (first ? { role: "assistant" } : {}), finish));
}

function createChatCompletion(ctx: MockContext): unknown {
  const body = ctx.body as ChatBody | undefined;
  if (!body || typeof body !== "object" || typeof body.model !== "string") {
    return errorResponse(400, "You must provide a model parameter", {
      param: "model",
    });
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return errorResponse(400, "Invalid messages: expected a non-empty array", {
      param: "messages",
    });
  }
  // The schema cannot say that a function result must name its function.
  const nameless = body.messages.findIndex((m) =>
    m?.role === "function" && typeof m.name !== "string"
  );
  if (nameless >= 0) {
    return errorResponse(
      400,
      `Missing parameter 'name': messages with role 'function' must have a 'name'`,
      { param: `messages[${nameless}].name` },
    );
  }
  const nError = checkN(body.n);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const fn = forcedFunction(body);
  if (fn instanceof Response) return fn;
  const n = body.n ?? 1;
  const lastUser = body.messages.findLast((m) => m?.role === "user");
  const said = contentText(lastUser?.content);
  const { text, cut } = limitWords(
    said ? `Echo: ${said}` : "Echo:",
    body.max_tokens,
  );
  const finish = fn ? "function_call" : cut ? "length" : "stop";
  const base = {
    id: mockId("chatcmpl", body),
    object: body.stream ? "chat.completion.chunk" : "chat.completion",
    created: MOCK_CREATED,
    model: body.model,
  };

  if (body.stream) {
    const pieces = cyclePieces(splitPieces(text), ctx.streamChunks);
    return ctx.sse(streamEvents(base, n, pieces, finish, fn));
  }
  const message = fn
    ? {
      role: "assistant",
      content: null,
      function_call: { name: fn, arguments: "{}" },
    }
    : { role: "assistant", content: text };
  const promptTokens = body.messages.reduce(
    (sum, m) => sum + countWords(contentText(m?.content)),
    0,
  );
  const completionTokens = fn ? 1 : countWords(text) * n;
  return {
    ...base,
    choices: Array.from(
      { length: n },
      (_, index) => ({ index, message, finish_reason: finish }),
    ),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/**
 * The chat completion route (`createChatCompletion`). Streams word pieces
 * as `chat.completion.chunk` deltas; honours `n`, `max_tokens` (in words)
 * and a forced `function_call: {name}`.
 *
 * @example
 * ```ts
 * import { chatRoutes } from "./chat.ts";
 * chatRoutes[0].path; // "/chat/completions"
 * ```
 */
export const chatRoutes: Route[] = [
  {
    operationId: "createChatCompletion",
    method: "POST",
    path: "/chat/completions",
    handle: createChatCompletion,
  },
];
