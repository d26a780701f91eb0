/**
 * `client.fineTuning`: fine-tuning jobs, their events and checkpoints.
 *
 * @module
 */

import type { APIPromise } from "../core/api_promise.ts";
import type { RequestOptions } from "../core/options.ts";
import {
  type CursorPage,
  type PagePromise,
  requestCursorList,
} from "../core/pagination.ts";
import { path } from "../core/request.ts";
import type { Requester } from "../core/transport.ts";
import type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobCreateParams,
  FineTuningJobEvent,
  FineTuningListParams,
} from "./fine_tuning_types.ts";

export type * from "./fine_tuning_types.ts";
import * as Types from "./fine_tuning_types.ts";

// The fine-tuning lists send the cursor fields only.
const CURSOR = ["after", "limit"] as const;

/**
 * `/fine_tuning/jobs/{id}/checkpoints`.
 *
 * @example List every checkpoint of a job
 * ```ts
 * import { Checkpoints, Transport } from "@webstd/openai/fine_tuning";
 * const checkpoints = new Checkpoints(new Transport({ apiKey: "sk-test" }));
 * for await (const c of checkpoints.list("ftjob-abc123")) {
 *   console.log(c.step_number, c.metrics.train_loss);
 * }
 * ```
 */
export class Checkpoints {
  #t: Requester;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
  }

  /** Lists a job's checkpoints, one cursor page at a time. */
  list(
    fineTuningJobId: string,
    query?: FineTuningListParams,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobCheckpoint>, FineTuningJobCheckpoint>;
  /**
   * Lists a job's checkpoints with request options only, as the official SDK
   * allows; an object mixing query fields and options is a `TypeError`.
   */
  list(
    fineTuningJobId: string,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobCheckpoint>, FineTuningJobCheckpoint>;
  list(
    fineTuningJobId: string,
    query?: FineTuningListParams | RequestOptions,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobCheckpoint>, FineTuningJobCheckpoint> {
    return requestCursorList(
      this.#t,
      path`/fine_tuning/jobs/${fineTuningJobId}/checkpoints`,
      query,
      options,
      CURSOR,
    );
  }
}

/**
 * `/fine_tuning/jobs`: create, list, retrieve and cancel fine-tuning jobs,
 * and list their events.
 *
 * @example Start a job and page through every job
 * ```ts
 * import { Jobs, Transport } from "@webstd/openai/fine_tuning";
 * const jobs = new Jobs(new Transport({ apiKey: "sk-test" }));
 * const job = await jobs.create({ model: "gpt-3.5-turbo", training_file: "file-abc123" });
 * console.log(job.status);
 * for await (const each of jobs.list({ limit: 10 })) console.log(each.id);
 * ```
 */
export class Jobs {
  #t: Requester;
  /** A job's checkpoints. */
  readonly checkpoints: Checkpoints;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.#t = transport;
    this.checkpoints = new Checkpoints(transport);
  }

  /** Starts a job that fine-tunes `body.model` on an uploaded training file. */
  create(
    body: FineTuningJobCreateParams,
    options?: RequestOptions,
  ): APIPromise<FineTuningJob> {
    return this.#t.request(
      { method: "POST", path: "/fine_tuning/jobs", body },
      options,
    );
  }

  /** Lists your organisation's jobs, newest first, one cursor page at a time. */
  list(
    query?: FineTuningListParams,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJob>, FineTuningJob>;
  /**
   * Lists your organisation's jobs with request options only, as the official
   * SDK allows; an object mixing query fields and options is a `TypeError`.
   */
  list(
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJob>, FineTuningJob>;
  list(
    query?: FineTuningListParams | RequestOptions,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJob>, FineTuningJob> {
    return requestCursorList(
      this.#t,
      "/fine_tuning/jobs",
      query,
      options,
      CURSOR,
    );
  }

  /** Retrieves one job by id. */
  retrieve(
    fineTuningJobId: string,
    options?: RequestOptions,
  ): APIPromise<FineTuningJob> {
    return this.#t.request(
      { method: "GET", path: path`/fine_tuning/jobs/${fineTuningJobId}` },
      options,
    );
  }

  /** Cancels a job that has not finished. */
  cancel(
    fineTuningJobId: string,
    options?: RequestOptions,
  ): APIPromise<FineTuningJob> {
    return this.#t.request({
      method: "POST",
      path: path`/fine_tuning/jobs/${fineTuningJobId}/cancel`,
    }, options);
  }

  /** Lists a job's events, newest first, one cursor page at a time. */
  listEvents(
    fineTuningJobId: string,
    query?: FineTuningListParams,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobEvent>, FineTuningJobEvent>;
  /**
   * Lists a job's events with request options only, as the official SDK
   * allows; an object mixing query fields and options is a `TypeError`.
   */
  listEvents(
    fineTuningJobId: string,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobEvent>, FineTuningJobEvent>;
  listEvents(
    fineTuningJobId: string,
    query?: FineTuningListParams | RequestOptions,
    options?: RequestOptions,
  ): PagePromise<CursorPage<FineTuningJobEvent>, FineTuningJobEvent> {
    return requestCursorList(
      this.#t,
      path`/fine_tuning/jobs/${fineTuningJobId}/events`,
      query,
      options,
      CURSOR,
    );
  }
}

/**
 * `client.fineTuning`: the fine-tuning API, grouped as upstream does.
 *
 * @example
 * ```ts
 * import { FineTuning, Transport } from "@webstd/openai/fine_tuning";
 * const fineTuning = new FineTuning(new Transport({ apiKey: "sk-test" }));
 * const job = await fineTuning.jobs.retrieve("ftjob-abc123");
 * console.log(job.fine_tuned_model);
 * ```
 */
export class FineTuning {
  /** Fine-tuning jobs. */
  readonly jobs: Jobs;
  /** Binds the resource to a transport. */
  constructor(transport: Requester) {
    this.jobs = new Jobs(transport);
  }
}

/**
 * The checkpoint types again, where the official SDK also puts them (`OpenAI.FineTuning.Checkpoints`), so that
 * ported annotations keep working.
 */
export declare namespace Checkpoints {
  /** See {@link Types.FineTuningJobCheckpoint}. */
  export import FineTuningJobCheckpoint = Types.FineTuningJobCheckpoint;
  /** See {@link Types.FineTuningJobCheckpointsPage}. */
  export import FineTuningJobCheckpointsPage = Types.FineTuningJobCheckpointsPage;
  /** See {@link Types.CheckpointListParams}. */
  export import CheckpointListParams = Types.CheckpointListParams;
}

/**
 * The job types again, where the official SDK also puts them (`OpenAI.FineTuning.Jobs`), so that
 * ported annotations keep working.
 */
export declare namespace Jobs {
  /** See {@link Types.FineTuningJob}. */
  export import FineTuningJob = Types.FineTuningJob;
  /** See {@link Types.FineTuningJobEvent}. */
  export import FineTuningJobEvent = Types.FineTuningJobEvent;
  /** See {@link Types.FineTuningJobCheckpoint}. */
  export import FineTuningJobCheckpoint = Types.FineTuningJobCheckpoint;
  /** See {@link Types.FineTuningJobWandbIntegration}. */
  export import FineTuningJobWandbIntegration = Types.FineTuningJobWandbIntegration;
  /** See {@link Types.FineTuningJobsPage}. */
  export import FineTuningJobsPage = Types.FineTuningJobsPage;
  /** See {@link Types.FineTuningJobEventsPage}. */
  export import FineTuningJobEventsPage = Types.FineTuningJobEventsPage;
  /** See {@link Types.FineTuningJobCheckpointsPage}. */
  export import FineTuningJobCheckpointsPage = Types.FineTuningJobCheckpointsPage;
  /** See {@link Types.JobCreateParams}. */
  export import JobCreateParams = Types.JobCreateParams;
  /** See {@link Types.JobListParams}. */
  export import JobListParams = Types.JobListParams;
  /** See {@link Types.JobListEventsParams}. */
  export import JobListEventsParams = Types.JobListEventsParams;
  /** See {@link Types.CheckpointListParams}. */
  export import CheckpointListParams = Types.CheckpointListParams;
}
