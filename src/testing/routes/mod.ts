/**
 * Every route the mock serves, gathered from one file per resource.
 *
 * To add a resource: write `routes/<resource>.ts` exporting a `Route[]`,
 * import it below and add it to the list (lint flags an unused import, and
 * the router rejects a duplicate method and path).
 *
 * @module
 */

import type { Route } from "../route.ts";
import { chatRoutes } from "./chat.ts";
import { completionRoutes } from "./completions.ts";
import { fineTuneRoutes } from "./fine_tunes.ts";
import { fineTuningRoutes } from "./fine_tuning.ts";
import { modelRoutes } from "./models.ts";
import { audioRoutes } from "./audio.ts";
import { fileRoutes } from "./files.ts";
import { editRoutes } from "./edits.ts";
import { embeddingRoutes } from "./embeddings.ts";
import { moderationRoutes } from "./moderations.ts";
import { imageRoutes } from "./images.ts";
import { engineRoutes } from "./engines.ts";
import { answerRoutes } from "./answers.ts";
import { classificationRoutes } from "./classifications.ts";

/**
 * All mock routes, in match order.
 *
 * @example
 * ```ts
 * import { routes } from "@webstd/openai/testing";
 * routes.some((r) => r.operationId === "listModels"); // true
 * ```
 */
export const routes: Route[] = [
  chatRoutes,
  completionRoutes,
  fineTuneRoutes,
  fineTuningRoutes,
  modelRoutes,
  audioRoutes,
  fileRoutes,
  editRoutes,
  embeddingRoutes,
  moderationRoutes,
  imageRoutes,
  engineRoutes,
  answerRoutes,
  classificationRoutes,
].flat();
