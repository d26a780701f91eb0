/**
 * Mock route for embeddings: a deterministic unit vector per input item.
 *
 * @module
 */

import type {
  CreateEmbeddingResponse,
  Embedding,
} from "../../resources/embeddings.ts";
import { countWords } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

/** How many dimensions the mock's vectors have. */
export const MOCK_EMBEDDING_DIMENSIONS = 8;

/**
 * The mock's vector for `text`: derived from a hash of the text, so equal
 * texts get equal vectors, scaled to length 1 and rounded to 6 decimals.
 *
 * @example
 * ```ts
 * import { mockEmbedding } from "./embeddings.ts";
 * mockEmbedding("hello").length; // 8
 * ```
 */
export function mockEmbedding(text: string): number[] {
  const raw: number[] = [];
  for (let d = 0; d < MOCK_EMBEDDING_DIMENSIONS; d++) {
    let hash = 0x811c9dc5 ^ d;
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    }
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
    raw.push(((hash >>> 0) / 0xffffffff) * 2 - 1);
  }
  const norm = Math.hypot(...raw) || 1;
  return raw.map((x) => Math.round((x / norm) * 1e6) / 1e6);
}

// Each item becomes [text to hash, token count]; tokens are hashed as their
// numbers joined by spaces.
function items(input: unknown): [string, number][] | undefined {
  if (typeof input === "string") return [[input, countWords(input)]];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((x) => typeof x === "number")) {
    return [[input.join(" "), input.length]];
  }
  const out: [string, number][] = [];
  for (const item of input) {
    if (typeof item === "string") out.push([item, countWords(item)]);
    else if (
      Array.isArray(item) && item.length > 0 &&
      item.every((x) => typeof x === "number")
    ) out.push([item.join(" "), item.length]);
    else return undefined;
  }
  return out;
}

// The API's base64 form: little-endian float32 bytes.
function toBase64(vector: number[]): string {
  const view = new DataView(new ArrayBuffer(vector.length * 4));
  vector.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return btoa(String.fromCharCode(...new Uint8Array(view.buffer)));
}

function createEmbedding(
  ctx: MockContext,
): CreateEmbeddingResponse<number[] | string> | Response {
  const body = (ctx.body ?? {}) as {
    model?: unknown;
    input?: unknown;
    encoding_format?: unknown;
  };
  if (typeof body.model !== "string") {
    return errorResponse(400, "You must provide a model parameter", {
      param: "model",
    });
  }
  const inputs = items(body.input);
  if (!inputs) {
    return errorResponse(
      400,
      `Invalid input: ${
        JSON.stringify(body.input)
      } (expected a string, strings, tokens or token arrays)`,
      { param: "input" },
    );
  }
  const base64 = body.encoding_format === "base64";
  const data: Embedding<number[] | string>[] = inputs.map(([text], index) => ({
    object: "embedding",
    index,
    embedding: base64 ? toBase64(mockEmbedding(text)) : mockEmbedding(text),
  }));
  const tokens = inputs.reduce((sum, [, count]) => sum + count, 0);
  return {
    object: "list",
    model: body.model,
    data,
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

/**
 * The embedding route (`createEmbedding`): one {@link mockEmbedding} per
 * input item; 400 without `model` or with a malformed `input`.
 *
 * @example
 * ```ts
 * import { embeddingRoutes } from "./embeddings.ts";
 * embeddingRoutes[0].operationId; // "createEmbedding"
 * ```
 */
export const embeddingRoutes: Route[] = [
  {
    operationId: "createEmbedding",
    method: "POST",
    path: "/embeddings",
    handle: createEmbedding,
  },
];
