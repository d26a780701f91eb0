/**
 * Mock routes for fine-tuning jobs: stateful per mock, with cursor pages.
 *
 * Each mock starts with {@linkcode MOCK_FINE_TUNING_JOB_COUNT} finished jobs;
 * each job has {@linkcode MOCK_FINE_TUNING_EVENT_COUNT} events and, once it
 * has succeeded, as many checkpoints. A created job starts in
 * `validating_files` and moves one step (`queued`, `running`, `succeeded`)
 * every time it is retrieved; cancel stops an unfinished job.
 *
 * @module
 */

import type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobEvent,
} from "../../resources/fine_tuning_types.ts";
import { MOCK_CREATED } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

/** How many jobs a new mock lists. */
export const MOCK_FINE_TUNING_JOB_COUNT = 25;
/** How many events (and checkpoints, once succeeded) each seeded job has. */
export const MOCK_FINE_TUNING_EVENT_COUNT = 25;

interface Store {
  jobs: FineTuningJob[]; // newest first, like the API lists them
  events: Map<string, FineTuningJobEvent[]>; // newest first
  next: number;
}

const pad = (n: number) => String(n).padStart(3, "0");
const FINISHED = new Set(["succeeded", "failed", "cancelled"]);
const STEPS = ["validating_files", "queued", "running", "succeeded"] as const;

function event(
  jobId: string,
  n: number,
  message: string,
  level: FineTuningJobEvent["level"] = "info",
): FineTuningJobEvent {
  return {
    id: `ftevent-${jobId.slice(6)}-${pad(n)}`,
    object: "fine_tuning.job.event",
    created_at: MOCK_CREATED + n,
    level,
    message,
  };
}

function succeed(job: FineTuningJob): void {
  job.status = "succeeded";
  job.fine_tuned_model = `ft:${job.model}:mock-org::${job.id.slice(6)}`;
  job.finished_at = job.created_at + 3600;
  job.trained_tokens = 5_000;
  job.result_files = [`file-result-${job.id.slice(6)}`];
}

function newJob(id: string, created: number, body: Partial<FineTuningJob>) {
  const job: FineTuningJob = {
    id,
    object: "fine_tuning.job",
    created_at: created,
    error: null,
    fine_tuned_model: null,
    finished_at: null,
    hyperparameters: { n_epochs: "auto" },
    model: "gpt-3.5-turbo",
    organization_id: "org-mock",
    result_files: [],
    status: "validating_files",
    trained_tokens: null,
    training_file: "file-mock-train",
    validation_file: null,
    integrations: null,
    seed: 42,
    ...body,
  } satisfies FineTuningJob;
  return job;
}

function store(ctx: MockContext): Store {
  let s = ctx.state.get("fine_tuning") as Store | undefined;
  if (s) return s;
  s = { jobs: [], events: new Map(), next: 0 };
  for (let i = MOCK_FINE_TUNING_JOB_COUNT - 1; i >= 0; i--) {
    const job = newJob(`ftjob-mock-${pad(i)}`, MOCK_CREATED + i * 100, {});
    succeed(job);
    s.jobs.push(job);
    s.events.set(
      job.id,
      Array.from(
        { length: MOCK_FINE_TUNING_EVENT_COUNT },
        (_, n) => event(job.id, n, `Step ${n + 1}: training loss=0.${n}`),
      ).reverse(),
    );
  }
  ctx.state.set("fine_tuning", s);
  return s;
}

function checkpoints(job: FineTuningJob): FineTuningJobCheckpoint[] {
  if (job.status !== "succeeded") return [];
  return Array.from({ length: MOCK_FINE_TUNING_EVENT_COUNT }, (_, i) => {
    const step = (MOCK_FINE_TUNING_EVENT_COUNT - i) * 10;
    return {
      id: `ftckpt-${job.id.slice(6)}-${pad(step)}`,
      object: "fine_tuning.job.checkpoint",
      created_at: job.created_at + step,
      fine_tuned_model_checkpoint: `${job.fine_tuned_model}:ckpt-step-${step}`,
      step_number: step,
      metrics: { step, train_loss: 1 / step, valid_loss: 1.5 / step },
      fine_tuning_job_id: job.id,
    } satisfies FineTuningJobCheckpoint;
  });
}

/**
 * Answers a cursor-paginated list: the items after the one whose id is
 * `after`, at most `limit` of them (default `defaultLimit`, 1 to `maxLimit`).
 *
 * @example
 * ```ts
 * import { cursorList } from "./fine_tuning.ts";
 * const items = [{ id: "a" }, { id: "b" }, { id: "c" }];
 * cursorList(items, new URLSearchParams("after=a&limit=1"), 20);
 * // { object: "list", data: [{ id: "b" }], has_more: true, ... }
 * ```
 */
export function cursorList<Item extends { id: string }>(
  items: Item[],
  query: URLSearchParams,
  defaultLimit: number,
  maxLimit = 100,
): Response | Record<string, unknown> {
  const rawLimit = query.get("limit");
  const limit = rawLimit === null ? defaultLimit : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    return errorResponse(
      400,
      `Invalid limit ${
        JSON.stringify(rawLimit)
      }: expected a whole number from 1 to ${maxLimit}`,
      { param: "limit" },
    );
  }
  const after = query.get("after");
  let start = 0;
  if (after !== null) {
    start = items.findIndex((item) => item.id === after) + 1;
    if (start === 0) {
      return errorResponse(
        400,
        `Invalid after ${JSON.stringify(after)}: no such id`,
        {
          param: "after",
        },
      );
    }
  }
  const data = items.slice(start, start + limit);
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: start + limit < items.length,
  };
}

function find(ctx: MockContext): FineTuningJob | Response {
  const id = ctx.params.fine_tuning_job_id;
  return store(ctx).jobs.find((job) => job.id === id) ??
    errorResponse(404, `No fine-tuning job with id '${id}'`, {
      param: "fine_tuning_job_id",
      code: "fine_tuning_job_not_found",
    });
}

function addEvent(ctx: MockContext, job: FineTuningJob, message: string) {
  const events = store(ctx).events.get(job.id)!;
  events.unshift(event(job.id, events.length, message));
}

function createJob(ctx: MockContext): unknown {
  const body = ctx.body as Record<string, unknown> | undefined;
  for (const field of ["model", "training_file"]) {
    if (typeof body?.[field] !== "string" || body[field] === "") {
      return errorResponse(400, `Missing required parameter: '${field}'`, {
        param: field,
      });
    }
  }
  const suffix = body!.suffix;
  if (
    suffix != null && (typeof suffix !== "string" || suffix.length > 40)
  ) {
    return errorResponse(
      400,
      `Invalid suffix ${
        JSON.stringify(suffix)
      }: expected at most 40 characters`,
      { param: "suffix" },
    );
  }
  const s = store(ctx);
  const job = newJob(
    `ftjob-new-${pad(s.next++)}`,
    MOCK_CREATED + 10_000 + s.next,
    {
      model: body!.model as string,
      training_file: body!.training_file as string,
      validation_file: (body!.validation_file as string | undefined) ?? null,
      hyperparameters: {
        n_epochs: "auto",
        ...(body!.hyperparameters as FineTuningJob["hyperparameters"]),
      },
      integrations: (body!.integrations as FineTuningJob["integrations"]) ??
        null,
      seed: (body!.seed as number | undefined) ?? 42,
    },
  );
  s.jobs.unshift(job);
  s.events.set(job.id, []);
  addEvent(ctx, job, `Created fine-tuning job: ${job.id}`);
  return job;
}

function retrieveJob(ctx: MockContext): unknown {
  const job = find(ctx);
  if (job instanceof Response || FINISHED.has(job.status)) return job;
  const next = STEPS[STEPS.indexOf(job.status as typeof STEPS[number]) + 1];
  if (next === "succeeded") succeed(job);
  else job.status = next;
  addEvent(ctx, job, `Fine-tuning job is now ${job.status}`);
  return job;
}

function cancelJob(ctx: MockContext): unknown {
  const job = find(ctx);
  if (job instanceof Response) return job;
  if (FINISHED.has(job.status)) {
    return errorResponse(
      400,
      `Cannot cancel job ${job.id}: it has already ${job.status}`,
      { param: "fine_tuning_job_id" },
    );
  }
  job.status = "cancelled";
  addEvent(ctx, job, "Fine-tuning job cancelled");
  return job;
}

/**
 * The fine-tuning routes (`createFineTuningJob`,
 * `listPaginatedFineTuningJobs`, `retrieveFineTuningJob`,
 * `cancelFineTuningJob`, `listFineTuningEvents`,
 * `listFineTuningJobCheckpoints`).
 *
 * @example
 * ```ts
 * import { fineTuningRoutes } from "./fine_tuning.ts";
 * fineTuningRoutes.length; // 6
 * ```
 */
export const fineTuningRoutes: Route[] = [
  {
    operationId: "createFineTuningJob",
    method: "POST",
    path: "/fine_tuning/jobs",
    handle: createJob,
  },
  {
    operationId: "listPaginatedFineTuningJobs",
    method: "GET",
    path: "/fine_tuning/jobs",
    handle: (ctx) => cursorList(store(ctx).jobs, ctx.query, 20),
  },
  {
    operationId: "retrieveFineTuningJob",
    method: "GET",
    path: "/fine_tuning/jobs/{fine_tuning_job_id}",
    handle: retrieveJob,
  },
  {
    operationId: "cancelFineTuningJob",
    method: "POST",
    path: "/fine_tuning/jobs/{fine_tuning_job_id}/cancel",
    handle: cancelJob,
  },
  {
    operationId: "listFineTuningEvents",
    method: "GET",
    path: "/fine_tuning/jobs/{fine_tuning_job_id}/events",
    handle: (ctx) => {
      const job = find(ctx);
      if (job instanceof Response) return job;
      return cursorList(store(ctx).events.get(job.id)!, ctx.query, 20);
    },
  },
  {
    operationId: "listFineTuningJobCheckpoints",
    method: "GET",
    path: "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints",
    handle: (ctx) => {
      const job = find(ctx);
      if (job instanceof Response) return job;
      return cursorList(checkpoints(job), ctx.query, 10);
    },
  },
];
