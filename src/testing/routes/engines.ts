/**
 * Mock routes for the deprecated engines endpoints and document search.
 *
 * @module
 */

import type { CreateSearchResponse, Engine } from "../../resources/engines.ts";
import { MOCK_CREATED } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

const engine = (id: string, owner: string): Engine => ({
  id,
  object: "engine",
  created: MOCK_CREATED,
  owner,
  ready: true,
});

/**
 * The engines the mock knows.
 *
 * @example
 * ```ts
 * import { MOCK_ENGINES } from "./engines.ts";
 * MOCK_ENGINES.map((e) => e.id).includes("davinci"); // true
 * ```
 */
export const MOCK_ENGINES: readonly Engine[] = [
  engine("ada", "openai"),
  engine("babbage", "openai"),
  engine("curie", "openai"),
  engine("davinci", "openai"),
  engine("text-davinci-003", "openai-internal"),
];

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * The mock's similarity of `query` and `text`: the share of the query's
 * distinct words that appear in `text`, scaled to 0..300 like the real
 * search scores (above 200 means closely related).
 *
 * @example
 * ```ts
 * import { overlapScore } from "./engines.ts";
 * overlapScore("the president", "The president spoke"); // 300
 * ```
 */
export function overlapScore(query: string, text: string): number {
  const q = words(query);
  if (q.size === 0) return 0;
  const t = words(text);
  let shared = 0;
  for (const w of q) if (t.has(w)) shared++;
  return Math.round((300 * shared / q.size) * 1000) / 1000;
}

/**
 * Checks that a legacy request gives exactly one of `documents` (strings,
 * at most `max`) or `file`; returns the documents, or a 400 response.
 *
 * @example
 * ```ts
 * import { documentsOf } from "./engines.ts";
 * documentsOf({ documents: ["a", "b"] }, "documents", 200); // ["a", "b"]
 * ```
 */
export function documentsOf(
  body: Record<string, unknown>,
  name: string,
  max: number,
  required = true,
): unknown[] | Response {
  const docs = body[name];
  const hasDocs = docs !== undefined && docs !== null;
  const hasFile = body.file !== undefined && body.file !== null;
  if (hasDocs && hasFile) {
    return errorResponse(
      400,
      `Invalid request: give ${name} or file, not both`,
      {
        param: name,
      },
    );
  }
  if (hasFile) {
    return errorResponse(
      404,
      `No such File object: ${
        String(body.file)
      } (the mock only reads ${name} given inline)`,
      { param: "file" },
    );
  }
  if (!hasDocs) {
    if (!required) return [];
    return errorResponse(400, `You must provide ${name} or file`, {
      param: name,
    });
  }
  if (!Array.isArray(docs) || docs.length > max) {
    return errorResponse(
      400,
      `Invalid ${name}: expected an array of at most ${max} items`,
      { param: name },
    );
  }
  return docs;
}

function findEngine(id: string): Engine | Response {
  return MOCK_ENGINES.find((e) => e.id === id) ??
    errorResponse(404, `No such engine: ${id}`, {
      param: "engine_id",
      code: "engine_not_found",
    });
}

function createSearch(ctx: MockContext): CreateSearchResponse | Response {
  const found = findEngine(ctx.params.engine_id);
  if (found instanceof Response) return found;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.query !== "string" || body.query === "") {
    return errorResponse(400, "You must provide a non-empty query parameter", {
      param: "query",
    });
  }
  const docs = documentsOf(body, "documents", 200);
  if (docs instanceof Response) return docs;
  if (docs.length === 0 || !docs.every((d) => typeof d === "string")) {
    return errorResponse(
      400,
      "Invalid documents: expected 1 to 200 strings",
      { param: "documents" },
    );
  }
  const query = body.query;
  return {
    object: "list",
    model: found.id,
    data: (docs as string[]).map((text, document) => ({
      object: "search_result",
      document,
      score: overlapScore(query, text),
    })),
  };
}

/**
 * The engine routes: `listEngines`, `retrieveEngine` (404 for unknown ids)
 * and `createSearch` (an {@link overlapScore} per document).
 *
 * @example
 * ```ts
 * import { engineRoutes } from "./engines.ts";
 * engineRoutes.map((r) => r.operationId); // ["listEngines", "retrieveEngine", "createSearch"]
 * ```
 */
export const engineRoutes: Route[] = [
  {
    operationId: "listEngines",
    method: "GET",
    path: "/engines",
    handle: () => ({ object: "list", data: MOCK_ENGINES }),
  },
  {
    operationId: "retrieveEngine",
    method: "GET",
    path: "/engines/{engine_id}",
    handle: ({ params }) => findEngine(params.engine_id),
  },
  {
    operationId: "createSearch",
    method: "POST",
    path: "/engines/{engine_id}/search",
    handle: createSearch,
  },
];
