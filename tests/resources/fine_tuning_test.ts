import {
  BadRequestError,
  CursorPage,
  type FineTuningJob,
  NotFoundError,
  OpenAIError,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { last, setup } from "./_helpers.ts";

const JOBS = 25; // seeded by the mock
const PER_JOB = 25; // events and checkpoints of each seeded job

Deno.test("fineTuning.jobs.create posts the body as JSON", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    model: "gpt-3.5-turbo",
    training_file: "file-train",
    validation_file: "file-valid",
    hyperparameters: { n_epochs: 3 },
    suffix: "mine",
    seed: 7,
  };
  const job = await client.fineTuning.jobs.create(body);
  const req = last(server);
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/fine_tuning/jobs");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(job.object, "fine_tuning.job");
  assertEquals(job.status, "validating_files");
  assertEquals(job.model, "gpt-3.5-turbo");
  assertEquals(job.training_file, "file-train");
  assertEquals(job.validation_file, "file-valid");
  assertEquals(job.hyperparameters.n_epochs, 3);
  assertEquals(job.seed, 7);
  assertEquals(job.fine_tuned_model, null);
});

Deno.test("fineTuning.jobs.create maps a missing field to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const err = await assertRejects(
    // @ts-expect-error: training_file is required
    () => client.fineTuning.jobs.create({ model: "gpt-3.5-turbo" }),
    BadRequestError,
    "training_file",
  );
  assertEquals((err as BadRequestError).param, "training_file");
});

Deno.test("fineTuning.jobs retrieve walks the status; cancel stops a job", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const jobs = client.fineTuning.jobs;
  const created = await jobs.create({
    model: "davinci-002",
    training_file: "f",
  });
  const seen: FineTuningJob["status"][] = [];
  for (let i = 0; i < 4; i++) {
    seen.push((await jobs.retrieve(created.id)).status);
  }
  assertEquals(seen, ["queued", "running", "succeeded", "succeeded"]);
  const req = last(server);
  assertEquals(req.method, "GET");
  assertEquals(req.path, `/fine_tuning/jobs/${created.id}`);
  assertEquals(req.body, undefined);
  const done = await jobs.retrieve(created.id);
  assert(done.fine_tuned_model?.startsWith("ft:davinci-002:"));
  assert(done.finished_at !== null && done.trained_tokens !== null);
  await assertRejects(
    () => jobs.cancel(created.id),
    BadRequestError,
    "already",
  );

  const other = await jobs.create({
    model: "gpt-3.5-turbo",
    training_file: "f",
  });
  const cancelled = await jobs.cancel(other.id);
  assertEquals(last(server).method, "POST");
  assertEquals(last(server).path, `/fine_tuning/jobs/${other.id}/cancel`);
  assertEquals(last(server).body, undefined);
  assertEquals(last(server).headers["content-type"], undefined);
  assertEquals(cancelled.status, "cancelled");
  assertEquals((await jobs.retrieve(other.id)).status, "cancelled");
  const events = await jobs.listEvents(other.id);
  assertEquals(events.data.map((e) => e.message), [
    "Fine-tuning job cancelled",
    `Created fine-tuning job: ${other.id}`,
  ]);
});

Deno.test("fineTuning.jobs maps an unknown id to NotFoundError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const jobs = client.fineTuning.jobs;
  await assertRejects(() => jobs.retrieve("ftjob-nope"), NotFoundError);
  await assertRejects(() => jobs.cancel("ftjob-nope"), NotFoundError);
  await assertRejects(() => jobs.listEvents("ftjob-nope"), NotFoundError);
  await assertRejects(() => jobs.checkpoints.list("ftjob-nope"), NotFoundError);
});

Deno.test("fineTuning.jobs encodes the id as one path segment", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () => client.fineTuning.jobs.retrieve("a/b?c"),
    NotFoundError,
    "a/b?c",
  );
  assertEquals(last(server).path, "/fine_tuning/jobs/a%2Fb%3Fc");
});

Deno.test("fineTuning.jobs.list pages with after and keeps limit", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const first = await client.fineTuning.jobs.list({ limit: 10 });
  assert(first instanceof CursorPage);
  assertEquals(last(server).query, { limit: "10" });
  assertEquals(first.data.length, 10);
  assertEquals(first.has_more, true);
  assert(first.hasNextPage());
  const second = await first.getNextPage();
  assertEquals(last(server).query, { limit: "10", after: first.data[9].id });
  const third = await second.getNextPage();
  assertEquals(last(server).query, { limit: "10", after: second.data[9].id });
  assertEquals(third.data.length, JOBS - 20);
  assertEquals(third.hasNextPage(), false);
  // As in the official SDK, the last page still continues after its last id.
  const fourth = await third.getNextPage();
  assertEquals(last(server).query, {
    limit: "10",
    after: third.data.at(-1)!.id,
  });
  assertEquals([fourth.data, fourth.hasNextPage()], [[], false]);
  const sent = server.mock.requests.length;
  await assertRejects(() => fourth.getNextPage(), OpenAIError, "No next page");
  assertEquals(
    server.mock.requests.length,
    sent,
    "an empty page sent a request",
  );

  const before = server.mock.requests.length;
  const ids: string[] = [];
  for await (const job of first) ids.push(job.id);
  assertEquals(server.mock.requests.length - before, 2);
  assertEquals(ids.length, JOBS);
  assertEquals(new Set(ids).size, JOBS);
  assertEquals(
    ids,
    [...first.data, ...second.data, ...third.data].map((j) => j.id),
  );
});

Deno.test("fineTuning.jobs.list without a query sends none", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const page = await client.fineTuning.jobs.list();
  const req = last(server);
  assertEquals([req.method, req.path, req.query], [
    "GET",
    "/fine_tuning/jobs",
    {},
  ]);
  assertEquals(page.data.length, 20);
  const all = [];
  for await (const job of page) all.push(job);
  assertEquals(all.length, JOBS);
  assertEquals(last(server).query, { after: page.data[19].id });
});

Deno.test("fineTuning.jobs.list rejects a bad limit with BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    () => client.fineTuning.jobs.list({ limit: 0 }),
    BadRequestError,
    "limit",
  );
});

Deno.test("fineTuning.jobs.listEvents pages across 3+ pages", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const id = "ftjob-mock-003";
  const page = await client.fineTuning.jobs.listEvents(id, { limit: 7 });
  const req = last(server);
  assertEquals(req.method, "GET");
  assertEquals(req.path, `/fine_tuning/jobs/${id}/events`);
  assertEquals(req.query, { limit: "7" });
  assertEquals(page.data[0].object, "fine_tuning.job.event");
  assertEquals(page.data[0].level, "info");
  const events = [];
  for await (const event of page) events.push(event);
  assertEquals(events.length, PER_JOB);
  assertEquals(new Set(events.map((e) => e.id)).size, PER_JOB);
  const pages = server.mock.requests.slice(-3);
  assertEquals(pages.map((r) => r.query.limit), ["7", "7", "7"]);
  assertEquals(pages.map((r) => r.query.after), [
    events[6].id,
    events[13].id,
    events[20].id,
  ]);
});

Deno.test("fineTuning.jobs.checkpoints.list pages with after", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const id = "ftjob-mock-000";
  const checkpoints = client.fineTuning.jobs.checkpoints;
  const first = await checkpoints.list(id, { limit: 10, after: undefined });
  const req = last(server);
  assertEquals(req.method, "GET");
  assertEquals(req.path, `/fine_tuning/jobs/${id}/checkpoints`);
  assertEquals(req.query, { limit: "10" });
  const c = first.data[0];
  assertEquals(c.object, "fine_tuning.job.checkpoint");
  assertEquals(c.fine_tuning_job_id, id);
  assertEquals(typeof c.metrics.train_loss, "number");
  assert(c.fine_tuned_model_checkpoint.includes(`ckpt-step-${c.step_number}`));
  let page = first;
  let count = page.data.length;
  let pages = 1;
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    count += page.data.length;
    pages++;
  }
  assertEquals([count, pages], [PER_JOB, 3]);
  const def = await checkpoints.list(id);
  assertEquals(last(server).query, {});
  assertEquals(def.data.length, 10); // the API's default for checkpoints
});

Deno.test("fineTuning state is per mock", async () => {
  const [a, clientA] = await setup();
  await using _a = a;
  const [b, clientB] = await setup();
  await using _b = b;
  const job = await clientA.fineTuning.jobs.create({
    model: "gpt-3.5-turbo",
    training_file: "f",
  });
  assertEquals((await clientA.fineTuning.jobs.list()).data[0].id, job.id);
  await assertRejects(
    () => clientB.fineTuning.jobs.retrieve(job.id),
    NotFoundError,
  );
  a.mock.reset();
  await assertRejects(
    () => clientA.fineTuning.jobs.retrieve(job.id),
    NotFoundError,
  );
});
