import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  BadRequestError,
  type FineTuneEvent,
  NotFoundError,
  Page,
  Stream,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { serveMock } from "../../testing.ts";
import { last, setup } from "./_helpers.ts";

Deno.test("fineTunes.create posts the body as JSON", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const body = {
    training_file: "file-train",
    validation_file: "file-valid",
    model: "ada",
    n_epochs: 2,
    suffix: "custom",
  };
  const tune = await client.fineTunes.create(body);
  const req = last(server);
  assertEquals(req.method, "POST");
  assertEquals(req.path, "/fine-tunes");
  assertEquals(req.headers["content-type"], "application/json");
  assertEquals(req.body, body);
  assertEquals(tune.object, "fine-tune");
  assertEquals(tune.status, "pending");
  assertEquals(tune.model, "ada");
  assertEquals(tune.hyperparams.n_epochs, 2);
  assertEquals(tune.training_files[0].id, "file-train");
  assertEquals(tune.training_files[0].object, "file");
  assertEquals(tune.validation_files.map((f) => f.id), ["file-valid"]);
  assertEquals(tune.result_files, []);
  assertEquals(tune.events?.length, 1);
});

Deno.test("fineTunes.create takes the reference's hyperparameters.n_epochs too", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const tune = await client.fineTunes.create({
    training_file: "file-train",
    hyperparameters: { n_epochs: 3 },
  });
  assertEquals(last(server).body, {
    training_file: "file-train",
    hyperparameters: { n_epochs: 3 },
  });
  assertEquals(tune.hyperparams.n_epochs, 3);
  const auto = await client.fineTunes.create({
    training_file: "file-train",
    hyperparameters: { n_epochs: "auto" },
  });
  assertEquals(auto.hyperparams.n_epochs, 4);
  await assertRejects(
    () =>
      client.fineTunes.create({
        training_file: "file-train",
        hyperparameters: { n_epochs: 51 },
      }),
    BadRequestError,
    "n_epochs",
  );
});

Deno.test("fineTunes.create maps a missing training_file to BadRequestError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(
    // @ts-expect-error: training_file is required
    () => client.fineTunes.create({ model: "curie" }),
    BadRequestError,
    "training_file",
  );
});

Deno.test("fineTunes.list returns a page of every fine-tune", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const created = await client.fineTunes.create({ training_file: "f" });
  const page = await client.fineTunes.list();
  const req = last(server);
  assertEquals([req.method, req.path, req.query], ["GET", "/fine-tunes", {}]);
  assert(page instanceof Page);
  assertEquals(page.object, "list");
  assertEquals(page.hasNextPage(), false);
  const ids = [];
  for await (const tune of page) ids.push(tune.id);
  assertEquals(ids, [
    "ft-mock-succeeded",
    "ft-mock-pending",
    "ft-mock-cancelled",
    created.id,
  ]);
});

Deno.test("fineTunes.retrieve walks the status; cancel stops a job", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const { id } = await client.fineTunes.create({ training_file: "f" });
  const running = await client.fineTunes.retrieve(id);
  const req = last(server);
  assertEquals([req.method, req.path], ["GET", `/fine-tunes/${id}`]);
  assertEquals(running.status, "running");
  const done = await client.fineTunes.retrieve(id);
  assertEquals(done.status, "succeeded");
  assert(done.fine_tuned_model?.startsWith("curie:ft-"));
  assertEquals(done.result_files[0].purpose, "fine-tune-results");
  await assertRejects(
    () => client.fineTunes.cancel(id),
    BadRequestError,
    "already succeeded",
  );

  const cancelled = await client.fineTunes.cancel("ft-mock-pending");
  const cancel = last(server);
  assertEquals(cancel.method, "POST");
  assertEquals(cancel.path, "/fine-tunes/ft-mock-pending/cancel");
  assertEquals(cancel.body, undefined);
  assertEquals(cancel.headers["content-type"], undefined);
  assertEquals(cancelled.status, "cancelled");
  assertEquals(cancelled.events?.at(-1)?.message, "Fine-tune cancelled");
});

Deno.test("fineTunes maps an unknown id to NotFoundError", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await assertRejects(() => client.fineTunes.retrieve("ft-x"), NotFoundError);
  await assertRejects(() => client.fineTunes.cancel("ft-x"), NotFoundError);
  await assertRejects(() => client.fineTunes.listEvents("ft-x"), NotFoundError);
  await assertRejects(
    () => client.fineTunes.listEvents("ft/x", { stream: true }),
    NotFoundError,
  );
  assertEquals(last(server).path, "/fine-tunes/ft%2Fx/events");
});

Deno.test("fineTunes.listEvents lists the events so far", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const page = await client.fineTunes.listEvents("ft-mock-succeeded");
  const req = last(server);
  assertEquals(req.method, "GET");
  assertEquals(req.path, "/fine-tunes/ft-mock-succeeded/events");
  assertEquals(req.query, {});
  assert(page instanceof Page);
  assertEquals(page.data.length, 25);
  assertEquals(page.data[0].object, "fine-tune-event");
  assertEquals(page.data.at(-1)?.message, "Fine-tune succeeded");

  await client.fineTunes.listEvents("ft-mock-pending", { stream: false });
  assertEquals(last(server).query, { stream: "false" });
});

Deno.test("fineTunes.listEvents with stream: true follows the job to its end", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const stream = await client.fineTunes.listEvents("ft-mock-pending", {
    stream: true,
  });
  const req = last(server);
  assertEquals(req.method, "GET");
  assertEquals(req.path, "/fine-tunes/ft-mock-pending/events");
  assertEquals(req.query, { stream: "true" });
  assert(stream instanceof Stream);
  const events: FineTuneEvent[] = [];
  for await (const event of stream) events.push(event);
  assertEquals(events.map((e) => e.message), [
    "Created fine-tune: ft-mock-pending",
    "Fine-tune started",
    "Completed epoch 1/4",
    "Completed epoch 2/4",
    "Completed epoch 3/4",
    "Completed epoch 4/4",
    "Fine-tune succeeded",
  ]);
  const after = await client.fineTunes.retrieve("ft-mock-pending");
  assertEquals(after.status, "succeeded");
});

Deno.test("fineTunes.listEvents stream ends with [DONE] over small chunks", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const res = await fetch(
    `${server.url}/fine-tunes/ft-mock-cancelled/events?stream=true`,
    {
      headers: { authorization: "Bearer sk-test" },
    },
  );
  assertEquals(
    res.headers.get("content-type")?.split(";")[0],
    "text/event-stream",
  );
  const text = await res.text();
  assert(text.trimEnd().endsWith("data: [DONE]"), text);

  const stream = await client.fineTunes.listEvents(
    "ft-mock-succeeded",
    { stream: true },
    { headers: { "x-mock-chunk-size": "5" } },
  );
  let count = 0;
  for await (const _event of stream) count++;
  assertEquals(count, 25);
});

Deno.test("fineTunes.listEvents stream cut short is a connection error", async () => {
  const [server, client] = await setup();
  await using _ = server;
  server.mock.fault({ cutAfter: 2 });
  const stream = await client.fineTunes.listEvents("ft-mock-succeeded", {
    stream: true,
  });
  const seen: string[] = [];
  await assertRejects(async () => {
    for await (const event of stream) seen.push(event.message);
  }, APIConnectionError);
  assertEquals(seen.length, 2);
});

Deno.test("fineTunes.listEvents waits a day by default, not the client's timeout", async () => {
  await using server = await serveMock({ apiKey: "sk-test" });
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: server.url,
    maxRetries: 0,
    timeout: 50,
  });
  // A quiet spell longer than the client's timeout is not a failure.
  server.mock.fault({ stallAfter: 2 });
  const controller = new AbortController();
  const stream = await client.fineTunes.listEvents("ft-mock-succeeded", {
    stream: true,
  }, { signal: controller.signal });
  const seen: string[] = [];
  setTimeout(() => controller.abort(), 300);
  for await (const event of stream) seen.push(event.message);
  assertEquals(seen.length, 2, "ended by the abort, quietly");
  // The request's own timeout still applies.
  server.mock.fault({ stallAfter: 2 });
  const bounded = await client.fineTunes.listEvents("ft-mock-succeeded", {
    stream: true,
  }, { timeout: 50 });
  await assertRejects(async () => {
    for await (const _ of bounded) { /* drain */ }
  }, APIConnectionTimeoutError);
});
