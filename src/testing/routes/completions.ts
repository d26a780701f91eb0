/**
 * Mock route for legacy text completions: replies `Echo: <prompt>`, with
 * made-up log probabilities when `logprobs` asks for them.
 *
 * @module
 */

import { errorResponse } from "../errors.ts";
import {
  checkN,
  countWords,
  cyclePieces,
  limitWords,
  MOCK_CREATED,
  mockId,
  splitPieces,
} from "../echo.ts";
import type { MockContext, Route } from "../route.ts";

interface CompletionBody {
  model?: unknown;
  prompt?: unknown;
  n?: number;
  best_of?: number | null;
  stream?: boolean;
  echo?: boolean;
  max_tokens?: number;
  logprobs?: number | null;
}

/** The logprobs object of a completion choice (or of one streamed piece). */
interface Logprobs {
  tokens: string[];
  token_logprobs: number[];
  top_logprobs: Record<string, number>[];
  text_offset: number[];
}

/**
 * Made-up but deterministic log probabilities for `text`, one token per word
 * piece, starting at character `offset` of the choice's text: each token
 * with `top` alternatives (`top + 1` entries, as the API sends at most).
 */
function logprobsOf(text: string, top: number, offset = 0): Logprobs {
  const out: Logprobs = {
    tokens: [],
    token_logprobs: [],
    top_logprobs: [],
    text_offset: [],
  };
  for (const token of splitPieces(text)) {
    const logprob = -((token.length % 7) + 1) / 10;
    const alternatives: Record<string, number> = { [token]: logprob };
    for (let i = 1; i <= top; i++) alternatives[`${token}~${i}`] = logprob - i;
    out.tokens.push(token);
    out.token_logprobs.push(logprob);
    out.top_logprobs.push(alternatives);
    out.text_offset.push(offset);
    offset += token.length;
  }
  return out;
}

// A prompt may be a string, strings, a token array or token arrays; tokens
// are echoed as their numbers.
function prompts(prompt: unknown): string[] {
  if (prompt === undefined || prompt === null) return [""];
  if (typeof prompt === "string") return [prompt];
  if (!Array.isArray(prompt)) return [String(prompt)];
  if (prompt.every((p) => typeof p === "number")) return [prompt.join(" ")];
  return prompt.map((p) => (Array.isArray(p) ? p.join(" ") : String(p)));
}

function* streamEvents(
  base: Record<string, unknown>,
  texts: string[],
  n: number,
  count: number | undefined,
  finishes: string[],
  top: number | null | undefined,
): Generator<unknown> {
  const total = texts.length * n;
  const iterators = texts.map((text) => cyclePieces(splitPieces(text), count));
  // Where each prompt's next piece starts in its choices' text.
  const offsets = texts.map(() => 0);
  // Round-robin over prompts; each piece goes to every choice of its prompt.
  let active = true;
  while (active) {
    active = false;
    for (let p = 0; p < texts.length; p++) {
      const next = iterators[p].next();
      if (next.done) continue;
      active = true;
      const logprobs = top == null
        ? null
        : logprobsOf(next.value, top, offsets[p]);
      offsets[p] += next.value.length;
      for (let j = 0; j < n; j++) {
        const choice = {
          text: next.value,
          index: p * n + j,
          logprobs,
          finish_reason: null,
        };
        yield { ...base, choices: [choice] };
      }
    }
  }
  yield {
    ...base,
    choices: Array.from({ length: total }, (_, index) => ({
      text: "",
      index,
      logprobs: null,
      finish_reason: finishes[Math.floor(index / n)],
    })),
  };
}

function createCompletion(ctx: MockContext): unknown {
  const body = ctx.body as CompletionBody | undefined;
  if (!body || typeof body !== "object" || typeof body.model !== "string") {
    return errorResponse(400, "You must provide a model parameter", {
      param: "model",
    });
  }
  const nError = checkN(body.n);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const n = body.n ?? 1;
  const bestOf = body.best_of ?? 1;
  if (bestOf > 1 && body.stream) {
    return errorResponse(
      400,
      `Invalid best_of: ${bestOf} (results cannot be streamed when best_of is above 1)`,
      { param: "best_of" },
    );
  }
  if (body.best_of != null && bestOf < n) {
    return errorResponse(
      400,
      `Invalid best_of: ${bestOf} (it must be at least n, which is ${n})`,
      { param: "best_of" },
    );
  }
  const inputs = prompts(body.prompt);
  const results = inputs.map((p) => {
    const reply = limitWords(p ? `Echo: ${p}` : "Echo:", body.max_tokens);
    return {
      text: (body.echo ? p : "") + reply.text,
      finish: reply.cut ? "length" : "stop",
    };
  });
  const base = {
    id: mockId("cmpl", body),
    object: "text_completion",
    created: MOCK_CREATED,
    model: body.model,
  };
  if (body.stream) {
    const texts = results.map((r) => r.text);
    const finishes = results.map((r) => r.finish);
    return ctx.sse(
      streamEvents(base, texts, n, ctx.streamChunks, finishes, body.logprobs),
    );
  }
  const promptTokens = inputs.reduce((sum, p) => sum + countWords(p), 0);
  const completionTokens =
    results.reduce((sum, r) => sum + countWords(r.text), 0) * n;
  return {
    ...base,
    choices: results.flatMap((r, p) =>
      Array.from({ length: n }, (_, j) => ({
        text: r.text,
        index: p * n + j,
        logprobs: body.logprobs == null
          ? null
          : logprobsOf(r.text, body.logprobs),
        finish_reason: r.finish,
      }))
    ),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/**
 * The text completion route (`createCompletion`). Every prompt gets `n`
 * choices; streaming sends word pieces as `text_completion` chunks.
 *
 * @example
 * ```ts
 * import { completionRoutes } from "./completions.ts";
 * completionRoutes[0].operationId; // "createCompletion"
 * ```
 */
export const completionRoutes: Route[] = [
  {
    operationId: "createCompletion",
    method: "POST",
    path: "/completions",
    handle: createCompletion,
  },
];
