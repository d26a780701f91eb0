import {
  APIConnectionTimeoutError,
  APIUserAbortError,
  type FileObject,
  toFile,
} from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { inProcess } from "../core/_helpers.ts";

// files.waitForProcessing, as in the official SDK: poll retrieve until the
// file is final. The mock's retrieve answers are scripted with faults, so
// these tests do not depend on how the mock advances a file by itself.

const RETRIEVE = { method: "GET", path: "/files/{file_id}" };

async function uploaded() {
  const { client, mock } = inProcess({ maxRetries: 0 });
  const file = await client.files.create({
    file: await toFile(new TextEncoder().encode("{}\n"), "a.jsonl"),
    purpose: "fine-tune",
  });
  // Each poll reads the next status scripted here.
  const answer = (status: string, times = 1) =>
    mock.fault({ match: RETRIEVE, times, body: { ...file, status } });
  const polls = () =>
    mock.requests.filter((r) => r.method === "GET" && r.path === path).length;
  const path = `/files/${file.id}`;
  return { client, mock, file, answer, polls };
}

Deno.test("files.waitForProcessing polls until processed, with the call's options", async () => {
  const { client, mock, file, answer, polls } = await uploaded();
  answer("uploaded", 2);
  answer("processed");
  const done: FileObject = await client.files.waitForProcessing(
    file.id,
    { pollInterval: 1 },
    { headers: { "x-poll": "yes" } },
  );
  assertEquals(done.status, "processed");
  assertEquals(done.id, file.id);
  assertEquals(polls(), 3);
  assertEquals(mock.requests.at(-1)!.headers["x-poll"], "yes");
});

Deno.test("files.waitForProcessing resolves, not rejects, on error and deleted", async () => {
  for (const status of ["error", "deleted"]) {
    const { client, file, answer, polls } = await uploaded();
    answer("uploaded");
    answer(status);
    const done = await client.files.waitForProcessing(file.id, {
      pollInterval: 1,
    });
    assertEquals(done.status, status);
    assertEquals(polls(), 2, status);
  }
});

Deno.test("files.waitForProcessing does not poll again when the file is already final", async () => {
  const { client, file, answer, polls } = await uploaded();
  answer("processed");
  // A long interval: a sleep would leave a timer the sanitizer reports.
  const done = await client.files.waitForProcessing(file.id, {
    pollInterval: 60_000,
  });
  assertEquals([done.status, polls()], ["processed", 1]);
});

Deno.test("files.waitForProcessing rejects with APIConnectionTimeoutError after maxWait", async () => {
  const { client, file, answer, polls } = await uploaded();
  answer("uploaded", Infinity);
  const err = await assertRejects(
    () =>
      client.files.waitForProcessing(file.id, { pollInterval: 2, maxWait: 0 }),
    APIConnectionTimeoutError,
  );
  assert(err.message.includes(file.id), err.message);
  assert(err.message.includes("after 0 ms"), err.message);
  // As in the official SDK, the deadline is checked after each poll that
  // follows a wait.
  assertEquals(polls(), 2);
});

Deno.test("files.waitForProcessing returns a file that is final by the poll after maxWait", async () => {
  const { client, file, answer } = await uploaded();
  answer("uploaded");
  answer("processed");
  const done = await client.files.waitForProcessing(file.id, {
    pollInterval: 2,
    maxWait: 0,
  });
  assertEquals(done.status, "processed");
});

Deno.test("files.waitForProcessing stops at once when the signal aborts between polls", async () => {
  const { client, file, answer, polls } = await uploaded();
  answer("uploaded", Infinity);
  const controller = new AbortController();
  const files = client.files;
  const retrieve = files.retrieve.bind(files);
  // Abort once the first poll has answered, i.e. during the wait after it.
  files.retrieve = (id, options) =>
    retrieve(id, options).then((f) => {
      setTimeout(() => controller.abort(new Error("stop")), 0);
      return f;
    }) as ReturnType<typeof retrieve>;
  const start = performance.now();
  const err = await assertRejects(
    () =>
      files.waitForProcessing(file.id, { pollInterval: 60_000 }, {
        signal: controller.signal,
      }),
    APIUserAbortError,
  );
  assertEquals((err.cause as Error).message, "stop");
  assertEquals(polls(), 1);
  assert(performance.now() - start < 30_000, "it waited out the interval");
  // The sanitizers fail this test if the 60 s wait's timer is still armed.
});

Deno.test("files.waitForProcessing ends on the mock's own upload without faults", async () => {
  const { client, file, polls } = await uploaded();
  // The default interval: the mock's first retrieve already says processed,
  // so the wait is one poll, not five seconds.
  const done = await client.files.waitForProcessing(file.id);
  assertEquals([done.status, polls()], ["processed", 1]);
});

Deno.test("files.waitForProcessing refuses a wait that is not a number >= 0, before polling", async () => {
  const { client, file, polls } = await uploaded();
  for (
    const wait of [
      { pollInterval: -1 },
      { pollInterval: NaN },
      { maxWait: NaN },
      { maxWait: -5 },
    ]
  ) {
    const err = await assertRejects(
      () => client.files.waitForProcessing(file.id, wait),
      TypeError,
    );
    assert(err.message.includes(Object.keys(wait)[0]), err.message);
  }
  assertEquals(polls(), 0);
});

Deno.test("files.waitForProcessing gives up at maxWait even when pollInterval is longer", async () => {
  const { client, file, answer, polls } = await uploaded();
  answer("uploaded", Infinity);
  const started = performance.now();
  // Uncapped, the wait between polls would be an hour: the guard's abort
  // then fails the test instead of letting it hang.
  const guard = new AbortController();
  const timer = setTimeout(() => guard.abort(), 5_000);
  await assertRejects(
    () =>
      client.files.waitForProcessing(file.id, {
        pollInterval: 3_600_000,
        maxWait: 30,
      }, { signal: guard.signal }),
    APIConnectionTimeoutError,
    "after 30 ms",
  ).finally(() => clearTimeout(timer));
  const waited = performance.now() - started;
  assert(waited < 2_000, `waited ${waited} ms`);
  // One poll right away, one just after maxWait.
  assertEquals(polls(), 2);
});
