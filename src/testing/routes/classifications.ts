/**
 * Mock route for the deprecated classifications endpoint: labels a query
 * like the example that shares the most words with it.
 *
 * @module
 */

import type { CreateClassificationResponse } from "../../resources/classifications.ts";
import { mockId } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import { documentsOf, overlapScore } from "./engines.ts";

const isPair = (x: unknown): x is [string, string] =>
  Array.isArray(x) && x.length === 2 &&
  x.every((s) => typeof s === "string" && s !== "");

function createClassification(
  ctx: MockContext,
): CreateClassificationResponse | Response {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  for (const name of ["model", "query"]) {
    if (typeof body[name] !== "string" || body[name] === "") {
      return errorResponse(400, `You must provide a ${name} parameter`, {
        param: name,
      });
    }
  }
  const given = documentsOf(body, "examples", 200);
  if (given instanceof Response) return given;
  if (given.length < 2 || !given.every(isPair)) {
    return errorResponse(
      400,
      "Invalid examples: expected 2 to 200 [text, label] pairs",
      { param: "examples" },
    );
  }
  const examples = given as [string, string][];
  const labels = body.labels ?? [...new Set(examples.map(([, l]) => l))];
  if (!Array.isArray(labels) || labels.length === 0) {
    return errorResponse(400, "Invalid labels: expected an array of strings", {
      param: "labels",
    });
  }
  const query = body.query as string;
  const ranked = examples
    .map(([text, label], document) => ({
      document,
      text,
      label,
      score: overlapScore(query, text),
    }))
    .sort((a, b) => b.score - a.score || a.document - b.document);
  const best = ranked.find((e) => labels.includes(e.label));
  const result: CreateClassificationResponse = {
    object: "classification",
    model: body.model as string,
    search_model: typeof body.search_model === "string"
      ? body.search_model
      : "ada",
    completion: mockId("cmpl", body),
    label: best?.label ?? String(labels[0]),
    selected_examples: ranked.filter((e) => e.score > 0 || e === best)
      .map(({ document, text, label }) => ({ document, text, label })),
  };
  if (body.return_prompt === true) {
    const lines = examples.map(([text, label]) =>
      `Example: ${text}\nLabel: ${label}`
    );
    result.prompt = `${lines.join("\n")}\nExample: ${query}\nLabel:`;
  }
  return result;
}

/**
 * The classification route (`createClassification`): picks the label of the
 * example that shares the most words with the query (among `labels` when
 * given).
 *
 * @example
 * ```ts
 * import { classificationRoutes } from "./classifications.ts";
 * classificationRoutes[0].path; // "/classifications"
 * ```
 */
export const classificationRoutes: Route[] = [
  {
    operationId: "createClassification",
    method: "POST",
    path: "/classifications",
    handle: createClassification,
  },
];
