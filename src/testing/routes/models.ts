/**
 * Mock routes for models: a fixed catalogue plus any fine-tuned id.
 *
 * @module
 */

import { errorResponse } from "../errors.ts";
import { MOCK_CREATED } from "../echo.ts";
import type { Route } from "../route.ts";

type Model = (typeof MOCK_MODELS)[number];

const model = (id: string, owned_by: string): Model => ({
  id,
  object: "model",
  created: MOCK_CREATED,
  owned_by,
});

/**
 * The models the mock knows. Fine-tuned ids (`curie:ft-…`, `ft:…`) are
 * served on retrieve too, owned by `user-mock`.
 *
 * @example
 * ```ts
 * import { MOCK_MODELS } from "./models.ts";
 * MOCK_MODELS.map((m) => m.id).includes("gpt-4"); // true
 * ```
 */
export const MOCK_MODELS: readonly {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
}[] = [
  model("gpt-3.5-turbo", "openai"),
  model("gpt-3.5-turbo-16k", "openai"),
  model("gpt-4", "openai"),
  model("text-davinci-003", "openai-internal"),
  model("text-embedding-ada-002", "openai-internal"),
  model("text-moderation-latest", "openai"),
  model("whisper-1", "openai-internal"),
  model("davinci", "openai"),
  model("curie", "openai"),
];

const isFineTuned = (id: string) => id.includes(":ft-") || id.startsWith("ft:");

/**
 * The model routes: `listModels`, `retrieveModel` (404 for unknown ids) and
 * `deleteModel` (always reports the id deleted).
 *
 * @example
 * ```ts
 * import { modelRoutes } from "./models.ts";
 * modelRoutes.map((r) => r.operationId); // ["listModels", "retrieveModel", "deleteModel"]
 * ```
 */
export const modelRoutes: Route[] = [
  {
    operationId: "listModels",
    method: "GET",
    path: "/models",
    handle: () => ({ object: "list", data: MOCK_MODELS }),
  },
  {
    operationId: "retrieveModel",
    method: "GET",
    path: "/models/{model}",
    handle: ({ params }) => {
      const found = MOCK_MODELS.find((m) => m.id === params.model);
      if (found) return found;
      if (isFineTuned(params.model)) return model(params.model, "user-mock");
      return errorResponse(
        404,
        `The model '${params.model}' does not exist`,
        { param: "model", code: "model_not_found" },
      );
    },
  },
  {
    operationId: "deleteModel",
    method: "DELETE",
    path: "/models/{model}",
    handle: ({ params }) => ({
      id: params.model,
      object: "model",
      deleted: true,
    }),
  },
];
