// List methods that take a query before their options also take the options
// alone in the query's place, as the official SDK does (code ported from it
// writes `jobs.list({ signal })`), and refuse an object that mixes the two.
import OpenAI, { APIUserAbortError, Page, Stream } from "../../mod.ts";
import type { RequestOptions } from "../../src/core/options.ts";
import {
  assert,
  assertEquals,
  assertRejects,
  assertThrows,
} from "../_assert.ts";
import { last, setup } from "./_helpers.ts";

const JOB = "ftjob-mock-003";
const FINE_TUNE = "ft-mock-succeeded";

// Every such method, called with request options only, and the path it hits.
const calls = (
  client: OpenAI,
  options: RequestOptions,
): [string, () => PromiseLike<unknown>][] => [
  ["/fine_tuning/jobs", () => client.fineTuning.jobs.list(options)],
  [
    `/fine_tuning/jobs/${JOB}/events`,
    () => client.fineTuning.jobs.listEvents(JOB, options),
  ],
  [
    `/fine_tuning/jobs/${JOB}/checkpoints`,
    () => client.fineTuning.jobs.checkpoints.list(JOB, options),
  ],
  [
    `/fine-tunes/${FINE_TUNE}/events`,
    () => client.fineTunes.listEvents(FINE_TUNE, options),
  ],
  ["/files", () => client.files.list(options)],
];

Deno.test("list methods take an aborted signal in the query's place: they reject and send nothing", async () => {
  const [server, client] = await setup();
  await using _ = server;
  for (const [path, call] of calls(client, { signal: AbortSignal.abort() })) {
    await assertRejects(call, APIUserAbortError);
    assertEquals(server.mock.requests.length, 0, `${path} was sent`);
  }
});

Deno.test("list methods send headers and extra query given in the query's place, on every page", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const options = { headers: { "x-trace": "t1" }, query: { limit: 2 } };
  for (const [path, call] of calls(client, options)) {
    await call();
    const req = last(server);
    assertEquals([req.path, req.headers["x-trace"]], [path, "t1"]);
    assertEquals(req.query.limit, "2", path);
  }
  const first = await client.fineTuning.jobs.list(options);
  await first.getNextPage();
  const req = last(server);
  assertEquals(req.headers["x-trace"], "t1");
  assertEquals(req.query, { limit: "2", after: first.data[1].id });
});

Deno.test("list methods reject query fields mixed with request options, naming both, before sending", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const signal = new AbortController().signal;
  const jobs = client.fineTuning.jobs;
  const mixed = [
    // @ts-expect-error: query fields and request options in one object
    () => jobs.list({ limit: 5, signal }),
    // @ts-expect-error: the same for a job's events
    () => jobs.listEvents(JOB, { after: "x", timeout: 5 }),
    // @ts-expect-error: and its checkpoints
    () => jobs.checkpoints.list(JOB, { limit: 5, headers: {} }),
    // @ts-expect-error: and the legacy events, whose query field is stream
    () => client.fineTunes.listEvents(FINE_TUNE, { stream: true, signal }),
    // @ts-expect-error: and files
    () => client.files.list({ purpose: "fine-tune", maxRetries: 1 }),
  ];
  for (const call of mixed) {
    assertThrows(call, TypeError, "must be passed as separate arguments");
  }
  assertThrows(
    mixed[0],
    TypeError,
    "Query fields (limit) and request options (signal)",
  );
  // Options first and options again: one of them would be ignored.
  assertThrows(
    // @ts-expect-error: options in both places
    () => jobs.list({ signal }, { timeout: 5 }),
    TypeError,
    "Request options (signal) were passed as the query",
  );
  assertEquals(server.mock.requests.length, 0);
});

Deno.test("list methods still read a query that has no request option", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const jobs = client.fineTuning.jobs;
  await jobs.list({});
  assertEquals(last(server).query, {});
  // An option key left undefined is no option.
  await jobs.list({ limit: 3, signal: undefined } as { limit: number });
  assertEquals(last(server).query, { limit: "3" });
  await jobs.listEvents(JOB, { limit: 4 }, { headers: { "x-trace": "t2" } });
  assertEquals(last(server).query, { limit: "4" });
  assertEquals(last(server).headers["x-trace"], "t2");
  const stream = await client.fineTunes.listEvents(FINE_TUNE, {
    stream: true,
  }, { headers: { "x-trace": "t3" } });
  assert(stream instanceof Stream);
  assertEquals(last(server).headers["x-trace"], "t3");
  let events = 0;
  for await (const _event of stream) events++;
  assertEquals(events, 25);
  const page = await client.fineTunes.listEvents(FINE_TUNE, { stream: false });
  assert(page instanceof Page);
});

Deno.test("files.list sends purpose as a query parameter and honours the options after it", async () => {
  const [server, client] = await setup();
  await using _ = server;
  await client.files.create({
    file: new File(["{}\n"], "a.jsonl"),
    purpose: "fine-tune",
  });
  const page = await client.files.list({ purpose: "fine-tune" });
  const req = last(server);
  assertEquals([req.method, req.path, req.query], ["GET", "/files", {
    purpose: "fine-tune",
  }]);
  assert(req.url.endsWith("/files?purpose=fine-tune"), req.url);
  assertEquals(page.data.length, 1);
  await client.files.list();
  assertEquals(last(server).query, {});
  const sent = server.mock.requests.length;
  await assertRejects(
    () =>
      client.files.list({ purpose: "fine-tune" }, {
        signal: AbortSignal.abort(),
      }),
    APIUserAbortError,
  );
  assertEquals(server.mock.requests.length, sent, "an aborted list was sent");
});

Deno.test("a list method leaves the client's defaultQuery in place for the fields it was not given", async () => {
  const [server] = await setup();
  await using _ = server;
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: server.url,
    maxRetries: 0,
    defaultQuery: { purpose: "fine-tune", limit: 5 },
  });
  const sent = () => new URL(last(server).url).searchParams.toString();
  await client.files.list();
  assertEquals(sent(), "purpose=fine-tune&limit=5");
  await client.files.list({ purpose: "answers" });
  assertEquals(sent(), "purpose=answers&limit=5");
  await client.fineTuning.jobs.list();
  assertEquals(sent(), "purpose=fine-tune&limit=5");
  await client.fineTuning.jobs.list({ limit: 2 });
  assertEquals(sent(), "purpose=fine-tune&limit=2");
  await client.fineTunes.listEvents(FINE_TUNE);
  assertEquals(sent(), "purpose=fine-tune&limit=5");
});

Deno.test("the mock's files.list keeps the files of the purpose asked for", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const file = (name: string) =>
    new File(['{"prompt":"a","completion":"b"}\n'], name);
  await client.files.create({ file: file("a.jsonl"), purpose: "fine-tune" });
  await client.files.create({
    file: new File(['{"text":"doc"}\n'], "b.jsonl"),
    purpose: "search",
  });
  const names = async (purpose?: string) =>
    (await client.files.list(purpose ? { purpose } : undefined)).data
      .map((f) => f.filename);
  assertEquals(await names(), ["a.jsonl", "b.jsonl"]);
  assertEquals(await names("fine-tune"), ["a.jsonl"]);
  assertEquals(await names("search"), ["b.jsonl"]);
  assertEquals(await names("answers"), []);
});

Deno.test("the mock pages files.list with limit and after, and the client follows it", async () => {
  const [server, client] = await setup();
  await using _ = server;
  for (const name of ["a.jsonl", "b.jsonl", "c.jsonl"]) {
    await client.files.create({
      file: new File(['{"prompt":"a","completion":"b"}\n'], name),
      purpose: "fine-tune",
    });
  }
  const names: string[] = [];
  for await (const f of client.files.list({ limit: 2 })) names.push(f.filename);
  assertEquals(names, ["a.jsonl", "b.jsonl", "c.jsonl"]);
  const lists = server.mock.requests.filter((r) =>
    r.method === "GET" && r.path === "/files"
  );
  assertEquals(lists.length, 2);
  const first = await client.files.list({ limit: 2 });
  assertEquals([first.data.length, first.has_more], [2, true]);
});
