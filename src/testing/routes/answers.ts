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
import { overlapScore } from "./engines.ts";
import {
  legacyDocuments,
  metadataOf,
  mostSimilar,
} from "./legacy_documents.ts";
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

async function createAnswer(
  ctx: MockContext,
): Promise<CreateAnswerResponse | Response> {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const problem = required(body);
  if (problem) return problem;
  const given = await legacyDocuments(ctx, body, {
    name: "documents",
    max: 200,
    purpose: "answers",
    required: false,
    inline: (items) =>
      items.every((d) => typeof d === "string")
        ? items.map((text) => ({ text }))
        : errorResponse(400, "Invalid documents: expected strings", {
          param: "documents",
        }),
  });
  if (given instanceof Response) return given;
  const n = body.n ?? 1;
  const nError = checkN(n, 10);
  if (nError) return errorResponse(400, nError, { param: "n" });
  const question = body.question as string;
  const scored = given.docs.map((doc, document) => ({
    document,
    doc,
    score: overlapScore(question, doc.text),
  }));
  const metadata = given.fromFile && body.return_metadata === true;
  const ranked =
    (given.fromFile ? mostSimilar(scored, body.max_rerank) : scored)
      .filter((d) => d.score > 0)
      .sort((a, b) => b.score - a.score || a.document - b.document);
  const answer = ranked[0]?.doc.text ?? `Echo: ${question}`;
  const result: CreateAnswerResponse = {
    object: "answer",
    model: body.model as string,
    search_model: typeof body.search_model === "string"
      ? body.search_model
      : "ada",
    completion: mockId("cmpl", body),
    answers: Array.from({ length: n as number }, () => answer),
    selected_documents: ranked.map(({ document, doc }) => ({
      document,
      text: doc.text,
      ...metadataOf(doc, metadata),
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
 * the most words with the question (or `Echo: <question>` when none does),
 * among the documents given inline or read from an uploaded `answers` file
 * (with a file, `max_rerank` and `return_metadata` apply).
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
