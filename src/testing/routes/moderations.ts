/**
 * Mock route for moderations: flags inputs that contain trigger words.
 *
 * @module
 */

import type {
  CreateModerationResponse,
  ModerationCategory,
  ModerationResult,
} from "../../resources/moderations.ts";
import { mockId } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

/**
 * The words that make the mock flag a category (matched as whole words,
 * ignoring case). A sub-category also flags its parent.
 *
 * @example
 * ```ts
 * import { MODERATION_TRIGGERS } from "./moderations.ts";
 * MODERATION_TRIGGERS.violence; // "kill"
 * ```
 */
export const MODERATION_TRIGGERS: Readonly<
  Record<ModerationCategory, string>
> = {
  hate: "hateful",
  "hate/threatening": "threaten",
  harassment: "harass",
  "harassment/threatening": "intimidate",
  "self-harm": "selfharm",
  "self-harm/intent": "suicidal",
  "self-harm/instructions": "overdose",
  sexual: "nsfw",
  "sexual/minors": "underage",
  violence: "kill",
  "violence/graphic": "gore",
};

const CATEGORIES = Object.keys(
  MODERATION_TRIGGERS,
) as ModerationCategory[];

function moderate(text: string): ModerationResult {
  const words = new Set(text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []);
  const hit = new Set(
    CATEGORIES.filter((c) => words.has(MODERATION_TRIGGERS[c])),
  );
  for (const c of [...hit]) {
    hit.add(c.split("/")[0] as ModerationCategory);
  }
  const categories = {} as Record<ModerationCategory, boolean>;
  const category_scores = {} as Record<ModerationCategory, number>;
  for (const c of CATEGORIES) {
    categories[c] = hit.has(c);
    // Unflagged categories get a small nonzero score, as the real API sends.
    category_scores[c] = hit.has(c) ? 0.97 : 0.0001;
  }
  return { flagged: hit.size > 0, categories, category_scores };
}

function createModeration(
  ctx: MockContext,
): CreateModerationResponse | Response {
  const body = (ctx.body ?? {}) as { input?: unknown; model?: unknown };
  const input = body.input;
  const texts = typeof input === "string"
    ? [input]
    : Array.isArray(input) && input.length > 0 &&
        input.every((x) => typeof x === "string")
    ? input as string[]
    : undefined;
  if (!texts) {
    return errorResponse(
      400,
      `Invalid input: ${
        JSON.stringify(input)
      } (expected a string or an array of strings)`,
      { param: "input" },
    );
  }
  if (body.model !== undefined && typeof body.model !== "string") {
    return errorResponse(
      400,
      `Invalid model: ${JSON.stringify(body.model)}`,
      { param: "model" },
    );
  }
  return {
    id: mockId("modr", body),
    model: body.model ?? "text-moderation-latest",
    results: texts.map(moderate),
  };
}

/**
 * The moderation route (`createModeration`): one result per input, flagged
 * when it contains a word from {@link MODERATION_TRIGGERS}.
 *
 * @example
 * ```ts
 * import { moderationRoutes } from "./moderations.ts";
 * moderationRoutes[0].path; // "/moderations"
 * ```
 */
export const moderationRoutes: Route[] = [
  {
    operationId: "createModeration",
    method: "POST",
    path: "/moderations",
    handle: createModeration,
  },
];
