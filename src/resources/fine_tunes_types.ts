/**
 * Request and response types of the legacy `/fine-tunes` API.
 *
 * @module
 */

import type { Page } from "../core/pagination.ts";
import type { FileObject } from "./file_object.ts";
import type { AnyString, RequestID } from "./shared.ts";

/**
 * The body of `fineTunes.create`.
 *
 * @deprecated The `/fine-tunes` API is replaced by `/fine_tuning/jobs`
 * (see `FineTuningJobCreateParams`).
 */
export interface FineTuneCreateParams {
  /** Id of an uploaded JSONL file of prompt/completion pairs (purpose `fine-tune`). */
  training_file: string;
  /** Id of an uploaded JSONL file used to report validation metrics. */
  validation_file?: string | null;
  /** The base model to start from (default `"curie"`). */
  model?: "ada" | "babbage" | "curie" | "davinci" | AnyString | null;
  /** Passes over the training data (default 4). */
  n_epochs?: number | null;
  /**
   * The 2.0.0 reference's form of `n_epochs` (not in the seeds): 1 to 50, or
   * `"auto"` (the default).
   */
  hyperparameters?: { n_epochs?: "auto" | number };
  /** Examples per training step; the server picks one when null. */
  batch_size?: number | null;
  /** Scales the pre-training learning rate; the server picks one when null. */
  learning_rate_multiplier?: number | null;
  /** How much the prompt tokens count in the loss (default 0.01). */
  prompt_loss_weight?: number | null;
  /** Compute classification metrics on the validation file after each epoch. */
  compute_classification_metrics?: boolean | null;
  /** Number of classes, for multiclass metrics. */
  classification_n_classes?: number | null;
  /** The positive label, for binary metrics. */
  classification_positive_class?: string | null;
  /** F-beta values to report, for binary metrics. */
  classification_betas?: number[] | null;
  /** Up to 40 characters added to the fine-tuned model's name. */
  suffix?: string | null;
}

/**
 * The settings a legacy fine-tune ran with.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export interface FineTuneHyperparams {
  /** Examples per training step. */
  batch_size?: number;
  /** Learning-rate scale. */
  learning_rate_multiplier?: number;
  /** Passes over the training data. */
  n_epochs?: number;
  /** Weight of the prompt tokens in the loss. */
  prompt_loss_weight?: number;
  /** Any other setting the server reports. */
  [key: string]: unknown;
}

/**
 * One status message of a legacy fine-tune.
 *
 * @deprecated Part of the legacy `/fine-tunes` API; see `FineTuningJobEvent`.
 */
export interface FineTuneEvent {
  /** Always `"fine-tune-event"`. */
  object: "fine-tune-event" | AnyString;
  /** Unix time in seconds. */
  created_at: number;
  /** Severity, e.g. `"info"`. */
  level: "info" | "warn" | "error" | AnyString;
  /** What happened. */
  message: string;
}

/**
 * A legacy fine-tune job.
 *
 * @deprecated The `/fine-tunes` API is replaced by `/fine_tuning/jobs`
 * (see `FineTuningJob`).
 */
export interface FineTune extends RequestID {
  /** The job id, e.g. `"ft-AF1WoRqd3aJAHsqc9NY7iL8F"`. */
  id: string;
  /** Always `"fine-tune"`. */
  object: "fine-tune" | AnyString;
  /** Unix time in seconds when it was created. */
  created_at: number;
  /** Unix time in seconds of the last change. */
  updated_at: number;
  /** The base model. */
  model: string;
  /** The resulting model's id; null until the job succeeds. */
  fine_tuned_model: string | null;
  /** The organisation that owns the job. */
  organization_id: string;
  /** `"pending"`, `"running"`, `"succeeded"`, `"cancelled"` or `"failed"`. */
  status:
    | "pending"
    | "running"
    | "succeeded"
    | "cancelled"
    | "failed"
    | AnyString;
  /** The settings used. */
  hyperparams: FineTuneHyperparams;
  /** The training files. */
  training_files: FileObject[];
  /** The validation files. */
  validation_files: FileObject[];
  /** Files produced by the job, such as the metrics CSV. */
  result_files: FileObject[];
  /** The job's events so far (create and retrieve include them). */
  events?: FineTuneEvent[];
}

/**
 * The fields every query of `fineTunes.listEvents` shares, whatever its
 * `stream`.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export interface FineTuneListEventsParamsBase {
  /** Send events as server-sent events until the job finishes. */
  stream?: boolean | null;
}

/**
 * The query of `fineTunes.listEvents` that lists the events so far.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export interface FineTuneListEventsParamsNonStreaming
  extends FineTuneListEventsParamsBase {
  /** Left out, `false` or `null`: one page of the events so far. */
  stream?: false | null;
}

/**
 * The query of `fineTunes.listEvents` that follows the events as they happen.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export interface FineTuneListEventsParamsStreaming
  extends FineTuneListEventsParamsBase {
  /** Always `true`: events arrive as server-sent events. */
  stream: true;
}

/**
 * The query of `fineTunes.listEvents`: a listing or a stream, as the official
 * SDK types it.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export type FineTuneListEventsParams =
  | FineTuneListEventsParamsNonStreaming
  | FineTuneListEventsParamsStreaming;

/**
 * The official SDK's names nested under {@link FineTuneListEventsParams}.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export declare namespace FineTuneListEventsParams {
  /** See {@link FineTuneListEventsParamsNonStreaming}. */
  export type FineTuneListEventsParamsNonStreaming =
    import("./fine_tunes_types.ts").FineTuneListEventsParamsNonStreaming;
  /** See {@link FineTuneListEventsParamsStreaming}. */
  export type FineTuneListEventsParamsStreaming =
    import("./fine_tunes_types.ts").FineTuneListEventsParamsStreaming;
}

/**
 * A legacy fine-tune's events as one list, the 2.0.0 API's
 * `ListFineTuneEventsResponse`. The page `fineTunes.listEvents` resolves to
 * fits it.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export interface FineTuneEventsListResponse {
  /** Always `"list"`. */
  object: "list" | AnyString;
  /** The events. */
  data: FineTuneEvent[];
}

/**
 * The page `fineTunes.list` resolves to (the official SDK's name for it).
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export type FineTunesPage = Page<FineTune>;

/**
 * The official SDK's nested names for a legacy fine-tune's parts.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export declare namespace FineTune {
  /** See {@link FineTuneHyperparams}. */
  export type Hyperparams = FineTuneHyperparams;
}

/**
 * The official SDK's nested names for the parts of a legacy fine-tune's body.
 *
 * @deprecated Part of the legacy `/fine-tunes` API.
 */
export declare namespace FineTuneCreateParams {
  /** The `hyperparameters` field. */
  export type Hyperparameters = NonNullable<
    import("./fine_tunes_types.ts").FineTuneCreateParams["hyperparameters"]
  >;
}
