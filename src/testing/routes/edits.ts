/**
 * Mock route for the legacy edits endpoint: replies `Echo: <input>`.
 *
 * @module
 */

import type { CreateEditResponse } from "../../resources/edits.ts";
import { countWords, MOCK_CREATED } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import { checkN } from "../echo.ts";

interface EditBody {
  model?: unknown;
  input?: unknown;
  instruction?: unknown;
  n?: unknown;
}

function createEdit(ctx: MockContext): CreateEditResponse | Response {
  const body = (ctx.body ?? {}) as EditBody;
  if (typeof body.model !== "string") {
    return errorResponse(400, "You must provide a model parameter", {
      param: "model",
    });
  }
  if (typeof body.instruction !== "string") {
    return errorResponse(400, "You must provide an instruction parameter", {
      param: "instruction",
    });
  }
  const n = body.n ?? 1;
  const nError = checkN(n, 20);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const input = typeof body.input === "string" ? body.input : "";
  const text = input ? `Echo: ${input}` : "Echo:";
  const promptTokens = countWords(input) + countWords(body.instruction);
  const completionTokens = countWords(text) * (n as number);
  return {
    object: "edit",
    created: MOCK_CREATED,
    choices: Array.from({ length: n as number }, (_, index) => ({
      text,
      index,
      finish_reason: "stop",
    })),
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
  };
}

/**
 * The edit route (`createEdit`): `n` choices of `Echo: <input>`; 400 without
 * `model` or `instruction`, or with `n` outside 1 to 20.
 *
 * @example
 * ```ts
 * import { editRoutes } from "./edits.ts";
 * editRoutes[0].path; // "/edits"
 * ```
 */
export const editRoutes: Route[] = [
  {
    operationId: "createEdit",
    method: "POST",
    path: "/edits",
    handle: createEdit,
  },
];
