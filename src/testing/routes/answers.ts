/**
 * Mock route for the deprecated answers endpoint: answers with the document
 * that best matches the question.
 *
 * @module
 */

import type { CreateAnswerResponse } from "../../resources/answers.ts";
import { mockId } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import { documentsOf, overlapScore } from "./engines.ts";
import { checkN } from "../echo.ts";

const isPair = (x: unknown): x is [string, string] =>
  Array.isArray(x) && x.length === 2 &&
  x.every((s) => typeof s === "string" && s !== "");

function required(body: Record<string, unknown>): Response | undefined {
  for (const name of ["model", "question", "examples_context"]) {
    if (typeof body[name] !== "string" || body[name] === "") {
      return errorResponse(400, `You must provide a ${name} parameter`, {
        param: name,
      });
    }
  }
  const examples = body.examples;
  if (
    !Array.isArray(examples) || examples.length === 0 ||
    examples.length > 200 || !examples.every(isPair)
  ) {
    return errorResponse(
      400,
      "Invalid examples: expected 1 to 200 [question, answer] pairs",
      { param: "examples" },
    );
  }
  return undefined;
}

function createAnswer(ctx: MockContext): CreateAnswerResponse | Response {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const problem = required(body);
  if (problem) return problem;
  const docs = documentsOf(body, "documents", 200, false);
  if (docs instanceof Response) return docs;
  if (!docs.every((d) => typeof d === "string")) {
    return errorResponse(400, "Invalid documents: expected strings", {
      param: "documents",
    });
  }
  const n = body.n ?? 1;
  const nError = checkN(n, 10);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const question = body.question as string;
  const ranked = (docs as string[])
    .map((text, document) => ({
      document,
      text,
      score: overlapScore(question, text),
    }))
    .filter((d) => d.score > 0)
    .sort((a, b) => b.score - a.score || a.document - b.document);
  const answer = ranked[0]?.text ?? `Echo: ${question}`;
  const result: CreateAnswerResponse = {
    object: "answer",
    model: body.model as string,
    search_model: typeof body.search_model === "string"
      ? body.search_model
      : "ada",
    completion: mockId("cmpl", body),
    answers: Array.from({ length: n as number }, () => answer),
    selected_documents: ranked.map(({ document, text }) => ({
      document,
      text,
    })),
  };
  if (body.return_prompt === true) {
    const examples = (body.examples as [string, string][])
      .map(([q, a]) => `Q: ${q}\nA: ${a}`).join("\n");
    result.prompt = `${body.examples_context}\n${examples}\nQ: ${question}\nA:`;
  }
  return result;
}

/**
 * The answer route (`createAnswer`): `n` copies of the document that shares
 * the most words with the question (or `Echo: <question>` when none does).
 *
 * @example
 * ```ts
 * import { answerRoutes } from "./answers.ts";
 * answerRoutes[0].path; // "/answers"
 * ```
 */
export const answerRoutes: Route[] = [
  {
    operationId: "createAnswer",
    method: "POST",
    path: "/answers",
    handle: createAnswer,
  },
];
