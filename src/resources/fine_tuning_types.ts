/**
 * Request and response types of fine-tuning jobs (`/fine_tuning/jobs`).
 *
 * @module
 */

import type { CursorPage } from "../core/pagination.ts";
import type { AnyString, RequestID } from "./shared.ts";

/** A Weights & Biases integration for a fine-tuning job. */
export interface FineTuningJobWandbIntegration {
  /** Always `"wandb"`. */
  type: "wandb";
  /** Where the run is reported. */
  wandb: {
    /** The project the run goes to. */
    project: string;
    /** A display name for the run. */
    name?: string | null;
    /** The team or user that owns the project. */
    entity?: string | null;
    /** Tags added to the run. */
    tags?: string[];
  };
}

/** The training settings of a fine-tuning job; `"auto"` lets the server choose. */
export interface FineTuningJobHyperparameters {
  /** Examples per training step, 1 to 256. */
  batch_size?: "auto" | number;
  /** Learning-rate scale, above 0. */
  learning_rate_multiplier?: "auto" | number;
  /** Passes over the training data, 1 to 50. */
  n_epochs?: "auto" | number;
}

/** The body of `fineTuning.jobs.create`. */
export interface FineTuningJobCreateParams {
  /** The model to fine-tune. */
  model: "babbage-002" | "davinci-002" | "gpt-3.5-turbo" | AnyString;
  /** Id of an uploaded JSONL training file (purpose `fine-tune`). */
  training_file: string;
  /** Training settings. */
  hyperparameters?: FineTuningJobHyperparameters;
  /** Up to 18 characters added to the fine-tuned model's name. */
  suffix?: string | null;
  /** Id of an uploaded JSONL validation file. */
  validation_file?: string | null;
  /** Services to report the job to (at most 5). */
  integrations?: FineTuningJobWandbIntegration[] | null;
  /** Makes the job reproducible, 0 to 2147483647. */
  seed?: number | null;
}

/** Why a fine-tuning job failed. */
export interface FineTuningJobError {
  /** A machine-readable code. */
  code: string;
  /** What went wrong. */
  message: string;
  /** The request field at fault, if any. */
  param: string | null;
}

/** A fine-tuning job. */
export interface FineTuningJob extends RequestID {
  /** The job id, e.g. `"ftjob-abc123"`. */
  id: string;
  /** Always `"fine_tuning.job"`. */
  object: "fine_tuning.job";
  /** Unix time in seconds when it was created. */
  created_at: number;
  /** Why it failed; null unless `status` is `"failed"`. */
  error: FineTuningJobError | null;
  /** The resulting model's id; null until the job succeeds. */
  fine_tuned_model: string | null;
  /** Unix time in seconds when it finished; null while it runs. */
  finished_at: number | null;
  /** The training settings used. */
  hyperparameters: FineTuningJobHyperparameters;
  /** The base model. */
  model: string;
  /** The organisation that owns the job. */
  organization_id: string;
  /** Ids of result files, such as the metrics CSV. */
  result_files: string[];
  /** Where the job is in its life. */
  status:
    | "validating_files"
    | "queued"
    | "running"
    | "succeeded"
    | "failed"
    | "cancelled"
    | AnyString;
  /** Billable tokens processed; null while the job runs. */
  trained_tokens: number | null;
  /** The training file's id. */
  training_file: string;
  /** The validation file's id, if any. */
  validation_file: string | null;
  /** Services the job reports to. */
  integrations?: FineTuningJobWandbIntegration[] | null;
  /**
   * The seed used. Typed as present, as the API sends it and the official
   * SDK types it, though the 2.0.0 reference's job has none.
   */
  seed: number;
  /** Unix time in seconds the job is expected to finish (newer servers). */
  estimated_finish?: number | null;
}

/** One status message of a fine-tuning job. */
export interface FineTuningJobEvent {
  /** The event id. */
  id: string;
  /** `"fine_tuning.job.event"` (the 2.0.0 reference's example says `"event"`). */
  object: "fine_tuning.job.event" | AnyString;
  /** Unix time in seconds. */
  created_at: number;
  /** Severity. */
  level: "info" | "warn" | "error";
  /** What happened. */
  message: string;
  /** The event's kind, such as `"message"` or `"metrics"` (newer servers). */
  type?: string;
  /** Details of the event, such as training metrics (newer servers). */
  data?: unknown;
}

/** Training metrics recorded at a checkpoint. */
export interface FineTuningJobCheckpointMetrics {
  /** The training step. */
  step?: number;
  /** Loss on the training batch. */
  train_loss?: number;
  /** Token accuracy on the training batch. */
  train_mean_token_accuracy?: number;
  /** Loss on a validation batch. */
  valid_loss?: number;
  /** Token accuracy on a validation batch. */
  valid_mean_token_accuracy?: number;
  /** Loss on the whole validation file. */
  full_valid_loss?: number;
  /** Token accuracy on the whole validation file. */
  full_valid_mean_token_accuracy?: number;
}

/** A model snapshot saved during a fine-tuning job. */
export interface FineTuningJobCheckpoint {
  /** The checkpoint id. */
  id: string;
  /** Always `"fine_tuning.job.checkpoint"`. */
  object: "fine_tuning.job.checkpoint";
  /** Unix time in seconds. */
  created_at: number;
  /** The model id of this snapshot, usable like any fine-tuned model. */
  fine_tuned_model_checkpoint: string;
  /** The training step it was saved at. */
  step_number: number;
  /** Metrics at that step. */
  metrics: FineTuningJobCheckpointMetrics;
  /** The job it belongs to. */
  fine_tuning_job_id: string;
}

/** Cursor query of the fine-tuning list methods. */
export interface FineTuningListParams {
  /** Start after the item with this id (the previous page's last id). */
  after?: string;
  /** Items per page (server default 20; 10 for checkpoints). */
  limit?: number;
}

/**
 * The official SDK's name for {@link FineTuningJobCreateParams}, the body of `fineTuning.jobs.create`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { JobCreateParams } from "@webstd/openai";
 * const params: JobCreateParams = { model: "gpt-3.5-turbo", training_file: "file-abc" };
 * ```
 */
export type JobCreateParams = FineTuningJobCreateParams;

/**
 * The official SDK's name for {@link FineTuningListParams}, the body of `fineTuning.jobs.list`,
 * so ported type annotations keep working.
 *
 * @example
 * ```ts
 * import type { JobListParams } from "@webstd/openai";
 * const params: JobListParams = { limit: 10 };
 * ```
 */
export type JobListParams = FineTuningListParams;

/** The official SDK's name for {@link FineTuningListParams} on `listEvents`. */
export type JobListEventsParams = FineTuningListParams;

/** The official SDK's name for {@link FineTuningListParams} on checkpoints. */
export type CheckpointListParams = FineTuningListParams;

/** The official SDK's name for a page of fine-tuning jobs. */
export type FineTuningJobsPage = CursorPage<FineTuningJob>;

/** The official SDK's name for a page of a job's events. */
export type FineTuningJobEventsPage = CursorPage<FineTuningJobEvent>;

/** The official SDK's name for a page of a job's checkpoints. */
export type FineTuningJobCheckpointsPage = CursorPage<FineTuningJobCheckpoint>;

/** The official SDK's nested names for a job's parts. */
export declare namespace FineTuningJob {
  /** See {@link FineTuningJobHyperparameters}. */
  export type Hyperparameters = FineTuningJobHyperparameters;
  /** See {@link FineTuningJobError}. */
  export type Error = FineTuningJobError;
}

/** The official SDK's nested names for the parts of a job's body. */
export declare namespace JobCreateParams {
  /** See {@link FineTuningJobHyperparameters}. */
  export type Hyperparameters = FineTuningJobHyperparameters;
}
