import OpenAI, { OpenAIError, PagePromise, toFile } from "../../mod.ts";
import { assert, assertEquals, assertRejects } from "../_assert.ts";
import { setup } from "./_helpers.ts";

// Every list method can be iterated without awaiting the page first, as with
// the official SDK: `for await (const x of client.models.list())`. Iterating
// walks every page, exactly as iterating the awaited page does.

type Lister = () => PagePromise<AsyncIterable<unknown>, unknown>;

// Items as JSON text: legacy fine-tune events have no id.
async function items(iterable: AsyncIterable<unknown>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(JSON.stringify(item));
  return out;
}

Deno.test("every list method iterates directly, across pages, like its awaited page", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const file = await client.files.create({
    file: await toFile(new TextEncoder().encode("{}\n"), "a.jsonl"),
    purpose: "fine-tune",
  });
  const tune = await client.fineTunes.create({ training_file: file.id });
  const job = "ftjob-mock-003";
  const listers: Record<string, Lister> = {
    "models.list": () => client.models.list(),
    "engines.list": () => client.engines.list(),
    "files.list": () => client.files.list(),
    "fineTunes.list": () => client.fineTunes.list(),
    "fineTunes.listEvents": () => client.fineTunes.listEvents(tune.id),
    "fineTuning.jobs.list": () => client.fineTuning.jobs.list({ limit: 2 }),
    "fineTuning.jobs.listEvents": () =>
      client.fineTuning.jobs.listEvents(job, { limit: 7 }),
    "fineTuning.jobs.checkpoints.list": () =>
      client.fineTuning.jobs.checkpoints.list(job, { limit: 10 }),
  };
  for (const [name, list] of Object.entries(listers)) {
    const promise = list();
    assert(promise instanceof PagePromise, name);
    const direct = await items(promise);
    const viaPage = await items(await list());
    assert(direct.length > 0, `${name}: no items`);
    assertEquals(direct, viaPage, name);
  }
  // Cursor lists really walked several pages.
  const events = await items(
    client.fineTuning.jobs.listEvents(job, { limit: 7 }),
  );
  assertEquals(events.length, 25);
});

Deno.test("a page promise still awaits to its page and keeps withResponse", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const page = await client.models.list();
  assert(Array.isArray(page.data) && page.data.length > 0);
  const { data, response } = await client.models.list().withResponse();
  assertEquals(data.data.map((m) => m.id), page.data.map((m) => m.id));
  assertEquals(response.status, 200);
});

Deno.test("iterating a failing list rejects with its API error", async () => {
  const [server, client] = await setup();
  await using _ = server;
  server.mock.fault({ status: 500, times: 1 });
  let caught: unknown;
  try {
    for await (const _model of client.models.list()) {
      throw new Error("unreachable: the list failed");
    }
  } catch (error) {
    caught = error;
  }
  assertEquals((caught as Error).name, "InternalServerError");
});

Deno.test("iterPages walks the pages, getPaginatedItems gives a page's items, the last page has no next", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const first = await client.fineTuning.jobs.listEvents("ftjob-mock-003", {
    limit: 10,
  });
  const sizes: number[] = [];
  let last = first;
  for await (const page of first.iterPages()) {
    assertEquals(page.getPaginatedItems(), page.data);
    sizes.push(page.data.length);
    last = page;
  }
  assertEquals(sizes, [10, 10, 5]);
  assertEquals(last.hasNextPage(), false);
  // As in the official SDK, the last page still continues after its last id;
  // only an empty page has nothing to continue from.
  const after = await last.getNextPage();
  assertEquals(server.mock.requests.at(-1)!.query.after, last.data.at(-1)!.id);
  assertEquals([after.data, after.hasNextPage()], [[], false]);
  await assertRejects(() => after.getNextPage(), OpenAIError, "No next page");
});

Deno.test("a cursor list walks on even when the caller's query holds an `after`", async () => {
  const [server, client] = await setup();
  await using _ = server;
  const job = "ftjob-mock-003";
  const second = (await client.fineTuning.jobs.listEvents(job, { limit: 2 }))
    .data[1].id;
  server.mock.requests.length = 0;
  const seen: string[] = [];
  const list = client.fineTuning.jobs.listEvents(job, {
    limit: 10,
  }, { query: { after: second } });
  for await (const event of list) {
    seen.push(event.id);
    assert(seen.length <= 50, "the list keeps repeating a page");
  }
  assertEquals(new Set(seen).size, seen.length);
  assertEquals(seen.length, 23, "every event after the second");
  const afters = server.mock.requests.map((r) => r.query.after);
  assertEquals(new Set(afters).size, afters.length);
});

Deno.test("a cursor list stops when the server answers the same page again (a proxy that ignores `after`)", async () => {
  let requests = 0;
  const page = (after: string | null) => ({
    object: "list",
    data: [{ id: "ftjob-1" }, { id: "ftjob-2" }],
    has_more: true,
    after,
  });
  const client = new OpenAI({
    apiKey: "sk-test",
    baseURL: "http://stub.local/v1",
    fetch: (input) => {
      requests++;
      return Promise.resolve(
        Response.json(page(new URL(String(input)).searchParams.get("after"))),
      );
    },
  });
  const seen: string[] = [];
  for await (const job of client.fineTuning.jobs.list({ limit: 2 })) {
    seen.push(job.id);
    assert(seen.length <= 50, "the list keeps repeating a page");
  }
  // The second request (after=ftjob-2) got the same page: the walk ends there.
  assertEquals(seen, ["ftjob-1", "ftjob-2", "ftjob-1", "ftjob-2"]);
  assertEquals(requests, 2);
  const first = await client.fineTuning.jobs.list({ limit: 2 });
  assert(first.hasNextPage());
  assert(!(await first.getNextPage()).hasNextPage());
});
