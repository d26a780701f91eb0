/**
 * `client.moderations`: checks text against the content policy.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import type { Requester } from "../core/transport.ts";
import type { AnyString, RequestID } from "./shared.ts";

/** The body of `moderations.create`. */
export interface CreateModerationRequest {
  /** The text to check, or several texts (one result each). */
  input: string | string[];
  /** `"text-moderation-latest"` (the default) or `"text-moderation-stable"`. */
  model?: AnyString | "text-moderation-latest" | "text-moderation-stable";
}

/**
 * The eleven policy categories of the 2.0.0 API; the names contain `/` and
 * `-`. Typed as always present, as the API sends them and the official SDK
 * types them; the seeds' older payloads had only seven (no `harassment`,
 * `harassment/threatening`, `self-harm/intent` or `self-harm/instructions`).
 */
export type ModerationCategory =
  | "hate"
  | "hate/threatening"
  | "harassment"
  | "harassment/threatening"
  | "self-harm"
  | "self-harm/intent"
  | "self-harm/instructions"
  | "sexual"
  | "sexual/minors"
  | "violence"
  | "violence/graphic";

/** Whether the text falls in each category. */
export interface ModerationCategories {
  /** Hate based on a protected attribute. */
  hate: boolean;
  /** Hate that also threatens violence. */
  "hate/threatening": boolean;
  /** Harassing language towards anyone. */
  harassment: boolean;
  /** Harassment that also threatens violence or serious harm. */
  "harassment/threatening": boolean;
  /** Promotes or depicts self-harm. */
  "self-harm": boolean;
  /** Says the speaker is engaging in or intends self-harm. */
  "self-harm/intent": boolean;
  /** Encourages self-harm or tells how to do it. */
  "self-harm/instructions": boolean;
  /** Sexual content. */
  sexual: boolean;
  /** Sexual content involving minors. */
  "sexual/minors": boolean;
  /** Promotes or glorifies violence. */
  violence: boolean;
  /** Graphic violence. */
  "violence/graphic": boolean;
}

/** The model's confidence, 0 to 1, for each category. */
export type ModerationCategoryScores = {
  [K in keyof ModerationCategories]: number;
};

/** The verdict on one input. */
export interface ModerationResult {
  /** True when any category applies. */
  flagged: boolean;
  /** Which categories apply. */
  categories: ModerationCategories;
  /** A score per category. */
  category_scores: ModerationCategoryScores;
}

/** The result of `moderations.create`. */
export interface CreateModerationResponse extends RequestID {
  /** The request's id. */
  id: string;
  /** The moderation model used, e.g. `"text-moderation-001"`. */
  model: string;
  /** One result per input, in input order. */
  results: ModerationResult[];
}

/**
 * `POST /moderations`.
 *
 * @example
 * ```ts
 * import { Moderations, Transport } from "@webstd/openai/moderations";
 * const moderations = new Moderations(new Transport({ apiKey: "sk-test" }));
 * const result = await moderations.create({ input: "Some text" });
 * if (result.results[0].flagged) console.log("flagged");
 * ```
 */
export class Moderations {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Classifies each input against the content policy. */
  create(
    body: CreateModerationRequest,
    options?: RequestOptions,
  ): APIPromise<CreateModerationResponse> {
    return this.#t.request(
      { method: "POST", path: "/moderations", body },
      options,
    );
  }
}

/**
 * The official SDK's name for {@link CreateModerationRequest}, the body of `moderations.create`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { ModerationCreateParams } from "@webstd/openai";
 * const params: ModerationCreateParams = { input: "hi" };
 * ```
 */
export type ModerationCreateParams = CreateModerationRequest;

/**
 * The official SDK's name for {@link ModerationResult}, one input's verdict, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { Moderation } from "@webstd/openai";
 * const flagged = (m: Moderation) => m.flagged;
 * ```
 */
export type Moderation = ModerationResult;

/**
 * The official SDK's name for {@link CreateModerationResponse}, so ported type annotations keep
 * working.
 *
 * @example
 * ```ts
 * import type { ModerationCreateResponse } from "@webstd/openai";
 * const anyFlagged = (r: ModerationCreateResponse) => r.results.some((m) => m.flagged);
 * ```
 */
export type ModerationCreateResponse = CreateModerationResponse;

/** The official SDK's nested names for a moderation result's parts. */
export declare namespace Moderation {
  /** See {@link ModerationCategories}. */
  export type Categories = ModerationCategories;
  /** See {@link ModerationCategoryScores}. */
  export type CategoryScores = ModerationCategoryScores;
}
