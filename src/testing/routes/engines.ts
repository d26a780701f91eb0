/**
 * Mock routes for the deprecated engines endpoints and document search.
 *
 * @module
 */

import type { CreateSearchResponse, Engine } from "../../resources/engines.ts";
import { MOCK_CREATED } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";
import {
  legacyDocuments,
  metadataOf,
  mostSimilar,
} from "./legacy_documents.ts";

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

function findEngine(id: string): Engine | Response {
  return MOCK_ENGINES.find((e) => e.id === id) ??
    errorResponse(404, `No such engine: ${id}`, {
      param: "engine_id",
      code: "engine_not_found",
    });
}

async function createSearch(
  ctx: MockContext,
): Promise<CreateSearchResponse | Response> {
  const found = findEngine(ctx.params.engine_id);
  if (found instanceof Response) return found;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (typeof body.query !== "string" || body.query === "") {
    return errorResponse(400, "You must provide a non-empty query parameter", {
      param: "query",
    });
  }
  const given = await legacyDocuments(ctx, body, {
    name: "documents",
    max: 200,
    purpose: "search",
    inline: (items) =>
      items.length > 0 && items.every((d) => typeof d === "string")
        ? items.map((text) => ({ text }))
        : errorResponse(400, "Invalid documents: expected 1 to 200 strings", {
          param: "documents",
        }),
  });
  if (given instanceof Response) return given;
  const query = body.query;
  const metadata = given.fromFile && body.return_metadata === true;
  const data = given.docs.map((doc, document) => ({
    object: "search_result",
    document,
    score: overlapScore(query, doc.text),
    ...metadataOf(doc, metadata),
  }));
  return {
    object: "list",
    model: found.id,
    data: given.fromFile ? mostSimilar(data, body.max_rerank) : data,
  };
}

/**
 * The engine routes: `listEngines`, `retrieveEngine` (404 for unknown ids)
 * and `createSearch` (an {@link overlapScore} per document, given inline or
 * read from an uploaded `search` file; with a file, `max_rerank` keeps the
 * best-scoring documents and `return_metadata` adds each one's metadata).
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
