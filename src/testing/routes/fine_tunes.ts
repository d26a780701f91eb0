/**
 * Mock routes for the legacy `/fine-tunes` API: stateful per mock.
 *
 * A new mock knows three fine-tunes: `ft-mock-succeeded` (with
 * {@linkcode MOCK_FINE_TUNE_EVENT_COUNT} events), `ft-mock-pending` and
 * `ft-mock-cancelled`. A pending fine-tune moves to `running`, then
 * `succeeded`, each time it is retrieved; following its events with
 * `stream=true` runs it to the end, sending each event as it "happens".
 *
 * @module
 */

import type {
  FineTune,
  FineTuneEvent,
} from "../../resources/fine_tunes_types.ts";
import type { FileObject } from "../../resources/file_object.ts";
import { MOCK_CREATED } from "../echo.ts";
import { errorResponse } from "../errors.ts";
import type { MockContext, Route } from "../route.ts";

/** How many events the seeded `ft-mock-succeeded` fine-tune has. */
export const MOCK_FINE_TUNE_EVENT_COUNT = 25;

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

const file = (id: string, purpose: string): FileObject => ({
  id,
  object: "file",
  bytes: 1024,
  created_at: MOCK_CREATED,
  filename: purpose === "fine-tune" ? `${id}.jsonl` : "compiled_results.csv",
  purpose,
  status: "processed",
  status_details: null,
});

function addEvent(tune: FineTune, message: string): FineTuneEvent {
  const events = tune.events!;
  const added: FineTuneEvent = {
    object: "fine-tune-event",
    created_at: tune.created_at + events.length,
    level: "info",
    message,
  };
  events.push(added);
  tune.updated_at = added.created_at;
  return added;
}

function newTune(id: string, body: Record<string, unknown>): FineTune {
  const model = (body.model as string | undefined) ?? "curie";
  const tune: FineTune = {
    id,
    object: "fine-tune",
    created_at: MOCK_CREATED,
    updated_at: MOCK_CREATED,
    model,
    fine_tuned_model: null,
    organization_id: "org-mock",
    status: "pending",
    hyperparams: {
      batch_size: (body.batch_size as number | undefined) ?? 4,
      learning_rate_multiplier:
        (body.learning_rate_multiplier as number | undefined) ?? 0.1,
      // Either form: the seeds' n_epochs, or the reference's
      // hyperparameters.n_epochs ("auto" is the default).
      n_epochs: (body.n_epochs as number | undefined) ??
        numberOr((body.hyperparameters as { n_epochs?: unknown })?.n_epochs) ??
        4,
      prompt_loss_weight: (body.prompt_loss_weight as number | undefined) ??
        0.01,
    },
    training_files: [file(body.training_file as string, "fine-tune")],
    validation_files: typeof body.validation_file === "string"
      ? [file(body.validation_file, "fine-tune")]
      : [],
    result_files: [],
    events: [],
  } satisfies FineTune;
  addEvent(tune, `Created fine-tune: ${id}`);
  return tune;
}

// One step of the job's life; returns the events it produced.
function advance(tune: FineTune): FineTuneEvent[] {
  if (tune.status === "pending") {
    tune.status = "running";
    return [addEvent(tune, "Fine-tune started")];
  }
  if (tune.status !== "running") return [];
  const added: FineTuneEvent[] = [];
  const epochs = Number(tune.hyperparams.n_epochs ?? 4);
  for (let i = 1; i <= epochs; i++) {
    added.push(addEvent(tune, `Completed epoch ${i}/${epochs}`));
  }
  tune.status = "succeeded";
  tune.fine_tuned_model = `${tune.model}:ft-mock-org-2023-11-14-22-13-20`;
  tune.result_files = [file(`file-results-${tune.id}`, "fine-tune-results")];
  added.push(addEvent(tune, "Fine-tune succeeded"));
  return added;
}

function store(ctx: MockContext): FineTune[] {
  let tunes = ctx.state.get("fine_tunes") as FineTune[] | undefined;
  if (tunes) return tunes;
  const done = newTune("ft-mock-succeeded", {
    training_file: "file-mock-train",
    n_epochs: MOCK_FINE_TUNE_EVENT_COUNT - 3,
  });
  advance(done);
  advance(done);
  const cancelled = newTune("ft-mock-cancelled", {
    training_file: "file-mock-train",
  });
  cancelled.status = "cancelled";
  addEvent(cancelled, "Fine-tune cancelled");
  tunes = [
    done,
    newTune("ft-mock-pending", {
      training_file: "file-mock-train",
      validation_file: "file-mock-valid",
      model: "davinci",
    }),
    cancelled,
  ];
  ctx.state.set("fine_tunes", tunes);
  return tunes;
}

function find(ctx: MockContext): FineTune | Response {
  const id = ctx.params.fine_tune_id;
  return store(ctx).find((tune) => tune.id === id) ??
    errorResponse(404, `No fine-tune job with id '${id}'`, {
      param: "fine_tune_id",
    });
}

function createTune(ctx: MockContext): unknown {
  const body = ctx.body as Record<string, unknown> | undefined;
  if (typeof body?.training_file !== "string" || body.training_file === "") {
    return errorResponse(400, "Missing required parameter: 'training_file'", {
      param: "training_file",
    });
  }
  const tunes = store(ctx);
  const tune = newTune(`ft-new-${String(tunes.length).padStart(3, "0")}`, body);
  tunes.push(tune);
  return tune;
}

function listEvents(ctx: MockContext): unknown {
  const tune = find(ctx);
  if (tune instanceof Response) return tune;
  const stream = ctx.query.get("stream");
  if (stream !== "true") return { object: "list", data: tune.events };
  const sent = [...tune.events!];
  // Following an unfinished job runs it to its end, like waiting would.
  while (!FINISHED.has(tune.status)) sent.push(...advance(tune));
  return ctx.sse(sent);
}

/**
 * The legacy fine-tune routes (`createFineTune`, `listFineTunes`,
 * `retrieveFineTune`, `cancelFineTune`, `listFineTuneEvents`).
 *
 * @example
 * ```ts
 * import { fineTuneRoutes } from "./fine_tunes.ts";
 * fineTuneRoutes.length; // 5
 * ```
 */
export const fineTuneRoutes: Route[] = [
  {
    operationId: "createFineTune",
    method: "POST",
    path: "/fine-tunes",
    handle: createTune,
  },
  {
    operationId: "listFineTunes",
    method: "GET",
    path: "/fine-tunes",
    handle: (ctx) => ({ object: "list", data: store(ctx) }),
  },
  {
    operationId: "retrieveFineTune",
    method: "GET",
    path: "/fine-tunes/{fine_tune_id}",
    handle: (ctx) => {
      const tune = find(ctx);
      if (!(tune instanceof Response)) advance(tune);
      return tune;
    },
  },
  {
    operationId: "cancelFineTune",
    method: "POST",
    path: "/fine-tunes/{fine_tune_id}/cancel",
    handle: (ctx) => {
      const tune = find(ctx);
      if (tune instanceof Response) return tune;
      if (FINISHED.has(tune.status)) {
        return errorResponse(
          400,
          `Cannot cancel fine-tune ${tune.id}: it has already ${tune.status}`,
          { param: "fine_tune_id" },
        );
      }
      tune.status = "cancelled";
      addEvent(tune, "Fine-tune cancelled");
      return tune;
    },
  },
  {
    operationId: "listFineTuneEvents",
    method: "GET",
    path: "/fine-tunes/{fine_tune_id}/events",
    handle: listEvents,
  },
];

// `value` if it is a number, else undefined.
function numberOr(value: unknown): number | undefined {
  return typeof value == "number" ? value : undefined;
}
