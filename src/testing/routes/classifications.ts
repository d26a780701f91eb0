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
import { overlapScore } from "./engines.ts";
import {
  legacyDocuments,
  metadataOf,
  mostSimilar,
} from "./legacy_documents.ts";

const isPair = (x: unknown): x is [string, string] =>
  Array.isArray(x) && x.length === 2 &&
  x.every((s) => typeof s === "string" && s !== "");

async function createClassification(
  ctx: MockContext,
): Promise<CreateClassificationResponse | Response> {
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  for (const name of ["model", "query"]) {
    if (typeof body[name] !== "string" || body[name] === "") {
      return errorResponse(400, `You must provide a ${name} parameter`, {
        param: name,
      });
    }
  }
  const given = await legacyDocuments(ctx, body, {
    name: "examples",
    max: 200,
    purpose: "classifications",
    inline: (items) =>
      items.length >= 2 && items.every(isPair)
        ? items.map(([text, label]) => ({ text, label }))
        : errorResponse(
          400,
          "Invalid examples: expected 2 to 200 [text, label] pairs",
          { param: "examples" },
        ),
  });
  if (given instanceof Response) return given;
  const examples = given.docs;
  const labels = body.labels ?? [...new Set(examples.map((e) => e.label!))];
  if (!Array.isArray(labels) || labels.length === 0) {
    return errorResponse(400, "Invalid labels: expected an array of strings", {
      param: "labels",
    });
  }
  const query = body.query as string;
  const scored = examples.map((example, document) => ({
    document,
    example,
    score: overlapScore(query, example.text),
  }));
  const ranked =
    (given.fromFile ? mostSimilar(scored, body.max_examples) : scored)
      .sort((a, b) => b.score - a.score || a.document - b.document);
  const best = ranked.find((e) => labels.includes(e.example.label));
  const metadata = given.fromFile && body.return_metadata === true;
  const result: CreateClassificationResponse = {
    object: "classification",
    model: body.model as string,
    search_model: typeof body.search_model === "string"
      ? body.search_model
      : "ada",
    completion: mockId("cmpl", body),
    label: best?.example.label ?? String(labels[0]),
    selected_examples: ranked.filter((e) => e.score > 0 || e === best)
      .map(({ document, example }) => ({
        document,
        text: example.text,
        label: example.label,
        ...metadataOf(example, metadata),
      })),
  };
  if (body.return_prompt === true) {
    const lines = examples.map(({ text, label }) =>
      `Example: ${text}\nLabel: ${label}`
    );
    result.prompt = `${lines.join("\n")}\nExample: ${query}\nLabel:`;
  }
  return result;
}

/**
 * The classification route (`createClassification`): picks the label of the
 * example that shares the most words with the query (among `labels` when
 * given), from the examples given inline or read from an uploaded
 * `classifications` file (with a file, `max_examples` and `return_metadata`
 * apply).
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
