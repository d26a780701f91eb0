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
 * import { MOCK_MODELS } from "@webstd/openai/testing";
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
  model("gpt-3.5-turbo-0301", "openai"),
  model("gpt-3.5-turbo-0613", "openai"),
  model("gpt-3.5-turbo-16k-0613", "openai"),
  model("gpt-3.5-turbo-instruct", "system"),
  model("gpt-4", "openai"),
  model("gpt-4-0314", "openai"),
  model("gpt-4-0613", "openai"),
  model("gpt-4-32k", "openai"),
  model("gpt-4-32k-0314", "openai"),
  model("gpt-4-32k-0613", "openai"),
  model("text-davinci-003", "openai-internal"),
  model("text-davinci-002", "openai"),
  model("text-davinci-001", "openai"),
  model("code-davinci-002", "openai"),
  model("text-curie-001", "openai"),
  model("text-babbage-001", "openai"),
  model("text-ada-001", "openai"),
  model("text-embedding-ada-002", "openai-internal"),
  model("text-moderation-latest", "openai"),
  model("whisper-1", "openai-internal"),
  model("davinci", "openai"),
  model("curie", "openai"),
  model("babbage", "openai"),
  model("ada", "openai"),
  model("babbage-002", "system"),
  model("davinci-002", "system"),
  model("text-davinci-edit-001", "openai"),
  model("code-davinci-edit-001", "openai"),
  model("text-moderation-stable", "openai"),
  model("text-moderation-001", "openai"),
];

const isFineTuned = (id: string) => id.includes(":ft-") || id.startsWith("ft:");

/**
 * Whether the mock answers 404 `model_not_found` for `id`: true unless it is
 * in {@linkcode MOCK_MODELS} or `extra` (the mock's `models` option; `true`
 * accepts any id), or a fine-tuned id (`curie:ft-…`, `ft:…`) that was not
 * deleted from this mock (pass its `state` to know).
 *
 * @example
 * ```ts
 * import { unknownModel } from "./models.ts";
 * unknownModel("gpt-4-tuurbo"); // true
 * unknownModel("gpt-4o-mini", undefined, ["gpt-4o-mini"]); // false
 * unknownModel("ft:gpt-3.5-turbo:acme::abc123"); // false (until deleted)
 * ```
 */
export function unknownModel(
  id: string,
  state?: Map<string, unknown>,
  extra?: readonly string[] | true,
): boolean {
  if (isFineTuned(id)) return state !== undefined && deleted(state).has(id);
  return extra !== true && !extra?.includes(id) &&
    !MOCK_MODELS.some((m) => m.id === id);
}

// The base models: MOCK_MODELS and the mock's extra ids.
function catalogue(extra: readonly string[] | true | undefined): Model[] {
  if (!Array.isArray(extra)) return MOCK_MODELS as Model[];
  const more = extra.filter((id) => !MOCK_MODELS.some((m) => m.id === id));
  return [...MOCK_MODELS, ...more.map((id) => model(id, "openai"))];
}

const notFound = (id: string) =>
  errorResponse(404, `The model '${id}' does not exist`, {
    param: "model",
    code: "model_not_found",
  });

// Fine-tuned models deleted from this mock, so they stay gone.
const deleted = (state: Map<string, unknown>): Set<string> => {
  let ids = state.get("models.deleted") as Set<string> | undefined;
  if (!ids) state.set("models.deleted", ids = new Set());
  return ids;
};

/**
 * The model routes: `listModels`, `retrieveModel` (404 for unknown ids) and
 * `deleteModel`: only fine-tuned ids can be deleted (once; then they are
 * gone), base models get 403 and unknown ids 404.
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
    handle: ({ options }) => ({
      object: "list",
      data: catalogue(options.models),
    }),
  },
  {
    operationId: "retrieveModel",
    method: "GET",
    path: "/models/{model}",
    handle: ({ params, state, options }) => {
      const id = params.model;
      const found = catalogue(options.models).find((m) => m.id === id);
      if (found) return found;
      if (isFineTuned(id)) {
        return deleted(state).has(id) ? notFound(id) : model(id, "user-mock");
      }
      return options.models === true ? model(id, "openai") : notFound(id);
    },
  },
  {
    operationId: "deleteModel",
    method: "DELETE",
    path: "/models/{model}",
    handle: ({ params, state, options }) => {
      const id = params.model;
      if (!isFineTuned(id) && !unknownModel(id, state, options.models)) {
        return errorResponse(
          403,
          `You are not allowed to delete the model '${id}': only fine-tuned models your organization owns can be deleted`,
          { param: "model" },
        );
      }
      if (!isFineTuned(id) || deleted(state).has(id)) return notFound(id);
      deleted(state).add(id);
      return { id, object: "model", deleted: true };
    },
  },
];
